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

/** A forum whose topic claims `length` posts and answers every request for them, but the faults it is given. */
function forum(length: number, faults: Array<(url: URL) => Response | null> = []) {
  const stream = Array.from({ length }, (_, i) => i + 1);
  let requests = 0;
  const asked: string[] = [];
  const fetch = (input: RequestInfo | URL) => {
    requests++;
    const url = new URL(input instanceof Request ? input.url : input.toString());
    asked.push(url.pathname + url.search);
    for (const fault of faults) {
      const res = fault(url);
      if (res) {
        Object.defineProperty(res, 'url', { value: url.href });
        return Promise.resolve(res);
      }
    }
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
  return { client: createDiscourseClient({ origin: ORIGIN, fetch }), requests: () => requests, asked };
}

/** A fault on the posts' requests, `times` times (then the forum answers again). */
const postsFail = (status: number, times: number, headers: Record<string, string> = {}) => {
  let left = times;
  return (url: URL) =>
    url.pathname.endsWith('/posts.json') && left-- > 0 ? new Response('<h1>Error</h1>', { status, headers }) : null;
};
const noWait = () => {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()), random: () => 0.5 };
};

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

  it('tries a passing fault again after a doubling wait, and finishes the reading', async () => {
    const f = forum(130, [postsFail(500, 2)]);
    const w = noWait();
    const retries: number[] = [];
    const res = await fetchDiscourseThread(
      f.client,
      '5',
      (h) => h,
      () => {},
      {
        ...w,
        onRetry: (s) => retries.push(s),
      },
    );
    expect(res.ok && res.thread.posts.length).toBe(130);
    expect(w.waits).toEqual([1500, 3000]);
    expect(retries).toEqual([2, 3]);
  });

  it('waits out the forum’s own Retry-After, and gives up at once on a long one', async () => {
    const short = noWait();
    const ok = await fetchDiscourseThread(
      forum(60, [postsFail(429, 1, { 'Retry-After': '7' })]).client,
      '5',
      (h) => h,
      () => {},
      short,
    );
    expect(ok.ok).toBe(true);
    expect(short.waits).toEqual([7000]);
    const long = noWait();
    const no = await fetchDiscourseThread(
      forum(60, [postsFail(429, 1, { 'Retry-After': '3600' })]).client,
      '5',
      (h) => h,
      () => {},
      long,
    );
    expect(!no.ok && no.error.kind).toBe('rate-limited');
    expect(long.waits).toEqual([]);
  });

  it('keeps what it read when a fault does not pass, and the next try asks only for the rest', async () => {
    let failing = true;
    const f = forum(130, [
      (url) => (failing && url.search.includes('post_ids%5B%5D=61') ? new Response('', { status: 500 }) : null),
    ]);
    const w = noWait();
    const first = await fetchDiscourseThread(
      f.client,
      '5',
      (h) => h,
      () => {},
      w,
    );
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(w.waits).toHaveLength(3); // four tries in all
    expect(first.read.size).toBe(60);
    failing = false;
    const before = f.requests();
    const second = await fetchDiscourseThread(
      f.client,
      '5',
      (h) => h,
      () => {},
      { ...w, known: first.read },
    );
    expect(second.ok && second.thread.posts.length).toBe(130);
    // The topic, then the 70 posts not read yet: 4 requests, not 7.
    expect(f.requests() - before).toBe(1 + Math.ceil(70 / 20));
  });

  it('does not try a sign-in page again', async () => {
    const login = (url: URL) =>
      url.pathname.endsWith('/posts.json')
        ? new Response('<form action="/login">', { headers: { 'content-type': 'text/html' } })
        : null;
    const w = noWait();
    const res = await fetchDiscourseThread(
      forum(60, [login]).client,
      '5',
      (h) => h,
      () => {},
      w,
    );
    expect(res.ok).toBe(false);
    expect(w.waits).toEqual([]);
  });
});
