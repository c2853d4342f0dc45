// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { XF_THREADS } from '../../forum-lab/engines/xenforo';
import { countSource } from '../../../utils/checks/engine-counts';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import { xenforoAdapter } from '../../../utils/forums/xenforo';
import { LAB, itReadsEveryPage, labDoc, labPage } from './lab-pages';

const LONG = '/xf/threads/going-through-treatment-this-year-support-thread.3306/';
const LONG_TITLE = 'Going through treatment this year - support thread';
const read = (path: string, edit?: (html: string) => string) => readThreadFromPage(labDoc(path, edit), LAB + path)!;
// Parsing a page takes happy-dom a while: each page's numbers are read once.
const numbered = new Map<string, number[]>();
const numbers = (path: string) => {
  if (!numbered.has(path))
    numbered.set(
      path,
      read(path).posts.map((p) => p.postNumber),
    );
  return numbered.get(path)!;
};
/** A XenForo 2.0/2.1 page: no JSON-LD where the starter has no avatar. */
const withoutLd = (h: string) => h.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');

describe('XenForo: a thread of three pages', () => {
  itReadsEveryPage('the whole thread’s count from its JSON-LD', read, {
    thread: { engine: 'xenforo', threadId: '3306', title: LONG_TITLE, canonicalUrl: LAB + LONG },
    pages: { path: (k) => (k > 1 ? `${LONG}page-${k}` : LONG), total: 57, perPage: 20 },
  });

  it('without JSON-LD says "at least" before the last page, and the last "#N" is the total', () => {
    expect(read(LONG, withoutLd)).toMatchObject({ postCount: 41, postCountAtLeast: true });
    expect(read(`${LONG}page-2`, withoutLd)).toMatchObject({ postCount: 41, postCountAtLeast: true });
    const last = read(`${LONG}page-3`, withoutLd);
    expect(last.postCount).toBe(57);
    expect(last.postCountAtLeast).toBeUndefined();
  });

  it('reads "#1,234" post counters and a board set to 10 posts a page', () => {
    const big = read(`${LONG}page-3`, (h) =>
      h.replace(/#(\d+)\s*<\/a>/g, (_, n: string) => `#${(Number(n) + 1180).toLocaleString('en-GB')}</a>`),
    );
    expect(big.posts[0].postNumber).toBe(1221);
    const ten = read(`${LONG}page-2`, (h) => h.replace(/#(\d+)\s*<\/a>/g, (_, n: string) => `#${Number(n) - 10}</a>`));
    expect(ten.pages?.perPage).toBe(10);
  });

  it('gives each post the address of its page, which holds that post', () => {
    for (const from of [LONG, `${LONG}page-2`, `${LONG}post-40161`]) {
      for (const n of [1, 20, 21, 40, 41, 57]) {
        const address = xenforoAdapter.postAddress({ url: LAB + from, perPage: 20 }, n);
        expect(isThreadAddress('xenforo', LAB, '3306', address), address).toBe(true);
        const path = address.slice(LAB.length);
        // labDoc (through `numbers`) fails unless the forum answers 200.
        expect(numbers(path), path).toContain(n);
      }
    }
    expect(xenforoAdapter.postAddress({ url: LAB + LONG }, 45)).toBe(`${LAB}${LONG}page-3`);
    expect(xenforoAdapter.postAddress({ url: LAB + LONG }, 5)).toBe(LAB + LONG);
  });

  it('leaves quotes, code boxes and signatures out of a post’s own words', () => {
    const long = XF_THREADS[1];
    const quoting = long.posts.find((p) => p.quote && p.n > 1)!;
    const t = read(xenforoAdapter.postAddress({ url: LAB + LONG }, quoting.n).slice(LAB.length));
    const post = t.posts.find((p) => p.postNumber === quoting.n)!;
    const words = xenforoAdapter.postText(post.contentElement);
    expect(post.contentElement.textContent).toContain(`${quoting.quote!.username} said:`);
    expect(words).not.toContain('said:');
    expect(words).not.toContain(quoting.quote!.text);
    expect(words).toContain(quoting.paragraphs[0]);

    const coded = read(`${LONG}page-2`).posts.find((p) => p.postNumber === 23)!;
    expect(coded.contentElement.textContent).toContain('Code:');
    const codedWords = xenforoAdapter.postText(coded.contentElement);
    expect(codedWords).not.toMatch(/Code:|Neut/);
    expect(codedWords.length).toBeGreaterThan(20);

    const signed = labDoc(LONG).querySelector('.message-signature')!;
    expect(signed.closest('article.message--post')).not.toBeNull();
    for (const p of read(LONG).posts) expect(xenforoAdapter.postText(p.contentElement)).not.toContain('R-CHOP x6');
  });

  it('answers 404 for pages and threads XenForo does not have', () => {
    for (const path of [
      `${LONG}page-4`,
      `${LONG}page-1`,
      `${LONG}page-02`,
      '/xf/threads/picc-line-or-port.2718/page-2',
      '/xf/threads/another-slug.3306/',
      '/xf/threads/picc-line-or-port.2719/',
      `${LONG}post-1`,
      '/xf/threads/',
    ])
      expect(labPage(path).status, path).toBe(404);
    // /latest is a redirect to the last page, as XenForo's own.
    expect(labPage(`${LONG}latest`)).toMatchObject({ status: 303, location: `${LONG}page-3` });
  });
});

describe('XenForo: the new-reply check', () => {
  it('asks for the first page and reads the total its JSON-LD states; without JSON-LD, only a thread of one page', () => {
    const saved = { engine: 'xenforo', origin: LAB, threadId: '3306', url: `${LAB}${LONG}page-2` } as SavedThread;
    const source = countSource(saved)!;
    expect(source.url).toBe(`${LAB}${LONG}`);
    const first = labPage(source.url.slice(LAB.length)).body;
    expect(source.parse(first)).toEqual({ postCount: 57, highestPostNumber: 57 });
    // Before 2.2 (no JSON-LD), page 1's last "#N" is not the total of a thread of pages.
    expect(source.parse(withoutLd(first))).toBeNull();
    const short = labPage('/xf/threads/picc-line-or-port.2718/').body;
    expect(source.parse(withoutLd(short))).toEqual({ postCount: 2, highestPostNumber: 2 });
    expect(source.parse('<html><body>Please log in</body></html>')).toBeNull();
  });
});

describe('XenForo: the one-page thread and the forum list', () => {
  const url = `${LAB}/xf/threads/picc-line-or-port.2718/`;
  it('reads the thread: title, numbered posts, authors, times, post text, no pages', () => {
    const t = readThreadFromPage(labDoc('/xf/threads/picc-line-or-port.2718/'), url)!;
    expect(t).toMatchObject({
      engine: 'xenforo',
      threadId: '2718',
      title: 'PICC line or port for myeloma treatment?',
      postCount: 2,
    });
    expect(t.pages).toBeUndefined();
    expect(t.posts.map((p) => [p.postNumber, p.author])).toEqual([
      [1, 'Sandra K'],
      [2, 'Pete_MM'],
    ]);
    expect(t.posts[0].time).toBe('2025-02-10T10:02:11.000Z');
    expect(xenforoAdapter.postText(t.posts[1].contentElement)).toMatch(/^I had a PICC .*weekly flushes/);
  });

  it('recognises thread addresses with and without slugs, pages and post anchors', () => {
    const doc = labDoc('/xf/threads/picc-line-or-port.2718/');
    expect(readThreadFromPage(doc, `${LAB}/xf/threads/2718/page-2`)?.threadId).toBe('2718');
    expect(readThreadFromPage(doc, `${LAB}/xf/threads/picc-line-or-port.2718/post-9102`)?.threadId).toBe('2718');
  });

  it('is not fooled by the forum list', () => {
    expect(readThreadFromPage(labDoc('/xf/forums/'), `${LAB}/xf/forums/`)).toBeNull();
  });
});
