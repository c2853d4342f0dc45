// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PHPBB_TOPICS } from '../../forum-lab/engines/phpbb';
import { phpbbAdapter } from '../../../utils/forums/phpbb';
import { readThreadFromPage } from '../../../utils/forums/registry';
import { LAB_ORIGIN as O, expectPostLinksLand, itReadsEveryPage, labPage, readLabThread, squash } from './lab-pages';

const long = PHPBB_TOPICS.long;
const read = readLabThread;
const pagePath = (k: number) => `/phpbb/viewtopic.php?t=428${k > 1 ? `&start=${(k - 1) * 10}` : ''}`;

describe('phpBB: a topic of five pages, ten posts a page', () => {
  itReadsEveryPage('the stated total', read, {
    thread: { engine: 'phpbb', threadId: '428', title: long.title, canonicalUrl: `${O}/phpbb/viewtopic.php?t=428` },
    pages: { path: pagePath, total: 43, perPage: 10 },
    written: { posts: long.posts, fields: ['postId', 'author'] },
  });

  it('links every post to the page that holds it, from any page of the topic', () => {
    expectPostLinksLand(read, phpbbAdapter, {
      threadId: '428',
      from: [pagePath(1), pagePath(4)],
      posts: [1, 10, 11, 25, 40, 41, 43],
      written: long.posts,
    });
    // The address as stored may be any page; a saved thread without its page size uses phpBB's.
    expect(phpbbAdapter.postAddress({ url: `${O}/phpbb/viewtopic.php?f=2&t=428&start=20` }, 31)).toBe(
      `${O}/phpbb/viewtopic.php?t=428&start=30`,
    );
    expect(phpbbAdapter.postAddress({ url: `${O}/phpbb/viewtopic.php?t=428`, perPage: 25 }, 31)).toBe(
      `${O}/phpbb/viewtopic.php?t=428&start=25`,
    );
  });

  it('numbers the posts right on a post’s own link (?p=ID), which names no page', () => {
    const post = long.posts[26];
    const t = read(`/phpbb/viewtopic.php?p=${post.id}`);
    expect(t.threadId).toBe('428');
    expect(t.posts.find((p) => p.postId === String(post.id))?.postNumber).toBe(27);
    expect(t.pages?.current).toBe(3);
  });

  it('reads only the posters’ own words: no quote, code box, label or signature', () => {
    let quotes = 0;
    let codes = 0;
    let signatures = 0;
    for (let k = 1; k <= 5; k++) {
      const t = read(pagePath(k));
      for (const p of t.posts) {
        const written = long.posts[p.postNumber - 1];
        const said = phpbbAdapter.postText(p.contentElement);
        expect(squash(said), `post ${p.postNumber}`).toBe(squash(written.paragraphs.join(' ')));
        expect(said).not.toMatch(/Select all|wrote:|x10\^9/);
        const post = p.contentElement.closest('.post')!;
        if (written.quote) quotes += p.contentElement.querySelectorAll('blockquote cite').length;
        if (written.code) codes += post.querySelectorAll('.codebox pre code').length;
        if (written.signature) signatures += post.querySelectorAll('.signature').length;
      }
    }
    // Every quote, code box and signature the thread has was on a page and left out.
    expect(quotes).toBe(long.posts.filter((p) => p.quote).length);
    expect(codes).toBe(long.posts.filter((p) => p.code).length);
    expect(signatures).toBe(long.posts.filter((p) => p.signature).length);
    expect(Math.min(quotes, codes, signatures)).toBeGreaterThan(1);
  });

  it('keeps the code box and its label out of the glossary too', () => {
    const { doc } = labPage(pagePath(1));
    const box = doc.querySelector('.content .codebox')!;
    for (const el of [box, box.querySelector('p')!, box.querySelector('code')!])
      expect(el.closest(phpbbAdapter.notOwnWords)).not.toBeNull();
    expect(doc.querySelector('.content')!.matches(phpbbAdapter.notOwnWords)).toBe(false);
  });

  it('says "at least" where the page states no total in words it knows, except on the last page', () => {
    const inGerman = (path: string) => {
      const { url, doc } = labPage(path);
      doc.querySelectorAll('.pagination').forEach((bar) => {
        bar.innerHTML = bar.innerHTML.replace('43 posts', '43 Beiträge');
      });
      return readThreadFromPage(doc, url)!;
    };
    expect(inGerman(pagePath(3))).toMatchObject({ postCount: 30, postCountAtLeast: true });
    const last = inGerman(pagePath(5));
    expect(last.postCount).toBe(43);
    expect(last.postCountAtLeast).toBeUndefined();
  });
});

describe('phpBB: the one-page topic and the rest of the board', () => {
  it('reads the short topic: four posts, one page, its reply box left alone', () => {
    const t = read('/phpbb/viewtopic.php?f=2&t=314');
    expect(t).toMatchObject({ threadId: '314', title: 'Just started R-CHOP - what helped you?', postCount: 4 });
    expect(t.pages).toBeUndefined();
    expect(t.postCountAtLeast).toBeUndefined();
    expect(t.posts.map((p) => p.author)).toEqual(['lucy_m', 'GrahamT', 'Bev1960', 'lucy_m']);
    expect(t.posts[1].time).toBe('2024-05-02T12:40:00.000Z');
    expect(phpbbAdapter.postText(t.posts[0].contentElement)).toMatch(/^Hi all, I was diagnosed with DLBCL/);
    expect(labPage('/phpbb/viewtopic.php?t=314').doc.querySelector('textarea')?.value).toBe('R-CHOP');
  });

  it('answers 404 where phpBB has no such topic or page', () => {
    for (const path of [
      '/phpbb/viewtopic.php?t=999',
      '/phpbb/viewtopic.php?t=428&start=50',
      '/phpbb/viewtopic.php?t=428&start=15',
      '/phpbb/viewtopic.php?t=428/2',
      '/phpbb/viewtopic.php?t=314/6',
      '/phpbb/viewtopic.php?p=1',
      '/phpbb/viewtopic.php',
      '/phpbb/viewforum.php?f=9',
      '/phpbb/memberlist.php',
    ]) {
      const { status, url, doc } = labPage(path);
      expect(status, path).toBe(404);
      expect(readThreadFromPage(doc, url), path).toBeNull();
    }
  });

  it('is not fooled by the board index or the forum’s topic list', () => {
    for (const path of ['/phpbb/', '/phpbb/index.php', '/phpbb/viewforum.php?f=2']) {
      const { status, url, doc } = labPage(path);
      expect(status).toBe(200);
      expect(phpbbAdapter.detect(doc)).toBe(true);
      expect(readThreadFromPage(doc, url)).toBeNull();
    }
  });
});
