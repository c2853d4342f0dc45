import { describe, expect, it } from 'vitest';
import { createDiscourseClient } from '../../../utils/forums/discourse-api';
import { MAX_SUMMARY_POSTS } from '../../../utils/forums/limits';
import { fetchDiscourseThread } from '../../../utils/summary/fetch-thread';

const ORIGIN = 'https://forum.example.org';
const post = (id: number) => ({
  id,
  post_number: id,
  username: `member${id % 7}`,
  created_at: '2026-11-01T10:00:00Z',
  cooked: `<p>Post ${id}</p>`,
});

/** A forum whose topic claims `length` posts and answers every request for them. */
function forum(length: number) {
  const stream = Array.from({ length }, (_, i) => i + 1);
  let requests = 0;
  const fetch = (input: RequestInfo | URL) => {
    requests++;
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const body = url.pathname.endsWith('/posts.json')
      ? { post_stream: { posts: url.searchParams.getAll('post_ids[]').map((id) => post(Number(id))) } }
      : {
          id: 5,
          title: 'A very long thread',
          posts_count: length,
          highest_post_number: length,
          post_stream: { posts: stream.slice(0, 20).map(post), stream },
        };
    const res = new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    Object.defineProperty(res, 'url', { value: url.href });
    return Promise.resolve(res);
  };
  return { client: createDiscourseClient({ origin: ORIGIN, fetch }), requests: () => requests };
}

describe('reading a whole thread for a summary', () => {
  it('reads at most the first posts and the latest of a huge stream, and says how long it is', async () => {
    const f = forum(200_000);
    const res = await fetchDiscourseThread(
      f.client,
      '5',
      (h) => h,
      () => {},
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.thread.posts).toHaveLength(MAX_SUMMARY_POSTS);
    expect(res.thread.postsInThread).toBe(200_000);
    expect(res.thread.posts[0].post_number).toBe(1);
    expect(res.thread.posts.at(-1)!.post_number).toBe(200_000);
    expect(f.requests()).toBeLessThanOrEqual(1 + MAX_SUMMARY_POSTS / 20);
  });

  it('reads every post of an ordinary thread', async () => {
    const f = forum(130);
    const res = await fetchDiscourseThread(
      f.client,
      '5',
      (h) => h,
      () => {},
    );
    expect(res.ok && res.thread.posts.length).toBe(130);
    expect(res.ok && res.thread.postsInThread).toBeUndefined();
  });

  it('refuses an answer past the size limit instead of reading it all', async () => {
    const huge = () => {
      const res = new Response('x', {
        headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
      });
      Object.defineProperty(res, 'url', { value: `${ORIGIN}/t/5.json` });
      return Promise.resolve(res);
    };
    const res = await createDiscourseClient({ origin: ORIGIN, fetch: huge }).getTopic(5);
    expect(!res.ok && res.error.kind).toBe('malformed');
    // Nor one that says nothing of its size and keeps coming.
    const endless = () => {
      const res = new Response(`{"x":"${'y'.repeat(6 * 1024 * 1024)}"}`, {
        headers: { 'content-type': 'application/json' },
      });
      Object.defineProperty(res, 'url', { value: `${ORIGIN}/t/5.json` });
      return Promise.resolve(res);
    };
    const again = await createDiscourseClient({ origin: ORIGIN, fetch: endless }).getTopic(5);
    expect(!again.ok && again.error.kind).toBe('malformed');
    expect(!again.ok && again.error.kind === 'malformed' && again.error.detail).toMatch(/^over /);
  });
});
