import { describe, expect, it } from 'vitest';
import { createDiscourseClient, POSTS_PER_REQUEST } from '../../../utils/forums/discourse-api';
import { parseRetryAfter } from '../../../utils/forums/http-errors';
import { fixtureText } from './fixtures';

const ORIGIN = 'https://forum.example.org';

/** `redirectTo`: the forum answers with a redirect there (302). */
type Reply = { status?: number; body: string; type?: string; headers?: Record<string, string>; redirectTo?: string };

/**
 * A fetch that answers from a script and remembers what it was asked. A redirect is
 * followed, as a browser's fetch does unless told otherwise (the site it leads to is asked
 * too), or handed back unread under `redirect: 'manual'`, as a browser does.
 */
function fakeFetch(reply: (url: string) => Reply | Error) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, init });
    const r = reply(url);
    if (r instanceof Error) return Promise.reject(r);
    if (r.redirectTo && init?.redirect === 'manual') {
      const res = new Response(null, { status: 302 });
      Object.defineProperty(res, 'type', { value: 'opaqueredirect' });
      Object.defineProperty(res, 'status', { value: 0 });
      return Promise.resolve(res);
    }
    if (r.redirectTo) return fn(r.redirectTo, init);
    const res = new Response(r.body, {
      status: r.status ?? 200,
      headers: { 'content-type': r.type ?? 'application/json; charset=utf-8', ...r.headers },
    });
    Object.defineProperty(res, 'url', { value: url });
    return Promise.resolve(res);
  };
  return { fn, calls };
}

const client = (reply: (url: string) => Reply | Error, now = () => Date.parse('2026-11-25T12:00:00Z')) => {
  const f = fakeFetch(reply);
  return { api: createDiscourseClient({ origin: ORIGIN, fetch: f.fn, now }), calls: f.calls };
};

describe('Discourse JSON client', () => {
  it('reads a topic and sends the reader’s cookies', async () => {
    const { api, calls } = client(() => ({ body: fixtureText('topic-1828.json') }));
    const res = await api.getTopic(1828);
    expect(res.ok && res.data.posts_count).toBe(8);
    expect(res.ok && res.data.post_stream.stream).toHaveLength(8);
    expect(calls[0].url).toBe(`${ORIGIN}/t/1828.json`);
    expect(calls[0].init?.credentials).toBe('include');
  });

  it('follows no redirect: another site is never asked with the reader’s cookies, and nothing is read', async () => {
    // Another forum the reader is signed in to (its private messages), or a sign-in provider
    // that would send who the reader is back to the forum that asked.
    const other = 'https://other-forum.example.net/session/sso_provider?return_sso_url=https://forum.example.org/back';
    const { api, calls } = client((url) =>
      url.startsWith(ORIGIN + '/t/') ? { body: '', redirectTo: other } : { body: fixtureText('topic-1828.json') },
    );
    const res = await api.getTopic(1828);
    expect(calls.map((c) => c.url)).toEqual([`${ORIGIN}/t/1828.json`]);
    expect(!res.ok && res.error.kind).toBe('moved');
    expect(!res.ok && res.error.message).toMatch(/^forum\.example\.org sent Threadside to another address/);

    // Within the forum too (a sign-in page, most often): told, not followed.
    const same = client(() => ({ body: fixtureText('topic-1828.json'), redirectTo: `${ORIGIN}/login` }));
    expect(await same.api.getTopic(1828)).toMatchObject({ ok: false, error: { kind: 'moved' } });
    expect(same.calls).toHaveLength(1);
  });

  it('asks for posts 20 at a time, one request after another', async () => {
    const ids = Array.from({ length: 45 }, (_, i) => 100 + i);
    const { api, calls } = client((url) => {
      const asked = [...new URL(url).searchParams.getAll('post_ids[]')].map(Number);
      const posts = asked.map((id, i) => ({
        id,
        post_number: i + 1,
        username: 'u',
        created_at: '2024-01-01T00:00:00Z',
        cooked: '<p>x</p>',
      }));
      return { body: JSON.stringify({ post_stream: { posts } }) };
    });
    const res = await api.getPosts(2000, ids);
    expect(calls).toHaveLength(Math.ceil(45 / POSTS_PER_REQUEST));
    expect(res.ok && res.data.map((p) => p.id)).toEqual(ids);
  });

  it('reports a rate limit with the wait the forum asked for', async () => {
    const { api } = client(() => ({
      status: 429,
      type: 'text/plain',
      body: 'slow down',
      headers: { 'Retry-After': '120' },
    }));
    const res = await api.getLatest();
    expect(res).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterSeconds: 120 } });
    expect(!res.ok && res.error.message).toMatch(/forum\.example\.org asked Threadside to slow down/);
  });

  it('understands the JSON form of a rate limit too', async () => {
    const { api } = client(() => ({
      status: 429,
      body: JSON.stringify({ error_type: 'rate_limit', extras: { wait_seconds: 7.2 } }),
    }));
    expect(await api.getTopic(1)).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterSeconds: 8 } });
  });

  it('waits six hours at most, whatever wait a forum (or a stranger on the way) asks for', async () => {
    for (const asked of [
      { headers: { 'Retry-After': '99999999999' } },
      { headers: { 'Retry-After': 'Fri, 01 Jan 2100 00:00:00 GMT' } },
      { body: JSON.stringify({ extras: { wait_seconds: 1e308 } }) },
    ]) {
      const { api } = client(() => ({ status: 429, type: 'application/json', body: '{}', ...asked }));
      expect(await api.getTopic(1)).toMatchObject({
        ok: false,
        error: { kind: 'rate-limited', retryAfterSeconds: 21_600 },
      });
    }
  });

  it('treats a login page where JSON was expected as "needs sign-in", not as data', async () => {
    const { api } = client(() => ({
      type: 'text/html',
      body: '<!DOCTYPE html><html><form id="login-form"></form></html>',
    }));
    expect(await api.getTopic(1828)).toMatchObject({ ok: false, error: { kind: 'needs-sign-in' } });
  });

  it('tells a deleted thread from a server failure', async () => {
    const gone = client(() => ({ status: 404, body: '{"errors":["not found"]}' }));
    expect(await gone.api.getTopic(5)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const broken = client(() => ({ status: 502, type: 'text/html', body: 'Bad gateway' }));
    expect(await broken.api.getTopic(5)).toMatchObject({ ok: false, error: { kind: 'server', status: 502 } });
  });

  it('reports truncated JSON and wrong shapes as malformed instead of throwing', async () => {
    const cut = client(() => ({ body: '{"id": 1828, "title": "What is CAR-T th' }));
    expect(await cut.api.getTopic(1828)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    const wrong = client(() => ({ body: JSON.stringify({ id: '1828', title: 5 }) }));
    const res = await wrong.api.getTopic(1828);
    expect(res).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(!res.ok && res.error.message).toContain('could not read');
  });

  it('reports network failures and timeouts', async () => {
    const down = client(() => new TypeError('fetch failed'));
    expect(await down.api.getLatest()).toMatchObject({ ok: false, error: { kind: 'network' } });
    const slow = client(() => Object.assign(new Error('timed out'), { name: 'TimeoutError' }));
    expect(await slow.api.getLatest()).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('pages through /latest.json', async () => {
    const { api, calls } = client(() => ({ body: fixtureText('latest.json') }));
    const res = await api.getLatest({ page: 2 });
    expect(res.ok && res.data.topic_list.topics.some((t) => t.id === 1828)).toBe(true);
    expect(calls[0].url).toBe(`${ORIGIN}/latest.json?order=activity&page=2`);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:02:30 GMT', now)).toBe(150);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
