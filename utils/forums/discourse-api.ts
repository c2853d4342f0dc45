import type { z } from 'zod';
import {
  discourseLatestSchema,
  discoursePostsSchema,
  discourseTopicSchema,
  type DiscourseLatest,
  type DiscoursePost,
  type DiscourseTopic,
} from './discourse-schemas';
import { errorMessages, parseRetryAfter, type FetchResult } from './http-errors';

/**
 * A small client for the Discourse JSON API. It never throws for what a forum does (rate
 * limits, errors, login walls, broken JSON): callers get a typed error with a message a
 * reader can understand. Pacing between requests is the caller's job (the poll planner).
 */

export const POSTS_PER_REQUEST = 20;

export interface DiscourseClientOptions {
  origin: string;
  fetch?: typeof fetch;
  /** 'include' sends the reader's forum cookies, so private categories they can read work. */
  credentials?: RequestCredentials;
  timeoutMs?: number;
  now?: () => number;
}

export interface DiscourseClient {
  getTopic(id: string | number): Promise<FetchResult<DiscourseTopic>>;
  /** Fetches in batches of 20, one request after another; stops at the first failure. */
  getPosts(id: string | number, postIds: number[]): Promise<FetchResult<DiscoursePost[]>>;
  getLatest(opts?: { page?: number }): Promise<FetchResult<DiscourseLatest>>;
}

export function createDiscourseClient(opts: DiscourseClientOptions): DiscourseClient {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const now = opts.now ?? Date.now;
  const origin = opts.origin.replace(/\/$/, '');

  async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<FetchResult<z.infer<S>>> {
    const url = `${origin}${path}`;
    let res: Response;
    try {
      res = await doFetch(url, {
        headers: { Accept: 'application/json' },
        credentials: opts.credentials ?? 'include',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const name = (err as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError')
        return { ok: false, error: { kind: 'timeout', message: errorMessages.timeout(url) } };
      return { ok: false, error: { kind: 'network', detail: String(err), message: errorMessages.network(url) } };
    }
    const type = res.headers.get('content-type') ?? '';
    const isJson = /json/i.test(type);
    let body: string;
    try {
      body = await res.text();
    } catch (err) {
      return { ok: false, error: { kind: 'network', detail: String(err), message: errorMessages.network(url) } };
    }

    if (res.status === 429) {
      let seconds = parseRetryAfter(res.headers.get('retry-after'), now());
      if (seconds === null && isJson) {
        try {
          const wait = (JSON.parse(body) as { extras?: { wait_seconds?: unknown } })?.extras?.wait_seconds;
          if (typeof wait === 'number' && wait >= 0) seconds = Math.ceil(wait);
        } catch {
          /* fall through to the default */
        }
      }
      seconds ??= 60;
      return { ok: false, error: { kind: 'rate-limited', retryAfterSeconds: seconds, message: errorMessages.rateLimited(url, seconds) } };
    }
    if (res.status === 404 || res.status === 410)
      return { ok: false, error: { kind: 'not-found', message: errorMessages.notFound(url) } };
    if (res.status === 401 || res.status === 403 || (res.ok && !isJson && /<html|<!doctype/i.test(body)))
      return { ok: false, error: { kind: 'needs-sign-in', message: errorMessages.signIn(url) } };
    if (res.status >= 500 || !res.ok)
      return { ok: false, error: { kind: 'server', status: res.status, message: errorMessages.server(url, res.status) } };

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      return { ok: false, error: { kind: 'malformed', detail: `not JSON: ${(err as Error).message}`, message: errorMessages.malformed(url) } };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: { kind: 'malformed', detail: `${issue?.path.join('.') || '(root)'}: ${issue?.message}`, message: errorMessages.malformed(url) },
      };
    }
    return { ok: true, data: parsed.data };
  }

  return {
    getTopic: (id) => getJson(`/t/${encodeURIComponent(String(id))}.json`, discourseTopicSchema),
    async getPosts(id, postIds) {
      const posts: DiscoursePost[] = [];
      for (let i = 0; i < postIds.length; i += POSTS_PER_REQUEST) {
        const batch = postIds.slice(i, i + POSTS_PER_REQUEST);
        const qs = batch.map((p) => `post_ids%5B%5D=${encodeURIComponent(String(p))}`).join('&');
        const result = await getJson(`/t/${encodeURIComponent(String(id))}/posts.json?${qs}`, discoursePostsSchema);
        if (!result.ok) return result;
        posts.push(...result.data.post_stream.posts);
      }
      return { ok: true, data: posts };
    },
    getLatest: ({ page = 0 } = {}) =>
      getJson(`/latest.json?order=activity${page ? `&page=${page}` : ''}`, discourseLatestSchema),
  };
}
