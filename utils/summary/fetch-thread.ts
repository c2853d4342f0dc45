import type { DiscourseClient } from '../forums/discourse-api';
import { likeCount, type DiscoursePost } from '../forums/discourse-schemas';
import type { FetchError, FetchResult } from '../forums/http-errors';
import type { ThreadInput } from './summarise';
import { MAX_SUMMARY_POSTS, SUMMARY_HEAD } from '../forums/limits';
import { backoffMs } from '../checks/backoff';

/**
 * Every post of a Discourse topic through its JSON API: the topic gives every post id, the
 * ones not in its first chunk come 20 at a time, one request after another. Progress is
 * reported after each batch ("Reading 240 of 300 posts…"). However long the stream a forum
 * claims, at most MAX_SUMMARY_POSTS are read: the first ones and the latest.
 *
 * A passing fault (a 500, a dropped connection, a timeout, a short Retry-After) is tried
 * again politely, as checks do: the forum's Retry-After exactly, otherwise a doubling wait
 * with jitter. What was read before a fault that does not pass is handed back, so the next
 * try asks only for the rest.
 */
export interface ReadOptions {
  /** Posts read by an earlier try: not asked for again. */
  known?: ReadonlyMap<number, DiscoursePost>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told before each wait, so the reader knows why the reading paused. */
  onRetry?: (waitSeconds: number, error: FetchError) => void;
  /** Tries of one request, the first included. */
  tries?: number;
}

/** First wait after a fault: a reader is waiting with the panel open, unlike a background check. */
export const RETRY_BASE_MS = 2000;
/** A Retry-After longer than this is not waited out with the panel open: the reader is told. */
export const LONGEST_WAIT_S = 60;
const TRIES = 4;

const passing = (e: FetchError) =>
  e.kind === 'server' ||
  e.kind === 'network' ||
  e.kind === 'timeout' ||
  (e.kind === 'rate-limited' && e.retryAfterSeconds <= LONGEST_WAIT_S);

async function withRetries<T>(ask: () => Promise<FetchResult<T>>, opts: ReadOptions): Promise<FetchResult<T>> {
  const tries = opts.tries ?? TRIES;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    const res = await ask();
    if (res.ok || attempt >= tries || !passing(res.error)) return res;
    const ms =
      res.error.kind === 'rate-limited'
        ? res.error.retryAfterSeconds * 1000
        : backoffMs(attempt, opts.random ?? Math.random, RETRY_BASE_MS);
    opts.onRetry?.(Math.ceil(ms / 1000), res.error);
    await sleep(ms);
  }
}

export type ThreadRead =
  | { ok: true; thread: ThreadInput; highestPostNumber: number }
  | { ok: false; error: FetchError; read: Map<number, DiscoursePost> };

export async function fetchDiscourseThread(
  client: DiscourseClient,
  topicId: string,
  toText: (cooked: string) => string,
  onProgress: (read: number, total: number) => void,
  opts: ReadOptions = {},
): Promise<ThreadRead> {
  const byId = new Map<number, DiscoursePost>(opts.known ?? []);
  const topic = await withRetries(() => client.getTopic(topicId), opts);
  if (!topic.ok) return { ok: false, error: topic.error, read: byId };
  for (const p of topic.data.post_stream.posts) byId.set(p.id, p);
  const all = topic.data.post_stream.stream ?? [...byId.keys()];
  const stream =
    all.length > MAX_SUMMARY_POSTS
      ? [...all.slice(0, SUMMARY_HEAD), ...all.slice(all.length - (MAX_SUMMARY_POSTS - SUMMARY_HEAD))]
      : all;
  const wanted = new Set(stream);
  const readOf = () => stream.reduce((n, id) => n + +byId.has(id), 0);
  const missing = stream.filter((id) => !byId.has(id));
  onProgress(readOf(), stream.length);
  for (let i = 0; i < missing.length; i += 20) {
    const res = await withRetries(() => client.getPosts(topicId, missing.slice(i, i + 20)), opts);
    if (!res.ok) return { ok: false, error: res.error, read: byId };
    // Only what was asked for: a forum's extra posts do not crowd out the thread's own.
    for (const p of res.data) if (wanted.has(p.id)) byId.set(p.id, p);
    onProgress(readOf(), stream.length);
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
