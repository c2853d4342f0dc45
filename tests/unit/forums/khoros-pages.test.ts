// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { KHOROS_THREADS } from '../../forum-lab/engines/khoros';
import { countSource } from '../../../utils/checks/engine-counts';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { khorosAdapter } from '../../../utils/forums/khoros';
import { isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import { LAB, itReadsEveryPage, labDoc, labPage } from './lab-pages';

const LONG = '/t5/Lymphoma/Treatment-diaries-2025-how-is-everyone-getting-on/td-p/204811';
const LONG_TITLE = 'Treatment diaries 2025 - how is everyone getting on?';
const read = (path: string, edit?: (html: string) => string) => readThreadFromPage(labDoc(path, edit), LAB + path)!;
const numbers = (path: string) => read(path).posts.map((p) => p.postNumber);
/** A community whose theme leaves out "Message N of T". */
const withoutPositions = (h: string) => h.replace(/<span class="MessagesPositionInThread">[\s\S]*?<\/span>/g, '');

describe('Khoros: a thread of three pages', () => {
  itReadsEveryPage('the whole thread’s count from "Message N of 27"', read, {
    thread: { engine: 'khoros', threadId: '204811', title: LONG_TITLE, canonicalUrl: LAB + LONG },
    pages: { path: (k) => (k > 1 ? `${LONG}/page/${k}` : LONG), total: 27, perPage: 10 },
  });

  it('reports the posts read as "at least" where no message states the total, never as the total', () => {
    expect(read(LONG, withoutPositions)).toMatchObject({ postCount: 21, postCountAtLeast: true });
    const middle = read(`${LONG}/page/2`, withoutPositions);
    expect(middle).toMatchObject({ postCount: 21, postCountAtLeast: true });
    expect(middle.posts.map((p) => p.postNumber)).toEqual(Array.from({ length: 10 }, (_, i) => 11 + i));
    const last = read(`${LONG}/page/3`, withoutPositions);
    expect(last.postCount).toBe(27);
    expect(last.postCountAtLeast).toBeUndefined();
  });

  it('reads a message’s own address as its thread, through the canonical link', () => {
    const t = KHOROS_THREADS[1];
    const path = `/t5/Lymphoma/Re-Treatment-diaries-2025-how-is-everyone-getting-on/m-p/${t.messageId(14)}`;
    const view = read(path);
    expect(view).toMatchObject({ threadId: '204811', canonicalUrl: LAB + LONG, postCount: 27 });
    expect(view.posts.map((p) => p.postNumber)).toContain(14);
    expect(khorosAdapter.parseThreadUrl(LAB + path)).toBeNull();
  });

  it('gives each post the address of its page, which holds that post', () => {
    for (const from of [LONG, `${LONG}/page/2`]) {
      for (const n of [1, 10, 11, 20, 21, 27]) {
        const address = khorosAdapter.postAddress({ url: LAB + from, perPage: 10 }, n);
        expect(isThreadAddress('khoros', LAB, '204811', address), address).toBe(true);
        const path = address.slice(LAB.length);
        expect(labPage(path).status, path).toBe(200);
        expect(numbers(path), path).toContain(n);
      }
    }
    expect(khorosAdapter.postAddress({ url: LAB + LONG }, 25)).toBe(`${LAB}${LONG}/page/3`);
  });

  it('leaves quotes, code samples and signatures out of a post’s own words', () => {
    const quoting = KHOROS_THREADS[1].posts.find((p) => p.quote && p.n > 1)!;
    const page = khorosAdapter.postAddress({ url: LAB + LONG }, quoting.n).slice(LAB.length);
    const post = read(page).posts.find((p) => p.postNumber === quoting.n)!;
    expect(post.contentElement.textContent?.replace(/\s+/g, ' ')).toContain(`${quoting.quote!.username} wrote:`);
    const words = khorosAdapter.postText(post.contentElement);
    expect(words).not.toContain('wrote:');
    expect(words).toContain(quoting.paragraphs[0]);

    const coded = read(`${LONG}/page/3`).posts.find((p) => p.postNumber === 23)!;
    expect(coded.contentElement.textContent).toContain('Neut');
    expect(khorosAdapter.postText(coded.contentElement)).not.toContain('Neut');

    const doc = labDoc(LONG);
    expect(doc.querySelector('.lia-message-signature')).not.toBeNull();
    for (const p of read(LONG).posts) expect(khorosAdapter.postText(p.contentElement)).not.toContain('R-CHOP x6');
  });

  it('answers 404 for pages and messages the community does not have', () => {
    for (const path of [
      `${LONG}/page/4`,
      `${LONG}/page/1`,
      `${LONG}/page/0`,
      '/t5/Myeloma/Stem-cell-harvest-tomorrow/td-p/123456/page/2',
      '/t5/Lymphoma/Stem-cell-harvest-tomorrow/td-p/123456',
      '/t5/Myeloma/Stem-cell-harvest-tomorrow/td-p/123457',
      '/t5/Myeloma/Stem-cell-harvest-tomorrow/m-p/999',
      '/t5/',
    ])
      expect(labPage(path).status, path).toBe(404);
  });

  it('lets the new-reply check read the total from the thread’s first page', () => {
    const saved = { engine: 'khoros', origin: LAB, threadId: '204811', url: LAB + LONG } as SavedThread;
    const source = countSource(saved)!;
    expect(source.url).toBe(LAB + LONG);
    expect(source.parse(labPage(LONG).body)).toEqual({ postCount: 27, highestPostNumber: 27 });
    expect(source.parse(withoutPositions(labPage(LONG).body))).toBeNull();
  });
});

describe('Khoros: the one-page thread', () => {
  it('reads authors, numbers and text, and has no pages', () => {
    const t = read('/t5/Myeloma/Stem-cell-harvest-tomorrow/td-p/123456');
    expect(t).toMatchObject({ threadId: '123456', title: 'Stem cell harvest tomorrow', postCount: 2 });
    expect(t.pages).toBeUndefined();
    expect(t.posts.map((p) => [p.postNumber, p.author])).toEqual([
      [1, 'Rosie_G'],
      [2, 'Andy_M'],
    ]);
    expect(khorosAdapter.postText(t.posts[0].contentElement)).toContain('G-CSF');
  });
});
