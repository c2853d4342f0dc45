import type { DiscourseClient } from '../forums/discourse-api';
import { likeCount, type DiscoursePost } from '../forums/discourse-schemas';
import type { FetchError } from '../forums/http-errors';
import type { ThreadInput } from './summarise';
import { MAX_SUMMARY_POSTS, SUMMARY_HEAD } from '../forums/limits';

/**
 * Every post of a Discourse topic through its JSON API: the topic gives every post id, the
 * ones not in its first chunk come 20 at a time, one request after another. Progress is
 * reported after each batch ("Reading 240 of 300 posts…"). However long the stream a forum
 * claims, at most MAX_SUMMARY_POSTS are read: the first ones and the latest.
 */
export async function fetchDiscourseThread(
  client: DiscourseClient,
  topicId: string,
  toText: (cooked: string) => string,
  onProgress: (read: number, total: number) => void,
): Promise<{ ok: true; thread: ThreadInput; highestPostNumber: number } | { ok: false; error: FetchError }> {
  const topic = await client.getTopic(topicId);
  if (!topic.ok) return topic;
  const byId = new Map<number, DiscoursePost>(topic.data.post_stream.posts.map((p) => [p.id, p]));
  const all = topic.data.post_stream.stream ?? [...byId.keys()];
  const stream =
    all.length > MAX_SUMMARY_POSTS
      ? [...all.slice(0, SUMMARY_HEAD), ...all.slice(all.length - (MAX_SUMMARY_POSTS - SUMMARY_HEAD))]
      : all;
  const missing = stream.filter((id) => !byId.has(id));
  onProgress(byId.size, stream.length);
  for (let i = 0; i < missing.length; i += 20) {
    const res = await client.getPosts(topicId, missing.slice(i, i + 20));
    if (!res.ok) return res;
    for (const p of res.data) byId.set(p.id, p);
    onProgress(Math.min(stream.length, byId.size), stream.length);
  }
  const posts = stream
    .map((id) => byId.get(id))
    .filter((p): p is DiscoursePost => p !== undefined)
    .map((p) => ({
      post_number: p.post_number,
      username: p.username,
      like_count: likeCount(p),
      text: toText(p.cooked),
      staff: !!(p.staff || p.moderator || p.admin),
    }));
  return {
    ok: true,
    thread: { title: topic.data.title, posts, ...(all.length > posts.length ? { postsInThread: all.length } : {}) },
    highestPostNumber: topic.data.highest_post_number,
  };
}
