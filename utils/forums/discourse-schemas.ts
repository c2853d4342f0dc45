import { z } from '../zod';
import { MAX_POST_NUMBER } from './limits';

/**
 * What Threadside needs from Discourse's JSON, checked on every response. Unknown fields pass
 * through (Discourse adds fields often); missing or mistyped ones we rely on are an error.
 */

// Bounded: a forum's JSON is written by whoever runs the forum.
const count = z.number().int().nonnegative().max(MAX_POST_NUMBER);
const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const time = z.string().max(40);

export const discoursePostSchema = z.looseObject({
  id,
  post_number: count.min(1),
  username: z.string().max(100),
  name: z.string().max(200).nullish(),
  created_at: time,
  cooked: z.string().max(500_000),
  like_count: count.optional(),
  actions_summary: z
    .array(z.looseObject({ id: z.number(), count: count.optional() }))
    .max(50)
    .optional(),
  reply_to_post_number: count.nullish(),
  // Who the forum says runs it: their helplines count as support in a summary.
  staff: z.boolean().optional(),
  moderator: z.boolean().optional(),
  admin: z.boolean().optional(),
});

/** A topic's fields as both a topic's own JSON and the /latest list give them. */
const topicFields = {
  id,
  title: z.string().max(1000),
  slug: z.string().max(1000).optional(),
  posts_count: count,
  highest_post_number: count,
  last_posted_at: time.nullish(),
};

export const discourseTopicSchema = z.looseObject({
  ...topicFields,
  chunk_size: z.number().int().positive().max(1000).optional(),
  last_read_post_number: count.nullish(),
  post_stream: z.looseObject({
    posts: z.array(discoursePostSchema).max(1000),
    // Topics of 10,000+ posts do not get the full id list.
    stream: z.array(id).max(MAX_POST_NUMBER).optional(),
  }),
});

export const discoursePostsSchema = z.looseObject({
  post_stream: z.looseObject({ posts: z.array(discoursePostSchema).max(1000) }),
});

export const discourseLatestSchema = z.looseObject({
  topic_list: z.looseObject({
    topics: z
      .array(
        z.looseObject({
          ...topicFields,
          bumped_at: time.nullish(),
          // Pinned topics head the list whatever their age.
          pinned: z.boolean().nullish(),
          pinned_globally: z.boolean().nullish(),
        }),
      )
      .max(1000),
    more_topics_url: z.string().max(2000).nullish(),
  }),
});

export type DiscoursePost = z.infer<typeof discoursePostSchema>;
export type DiscourseTopic = z.infer<typeof discourseTopicSchema>;
export type DiscoursePosts = z.infer<typeof discoursePostsSchema>;
export type DiscourseLatest = z.infer<typeof discourseLatestSchema>;

/** Likes live in `like_count` on recent versions and in `actions_summary` (id 2) on older ones. */
export function likeCount(post: DiscoursePost): number {
  return post.like_count ?? post.actions_summary?.find((a) => a.id === 2)?.count ?? 0;
}
