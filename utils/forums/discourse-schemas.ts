import { z } from 'zod';

/**
 * What Threadside needs from Discourse's JSON, checked on every response. Unknown fields pass
 * through (Discourse adds fields often); missing or mistyped ones we rely on are an error.
 */

const count = z.number().int().nonnegative();

export const discoursePostSchema = z.looseObject({
  id: z.number().int(),
  post_number: z.number().int().positive(),
  username: z.string(),
  name: z.string().nullish(),
  created_at: z.string(),
  cooked: z.string(),
  like_count: count.optional(),
  actions_summary: z.array(z.looseObject({ id: z.number(), count: count.optional() })).optional(),
  reply_to_post_number: z.number().int().nullish(),
  // Who the forum says runs it: their helplines count as support in a summary.
  staff: z.boolean().optional(),
  moderator: z.boolean().optional(),
  admin: z.boolean().optional(),
});

/** A topic's fields as both a topic's own JSON and the /latest list give them. */
const topicFields = {
  id: z.number().int(),
  title: z.string(),
  slug: z.string().optional(),
  posts_count: count,
  highest_post_number: count,
  last_posted_at: z.string().nullish(),
};

export const discourseTopicSchema = z.looseObject({
  ...topicFields,
  chunk_size: z.number().int().positive().optional(),
  last_read_post_number: count.nullish(),
  post_stream: z.looseObject({
    posts: z.array(discoursePostSchema),
    // Topics of 10,000+ posts do not get the full id list.
    stream: z.array(z.number().int()).optional(),
  }),
});

export const discoursePostsSchema = z.looseObject({
  post_stream: z.looseObject({ posts: z.array(discoursePostSchema) }),
});

export const discourseLatestSchema = z.looseObject({
  topic_list: z.looseObject({
    topics: z.array(
      z.looseObject({
        ...topicFields,
        bumped_at: z.string().nullish(),
      }),
    ),
    more_topics_url: z.string().nullish(),
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
