import type { z } from '../zod';
import {
  discourseLatestSchema,
  discoursePostsSchema,
  discourseTopicSchema,
  type DiscourseLatest,
  type DiscoursePost,
  type DiscourseTopic,
} from './discourse-schemas';
import { fetchText } from './fetch-text';
import { errorMessages, type FetchResult } from './http-errors';

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
    const res = await fetchText(url, {
      fetch: doFetch,
      expects: 'json',
      now,
      timeoutMs,
      credentials: opts.credentials,
    });
    if (!res.ok) return res;
    let json: unknown;
    try {
      json = JSON.parse(res.data);
    } catch (err) {
      return {
        ok: false,
        error: {
          kind: 'malformed',
          detail: `not JSON: ${(err as Error).message}`,
          message: errorMessages.malformed(url),
        },
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: {
          kind: 'malformed',
          detail: `${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
          message: errorMessages.malformed(url),
        },
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
