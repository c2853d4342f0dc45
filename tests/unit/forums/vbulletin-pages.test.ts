// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { VB_THREADS } from '../../forum-lab/engines/vbulletin';
import { readThreadFromPage } from '../../../utils/forums/registry';
import { vbulletinAdapter } from '../../../utils/forums/vbulletin';
import { LAB_ORIGIN as O, expectPostLinksLand, itReadsEveryPage, labPage, readLabThread, squash } from './lab-pages';

const long = VB_THREADS.long;
const read = readLabThread;
const pagePath = (k: number) => `/vb/showthread.php?t=5188${k > 1 ? `&page=${k}` : ''}`;

describe('vBulletin 4: a thread of three pages, ten posts a page', () => {
  itReadsEveryPage('the total from "Results … of 27"', read, {
    thread: { engine: 'vbulletin', threadId: '5188', title: long.title, canonicalUrl: `${O}/vb/showthread.php?t=5188` },
    pages: { path: pagePath, total: 27, perPage: 10 },
    written: { posts: long.posts, fields: ['postId', 'author'] },
  });

  it('reads a post counter past a thousand, "#1,021"', () => {
    const page3 = labPage(pagePath(3), (h) => h.replace('class="postcounter">#21<', 'class="postcounter">#1,021<'));
    const t = readThreadFromPage(page3.doc, O + pagePath(3))!;
    expect(t.posts[0].postNumber).toBe(1021);
  });

  it('links every post to the page that holds it, from any page of the thread', () => {
    expectPostLinksLand(read, vbulletinAdapter, {
      threadId: '5188',
      from: [pagePath(1), pagePath(3)],
      posts: [1, 10, 11, 20, 21, 27],
      written: long.posts,
    });
    // Stored as any page, or with a friendly address: the page, never "?t=5150/2".
    expect(vbulletinAdapter.postAddress({ url: `${O}/vb/showthread.php?t=5188&page=3` }, 12)).toBe(
      `${O}/vb/showthread.php?t=5188&page=2`,
    );
    expect(vbulletinAdapter.postAddress({ url: `${O}/vb/showthread.php?t=5150` }, 2)).toBe(
      `${O}/vb/showthread.php?t=5150`,
    );
    expect(vbulletinAdapter.postAddress({ url: `${O}/forum/threads/5188-support-thread/page3`, perPage: 15 }, 16)).toBe(
      `${O}/forum/threads/5188-support-thread/page2`,
    );
  });

  it('opens a post’s own link (showthread.php?p=ID) on its page, numbered as the forum numbers it', () => {
    const post = long.posts[15];
    const t = read(`/vb/showthread.php?p=${post.id}`);
    expect(t).toMatchObject({ threadId: '5188', canonicalUrl: `${O}/vb/showthread.php?t=5188`, postCount: 27 });
    expect(t.posts.find((p) => p.postId === String(post.id))?.postNumber).toBe(16);
  });

  it('reads only the posters’ own words, which vBulletin wraps in a blockquote of their own', () => {
    const seen = { quotes: 0, codes: 0, signatures: 0 };
    for (const k of [1, 2, 3]) {
      for (const p of read(pagePath(k)).posts) {
        const written = long.posts[p.postNumber - 1];
        const said = vbulletinAdapter.postText(p.contentElement);
        expect(squash(said), `post ${p.postNumber}`).toBe(squash(written.paragraphs.join(' ')));
        expect(said).not.toMatch(/Originally Posted by|Code:|x10\^9/);
        const li = p.contentElement.closest('li')!;
        seen.quotes += p.contentElement.querySelectorAll('.bbcode_quote').length;
        seen.codes += p.contentElement.querySelectorAll('pre.bbcode_code').length;
        seen.signatures += li.querySelectorAll('blockquote.signature').length;
      }
    }
    expect(seen).toEqual({
      quotes: long.posts.filter((p) => p.quote).length,
      codes: long.posts.filter((p) => p.code).length,
      signatures: long.posts.filter((p) => p.signature).length,
    });
    expect(Math.min(seen.quotes, seen.codes, seen.signatures)).toBeGreaterThan(0);
  });

  it('lets the glossary into the post’s own blockquote, not into quotes, code or the signature', () => {
    const { doc } = labPage(pagePath(1));
    const own = doc.querySelector('blockquote.postcontent')!;
    expect(own.closest(vbulletinAdapter.notOwnWords)).toBeNull();
    for (const sel of ['.bbcode_quote .message', 'pre.bbcode_code', '.bbcode_description', '.signaturecontainer'])
      expect(doc.querySelector(sel)?.closest(vbulletinAdapter.notOwnWords), sel).not.toBeNull();
  });

  it('says "at least" where no total is stated, except on the last page', () => {
    const unstated = (path: string) => {
      const { url, doc } = labPage(path);
      doc.querySelector('#postpagestats_above')?.remove();
      return readThreadFromPage(doc, url)!;
    };
    expect(unstated(pagePath(2))).toMatchObject({ postCount: 20, postCountAtLeast: true });
    expect(unstated(pagePath(3)).postCount).toBe(27);
  });
});

describe('vBulletin 4: the one-page thread and addresses vBulletin has not', () => {
  it('reads the short thread: two posts, their counters and words', () => {
    const t = read('/vb/showthread.php?t=5150');
    expect(t).toMatchObject({ threadId: '5150', title: 'Ruxolitinib for myelofibrosis', postCount: 2 });
    expect(t.pages).toBeUndefined();
    expect(t.postCountAtLeast).toBeUndefined();
    expect(t.posts.map((p) => [p.postNumber, p.author])).toEqual([
      [1, 'PeterMF'],
      [2, 'Moira'],
    ]);
    expect(vbulletinAdapter.postText(t.posts[0].contentElement)).toContain('spleen has already shrunk');
  });

  it('takes `t=` for a thread on showthread.php only, not on any page that has one', () => {
    const parse = (u: string) => vbulletinAdapter.parseThreadUrl(u)?.threadId ?? null;
    expect(parse('https://vb.example/forum/showthread.php?t=7')).toBe('7');
    expect(parse('https://vb.example/forum/7-ruxolitinib/page2')).toBe('7');
    // A saved "thread" there would have the checker ask for that page, signed in.
    expect(parse('https://vb.example/profile.php?do=editoptions&t=7')).toBeNull();
    expect(parse('https://vb.example/u/me/preferences/account?t=7')).toBeNull();
  });

  it('answers 404 for unknown threads, pages past the last and other shapes', () => {
    for (const path of [
      '/vb/showthread.php?t=9999',
      '/vb/showthread.php?t=5188&page=4',
      '/vb/showthread.php?t=5188&page=0',
      '/vb/showthread.php?t=5150/2',
      '/vb/showthread.php?t=5150&p=61020',
      '/vb/showthread.php',
      '/vb/forumdisplay.php?f=7',
    ]) {
      const { status, url, doc } = labPage(path);
      expect(status, path).toBe(404);
      expect(readThreadFromPage(doc, url), path).toBeNull();
    }
  });
});
