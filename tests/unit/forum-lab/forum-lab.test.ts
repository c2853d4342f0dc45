import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import carT from '../../forum-lab/data/car-t-thread.json' with { type: 'json' };
import type { latestJson, postJson, topicJson } from '../../forum-lab/api-json';
import { startForum, type ForumLab, type LogEntry } from '../../forum-lab/server';
import { ENGINE_LABS } from '../../forum-lab/other-engines';

let forum: ForumLab;
beforeAll(async () => {
  forum = await startForum({ port: 0 });
});
afterAll(() => forum.close());
beforeEach(() => forum.reset());

const get = (path: string, init?: RequestInit) => fetch(forum.url + path, init);
const json = async <T>(path: string) => (await get(path)).json() as Promise<T>;
type TopicJson = ReturnType<typeof topicJson>;
type PostsJson = { post_stream: { posts: ReturnType<typeof postJson>[] } };
type LatestJson = ReturnType<typeof latestJson>;
const post = (path: string, body: unknown) =>
  fetch(forum.url + path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const plain = (html: string) =>
  html
    .replace(/<br>\n?/g, '\n')
    .replace(/<\/p>\n?<p>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('demo forum: the CAR-T thread', () => {
  it('serves the real thread with its text exactly as written, typos included', async () => {
    const topic = await json<TopicJson>('/t/1828.json');
    expect(topic.title).toBe('What is CAR-T therapy?');
    expect(topic.posts_count).toBe(carT.posts.length);
    const texts = topic.post_stream.posts.map((p) =>
      // Emoji images carry their shortcode as alt text, as on Discourse.
      plain(p.cooked.replace(/<img[^>]*alt="(:[a-z_]+:)"[^>]*>/g, '$1')),
    );
    expect(texts).toEqual(carT.posts.map((p) => p.text));
    expect(texts.join(' ')).toContain('CAT-T therapy');
  });

  it('serves the app view and the crawler view of the same thread', async () => {
    const app = await (await get('/t/what-is-car-t-therapy/1828')).text();
    expect(app).toContain('<meta name="generator" content="Discourse');
    expect(app.match(/class="topic-post /g)).toHaveLength(8);
    const crawler = await (await get('/t/what-is-car-t-therapy/1828?view=crawler')).text();
    expect(crawler).toContain('class="crawler"');
    expect(crawler.match(/<div id="post_\d+"[^>]*class="topic-body crawler-post"/g)).toHaveLength(8);
    const bot = await (
      await get('/t/what-is-car-t-therapy/1828', { headers: { 'user-agent': 'Googlebot/2.1' } })
    ).text();
    expect(bot).toContain('class="crawler"');
  });
});

describe('demo forum: JSON API', () => {
  it('has a 1,000-post thread with every post id in its stream, 20 posts in the first chunk', async () => {
    const topic = await json<TopicJson>('/t/2000.json');
    expect(topic.posts_count).toBe(1000);
    expect(topic.post_stream.stream).toHaveLength(1000);
    expect(topic.post_stream.posts).toHaveLength(20);
  });

  it('returns the posts asked for by id', async () => {
    const { post_stream } = await json<TopicJson>('/t/2000.json');
    const wanted = post_stream.stream.slice(500, 503);
    const res = await json<PostsJson>(`/t/2000/posts.json?${wanted.map((id) => `post_ids[]=${id}`).join('&')}`);
    expect(res.post_stream.posts.map((p) => p.id)).toEqual(wanted);
    expect(res.post_stream.posts[0].post_number).toBe(501);
  });

  it('lists topics by latest activity, paging with more_topics_url', async () => {
    const first = await json<LatestJson>('/latest.json');
    const bumped = first.topic_list.topics.map((t) => t.bumped_at);
    expect([...bumped].sort().reverse()).toEqual(bumped);
    expect(first.topic_list.more_topics_url).toBeUndefined();
  });

  it('says 404 in Discourse’s words for an unknown topic', async () => {
    const res = await get('/t/999999.json');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error_type: string }).error_type).toBe('not_found');
  });
});

describe('demo forum: what `npm run forum` lists for the other engines', () => {
  it('opens every thread it lists', async () => {
    for (const lab of ENGINE_LABS) {
      const paths = [...lab.otherThreads, ...(lab.demo ? [lab.demo.pagePath(1)] : [])];
      expect(paths.length, lab.engine).toBeGreaterThan(0);
      for (const path of paths) expect([lab.engine, path, (await get(path)).status]).toEqual([lab.engine, path, 200]);
    }
  });
});

describe('demo forum: test endpoints', () => {
  it('adds a reply that bumps the topic and shows in the page and the JSON', async () => {
    const res = await post('/__lab/topics/1828/replies', { username: 'Sara', text: 'Scan was clear!' });
    expect(res.status).toBe(201);
    const topic = await json<TopicJson>('/t/1828.json');
    expect(topic.posts_count).toBe(9);
    expect(topic.highest_post_number).toBe(9);
    const latest = await json<LatestJson>('/latest.json');
    expect(latest.topic_list.topics[0].id).toBe(1828);
    expect(await (await get('/t/what-is-car-t-therapy/1828')).text()).toContain('Scan was clear!');
  });

  it('answers 429 with Retry-After, then recovers once the fault is used up', async () => {
    await post('/__lab/faults', { match: '/t/1828.json', kind: '429', retryAfter: 120, times: 1 });
    const limited = await get('/t/1828.json');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    expect(limited.headers.get('discourse-rate-limit-error-code')).toBe('ip_10_secs_limit');
    expect((await get('/t/1828.json')).status).toBe(200);
  });

  it('can fail with 500, truncated JSON, a login page, or slowly', async () => {
    forum.setFault({ match: '/latest.json', kind: '500', times: 1 });
    expect((await get('/latest.json')).status).toBe(500);
    forum.setFault({ match: '/latest.json', kind: 'malformed', times: 1 });
    await expect((await get('/latest.json')).json()).rejects.toThrow();
    forum.setFault({ match: '/latest.json', kind: 'login', times: 1 });
    const login = await get('/latest.json');
    expect(login.headers.get('content-type')).toContain('text/html');
    expect(await login.text()).toContain('login-form');
    forum.setFault({ match: '/latest.json', kind: 'slow', delayMs: 300, times: 1 });
    const t0 = Date.now();
    expect((await get('/latest.json')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('rejects a fault it does not understand', async () => {
    const res = await post('/__lab/faults', { match: '/x', kind: 'explode' });
    expect(res.status).toBe(400);
  });

  it('logs the requests it received, for tests to assert on', async () => {
    await get('/t/1828.json');
    await get('/latest.json?page=1');
    const log = await json<LogEntry[]>('/__lab/requests');
    expect(log.map((e) => e.path)).toEqual(['/t/1828.json', '/latest.json']);
    expect(log[1].query).toBe('?page=1');
    expect(log[0].status).toBe(200);
  });
});
