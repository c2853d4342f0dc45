// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countSource } from '../../../utils/checks/engine-counts';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { nodebbAdapter } from '../../../utils/forums/nodebb';
import { isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import { PASTED_COUNTS } from '../../forum-lab/data/engine-threads';
import { otherEngineAnswer } from '../../forum-lab/other-engines';
import { LAB_ORIGIN as O, itReadsEveryPage, labPage, servedDoc } from './lab-pages';

const TOPIC = '/nodebb/topic/78/cll-treatment-check-in-thread';
const TITLE = 'CLL treatment check-in thread';
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The same page with scripts on: the browser keeps <noscript> (the paginator) as text. */
function scriptedDoc(path: string): Document {
  const doc = servedDoc(path);
  for (const ns of doc.querySelectorAll('noscript')) ns.replaceChildren(doc.createTextNode(ns.innerHTML));
  return doc;
}
const read = (doc: Document, path: string) => readThreadFromPage(doc, new URL(path, O).href)!;

describe('NodeBB (harmony) as the server renders it', () => {
  itReadsEveryPage('the topic’s total with scripts off', (path) => read(servedDoc(path), path), {
    thread: { engine: 'nodebb', threadId: '78', title: TITLE, canonicalUrl: `${O}${TOPIC}` },
    pages: { path: (k) => (k > 1 ? `${TOPIC}?page=${k}` : TOPIC), total: 57, perPage: 20 },
  });

  it.each([
    [TOPIC, range(1, 20)],
    [`${TOPIC}?page=2`, range(21, 40)],
    [`${TOPIC}?page=3`, range(41, 57)],
  ])('%s with scripts on: the same total and numbers, no pages (it scrolls on)', (path, numbers) => {
    const t = read(scriptedDoc(path), path);
    expect(t).toMatchObject({ title: TITLE, postCount: 57 });
    expect(t.posts.map((p) => p.postNumber)).toEqual(numbers);
    expect(t.pages).toBeUndefined();
  });

  it('reads who wrote each post and when, and the short topic too', () => {
    const t = read(servedDoc(TOPIC), TOPIC);
    expect(t.posts[0]).toMatchObject({ author: 'Maggie_T', postId: '7801', time: '2024-01-05T08:00:00.000Z' });
    const path = '/nodebb/topic/77/ibrutinib-and-bruising';
    const short = read(servedDoc(path), path);
    expect(short).toMatchObject({ threadId: '77', title: 'Ibrutinib and bruising', postCount: 2 });
    expect(short.posts.map((p) => p.author)).toEqual(['steve_cll', 'jan_w']);
    expect(short.posts[0].contentElement.textContent).toContain('ibrutinib for CLL');
  });

  it('says "at least" when the page states no total', () => {
    const doc = servedDoc(`${TOPIC}?page=2`);
    doc.querySelector('[component="topic/stats"]')?.remove();
    doc.querySelectorAll('[itemprop="interactionStatistic"]').forEach((e) => e.remove());
    expect(read(doc, `${TOPIC}?page=2`)).toMatchObject({ postCount: 40, postCountAtLeast: true });
  });

  it('takes the schema.org comment count when the stats badge is gone', () => {
    const doc = servedDoc(`${TOPIC}?page=2`);
    doc.querySelector('[component="topic/stats"]')?.remove();
    expect(read(doc, `${TOPIC}?page=2`).postCount).toBe(57);
  });
});

describe('NodeBB post addresses', () => {
  it('gives each post its own address, from any page of the topic, that shows that post', () => {
    for (const from of [TOPIC, `${TOPIC}?page=3`, `${TOPIC}/12`]) {
      const address = nodebbAdapter.postAddress({ url: `${O}${from}` }, 45);
      expect(address).toBe(`${O}${TOPIC}/45`);
      expect(isThreadAddress('nodebb', O, '78', address)).toBe(true);
    }
    const t = read(servedDoc(`${TOPIC}/45`), `${TOPIC}/45`);
    expect(t.posts.map((p) => p.postNumber)).toContain(45);
    expect(t.posts.find((p) => p.postNumber === 45)?.author).toBe(
      read(servedDoc(`${TOPIC}?page=3`), `${TOPIC}?page=3`).posts.find((p) => p.postNumber === 45)?.author,
    );
  });

  it('reaches the first and the last post', () => {
    expect(read(servedDoc(`${TOPIC}/57`), `${TOPIC}/57`).posts.at(-1)?.postNumber).toBe(57);
    expect(read(servedDoc(`${TOPIC}/1`), `${TOPIC}/1`).posts[0].postNumber).toBe(1);
  });

  it('falls back to the page holding the post when the address has no slug', () => {
    expect(nodebbAdapter.postAddress({ url: `${O}/nodebb/topic/78` }, 45)).toBe(`${O}/nodebb/topic/78?page=3`);
  });
});

describe('NodeBB post text', () => {
  it('leaves out the quote, its "said in" line’s names and the pasted code', () => {
    const t = read(servedDoc(`${TOPIC}?page=3`), `${TOPIC}?page=3`);
    const post = t.posts.find((p) => p.postNumber === 53)!;
    expect(post.contentElement.querySelector('pre code')?.textContent?.trim()).toBe(PASTED_COUNTS);
    const quoted = post.contentElement.querySelector('blockquote')?.textContent?.trim() ?? '';
    const own = nodebbAdapter.postText(post.contentElement);
    expect(own.length).toBeGreaterThan(20);
    expect(own).not.toContain('Neutrophils 0.9');
    expect(own).not.toContain(quoted.slice(-30));
    expect(own).not.toContain(TITLE);
    expect(own).not.toMatch(/@\w+/);
  });
});

describe('the NodeBB demo answers only what NodeBB would', () => {
  it.each([
    '/nodebb/topic/99/no-such-topic',
    '/nodebb/topic/78/wrong-slug',
    `${TOPIC}?page=4`,
    `${TOPIC}/58`,
    '/nodebb/t/78',
    '/nodebb/api/topic/99',
  ])('%s is not found', (path) => {
    expect(labPage(path).status).toBe(404);
  });
});

describe('NodeBB reply counts for saved threads', () => {
  it('reads the topic’s total from its API, as the pages state it', () => {
    const saved: Partial<SavedThread> = { engine: 'nodebb', origin: O, threadId: '78', url: `${O}${TOPIC}` };
    const source = countSource(saved as SavedThread)!;
    expect(source.url).toBe(`${O}/nodebb/api/topic/78`);
    const answer = otherEngineAnswer(new URL(source.url), O)!;
    expect(answer).toMatchObject({ status: 200, type: 'json' });
    expect(source.parse(answer.body)).toEqual({ postCount: 57, highestPostNumber: 57 });
  });
});
