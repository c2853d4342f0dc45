// @vitest-environment happy-dom
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { countSource } from '../../../utils/checks/engine-counts';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { flarumAdapter } from '../../../utils/forums/flarum';
import { findAdapter, isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import { PASTED_COUNTS } from '../../forum-lab/data/engine-threads';
import { FLARUM_APP_JS } from '../../forum-lab/engines/flarum-app';
import { otherEngineAnswer } from '../../forum-lab/other-engines';
import { LAB_ORIGIN as O, itReadsEveryPage, servedDoc } from './lab-pages';

const THREAD = '/flarum/d/58-caring-for-someone-through-treatment';
const TITLE = 'Caring for someone through treatment';
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The page once Flarum's app (the demo's stand-in for forum.js) has drawn it. */
function drawnDoc(path: string): Document {
  const doc = servedDoc(path);
  const page: Record<string, unknown> = {
    document: doc,
    location: new URL(path, O),
    setTimeout: (fn: () => void) => fn(),
    flarum: { extensions: {} },
  };
  page.window = page;
  runInContext(FLARUM_APP_JS, createContext(page));
  const { app } = (page.flarum as { core: { app: { load(d: unknown): void; boot(): void } } }).core;
  app.load(JSON.parse(doc.getElementById('flarum-json-payload')?.textContent ?? ''));
  app.boot();
  return doc;
}

const labAnswer = (path: string) => otherEngineAnswer(new URL(path, O), O)!;

const read = (doc: Document, path: string) => readThreadFromPage(doc, new URL(path, O).href)!;

describe('Flarum with scripts off: the server’s view in <noscript>', () => {
  itReadsEveryPage('the thread’s real total', (path) => read(servedDoc(path), path), {
    thread: { engine: 'flarum', threadId: '58', title: TITLE, highestPostNumber: 57, canonicalUrl: `${O}${THREAD}` },
    pages: { path: (k) => (k > 1 ? `${THREAD}?page=${k}` : THREAD), total: 57, perPage: 20 },
  });

  it('names posts by username and time from the payload, not only the display name', () => {
    const t = read(servedDoc(THREAD), THREAD);
    expect(t.posts[0]).toMatchObject({ author: 'Maggie_T', postId: '58001', time: '2024-01-05T08:00:00.000Z' });
    expect(t.posts[0].contentElement.textContent).toContain('start R-CHOP next week');
  });

  it('without the payload, numbers posts from the page and says the total is at least what it has seen', () => {
    const doc = servedDoc(`${THREAD}?page=2`);
    doc.getElementById('flarum-json-payload')!.remove();
    const t = read(doc, `${THREAD}?page=2`);
    expect(t.posts.map((p) => p.postNumber)).toEqual(range(21, 40));
    expect(t).toMatchObject({ postCount: 40, postCountAtLeast: true, pages: { current: 2, count: 3 } });
  });

  it('reads the short discussion too', () => {
    const path = '/flarum/d/42-neutropenic-diet-does-it-matter';
    const t = read(servedDoc(path), path);
    expect(t).toMatchObject({ threadId: '42', title: 'Neutropenic diet - does it matter?', postCount: 2 });
    expect(t.posts.map((p) => p.author)).toEqual(['maria', 'jon']);
    expect(t.pages).toBeUndefined();
  });
});

describe('Flarum once its app has drawn the discussion', () => {
  it('is not a thread before the app draws it (scripts on, <noscript> is only text)', () => {
    const doc = servedDoc(THREAD);
    // What a browser with scripts on makes of <noscript>: text, not elements.
    const ns = doc.getElementById('flarum-content')!;
    ns.replaceChildren(doc.createTextNode(ns.innerHTML));
    expect(findAdapter(doc, `${O}${THREAD}`)?.engine).toBe('flarum');
    expect(readThreadFromPage(doc, `${O}${THREAD}`)).toBeNull();
  });

  it.each([
    [THREAD, range(1, 20)],
    [`${THREAD}?page=2`, range(21, 40)],
    [`${THREAD}?page=3`, range(41, 57)],
  ])('%s: the stream’s numbered posts and the scrubber’s total', (path, numbers) => {
    const t = read(drawnDoc(path), path);
    expect(t).toMatchObject({ title: TITLE, postCount: 57 });
    expect(t.posts.map((p) => p.postNumber)).toEqual(numbers);
    // The app and the server's view agree on who wrote what.
    expect(t.posts.map((p) => p.author)).toEqual(read(servedDoc(path), path).posts.map((p) => p.author));
  });

  it('takes the total from the scrubber when the payload names another discussion', () => {
    const doc = drawnDoc(`${THREAD}?page=2`);
    doc.getElementById('flarum-json-payload')!.textContent =
      '{"apiDocument":{"data":{"type":"discussions","id":"7","attributes":{"commentCount":3}}}}';
    const t = read(doc, `${THREAD}?page=2`);
    expect(t.postCount).toBe(57);
    expect(t.postCountAtLeast).toBeUndefined();
  });
});

describe('Flarum post addresses', () => {
  it('gives each post its own address, from any page of the thread, that lands on that post', () => {
    for (const from of [THREAD, `${THREAD}?page=3`, `${THREAD}/12`]) {
      const address = flarumAdapter.postAddress({ url: `${O}${from}` }, 45);
      expect(address).toBe(`${O}${THREAD}/45`);
      expect(isThreadAddress('flarum', O, '58', address)).toBe(true);
    }
    const address = `${THREAD}/45`;
    expect(labAnswer(address).status).toBe(200);
    const served = read(servedDoc(address), address);
    expect(served.posts.map((p) => p.postNumber)).toContain(45);
    expect(served.pages?.current).toBe(3);
    const drawn = drawnDoc(address);
    expect(drawn.querySelector('.PostStream-item[data-number="45"] .Post-body')).not.toBeNull();
    expect(read(drawn, address).posts.find((p) => p.postNumber === 45)?.author).toBe(
      served.posts.find((p) => p.postNumber === 45)?.author,
    );
  });

  it('reaches the last post and the first', () => {
    expect(read(servedDoc(`${THREAD}/57`), `${THREAD}/57`).posts.at(-1)?.postNumber).toBe(57);
    expect(read(servedDoc(`${THREAD}/1`), `${THREAD}/1`).posts[0].postNumber).toBe(1);
  });
});

describe('Flarum post text', () => {
  it('leaves out the quoted post and the pasted code, keeps the poster’s words', () => {
    const t = read(servedDoc(`${THREAD}?page=3`), `${THREAD}?page=3`);
    const post = t.posts.find((p) => p.postNumber === 53)!;
    const quoted = post.contentElement.querySelector('blockquote')!.textContent ?? '';
    expect(post.contentElement.querySelector('pre code')?.textContent).toBe(PASTED_COUNTS);
    const own = flarumAdapter.postText(post.contentElement);
    expect(own.length).toBeGreaterThan(20);
    expect(own).not.toContain('Neutrophils 0.9');
    expect(own).not.toContain(quoted.trim().slice(-30));
    expect(post.contentElement.querySelector('blockquote .PostMention')?.matches(flarumAdapter.notOwnWords)).toBe(true);
  });
});

describe('the Flarum demo answers only what Flarum would', () => {
  it.each([
    '/flarum/d/99-no-such-discussion',
    `${THREAD}?page=4`,
    `${THREAD}/58`,
    '/flarum/t/58',
    '/flarum/api/discussions/99',
  ])('%s is not found', (path) => {
    expect(labAnswer(path).status).toBe(404);
  });
});

describe('Flarum reply counts for saved threads', () => {
  it('reads the discussion’s total from its API, as the pages state it', () => {
    const saved = { engine: 'flarum', origin: O, threadId: '58', url: `${O}${THREAD}` } as SavedThread;
    const source = countSource(saved)!;
    expect(source.url).toBe(`${O}/flarum/api/discussions/58`);
    const answer = labAnswer(source.url);
    expect(answer).toMatchObject({ status: 200, type: 'json' });
    expect(source.parse(answer.body)).toEqual({ postCount: 57, highestPostNumber: 57 });
  });
});
