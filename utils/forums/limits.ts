/**
 * Bounds on what Threadside accepts from a forum, whoever runs it: a hostile or broken forum
 * must not make it store absurd numbers, hold huge answers in memory, or send thousands of
 * requests.
 */

/** No forum thread has anywhere near this many posts. */
export const MAX_POST_NUMBER = 1_000_000;

/** Forums let admins choose posts per page; none allows anywhere near this many. */
export const MAX_PER_PAGE = 1000;

/**
 * The longest wait a forum's "slow down" is taken at (Retry-After, Discourse's wait_seconds):
 * a forum asking for years, or a stranger on the network path of an http forum, would stop
 * its checks for good, Check now included (a rate limit is always obeyed).
 */
export const MAX_RETRY_AFTER_S = 6 * 3600;

/** An answer larger than this is not read (a topic's JSON is ~100 kB, a thread page ~1 MB). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * A summary reads at most this many posts: the first `SUMMARY_HEAD` (the question and the
 * first answers) and the latest of the rest. 3,000 posts are 150 requests of 20.
 */
export const MAX_SUMMARY_POSTS = 3000;
export const SUMMARY_HEAD = 1000;
