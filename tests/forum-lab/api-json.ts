import { cook } from './cooked';
import type { LabPost, LabTopic } from './store';

/** Discourse-shaped JSON, field names as Discourse sends them. */

export const CHUNK_SIZE = 20;

/** The demo forum's staff and volunteers, as Discourse marks them on each post. */
const STAFF = new Set(['Dawn_BCUK', 'Mark_Volunteer', 'Louise_Volunteer']);

export function postJson(topic: LabTopic, p: LabPost) {
  return {
    id: p.id,
    name: p.name,
    username: p.username,
    avatar_template: `/letter_avatar_proxy/v4/letter/${p.username[0].toLowerCase()}/8e7dd6/{size}.png`,
    created_at: p.created_at,
    cooked: cook(p, topic.id),
    post_number: p.post_number,
    post_type: 1,
    updated_at: p.created_at,
    reply_count: 0,
    reply_to_post_number: p.reply_to_post_number,
    quote_count: p.quote ? 1 : 0,
    reads: 10 + p.post_number,
    topic_id: topic.id,
    topic_slug: topic.slug,
    user_id: p.user_id,
    like_count: p.like_count,
    moderator: STAFF.has(p.username),
    admin: false,
    staff: STAFF.has(p.username),
    actions_summary: p.like_count ? [{ id: 2, count: p.like_count }] : [],
  };
}

export function topicJson(topic: LabTopic, firstPost = 1) {
  const last = topic.posts[topic.posts.length - 1];
  const startIndex = Math.max(
    0,
    topic.posts.findIndex((p) => p.post_number >= firstPost),
  );
  return {
    id: topic.id,
    title: topic.title,
    fancy_title: topic.title,
    slug: topic.slug,
    posts_count: topic.posts.length,
    reply_count: topic.posts.length - 1,
    highest_post_number: last.post_number,
    created_at: topic.created_at,
    last_posted_at: last.created_at,
    bumped_at: topic.bumped_at,
    archetype: 'regular',
    visible: true,
    closed: false,
    archived: false,
    like_count: topic.posts.reduce((n, p) => n + p.like_count, 0),
    views: 120 + topic.posts.length * 7,
    category_id: 5,
    chunk_size: CHUNK_SIZE,
    post_stream: {
      posts: topic.posts.slice(startIndex, startIndex + CHUNK_SIZE).map((p) => postJson(topic, p)),
      stream: topic.posts.map((p) => p.id),
    },
    details: {
      created_by: { id: topic.posts[0].user_id, username: topic.posts[0].username },
      last_poster: { id: last.user_id, username: last.username },
    },
  };
}

const LATEST_PAGE_SIZE = 30;

export function latestJson(topics: LabTopic[], page: number) {
  const slice = topics.slice(page * LATEST_PAGE_SIZE, (page + 1) * LATEST_PAGE_SIZE);
  const more = (page + 1) * LATEST_PAGE_SIZE < topics.length;
  return {
    users: [],
    topic_list: {
      can_create_topic: false,
      per_page: LATEST_PAGE_SIZE,
      topics: slice.map((t) => ({
        id: t.id,
        title: t.title,
        fancy_title: t.title,
        slug: t.slug,
        posts_count: t.posts.length,
        reply_count: t.posts.length - 1,
        highest_post_number: t.posts[t.posts.length - 1].post_number,
        created_at: t.created_at,
        last_posted_at: t.posts[t.posts.length - 1].created_at,
        bumped_at: t.bumped_at,
        bumped: true,
        visible: true,
        closed: false,
        archived: false,
      })),
      ...(more ? { more_topics_url: `/latest?order=activity&page=${page + 1}` } : {}),
    },
  };
}
