// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { IPS_TOPICS } from '../../forum-lab/engines/invision';
import { invisionAdapter } from '../../../utils/forums/invision';
import { readThreadFromPage } from '../../../utils/forums/registry';
import {
  LAB_ORIGIN as O,
  expectPostLinksLand,
  itReadsEveryPage,
  labPage,
  readLabThread as read,
  squash,
} from './lab-pages';

const long = IPS_TOPICS.long;
const base = '/invision/topic/957-carers-and-patients-support-thread/';
const pagePath = (k: number) => `${base}${k > 1 ? `page/${k}/` : ''}`;

describe('Invision Community: a topic of three pages, 25 posts a page', () => {
  itReadsEveryPage('the total from its JSON-LD', read, {
    thread: { engine: 'invision', threadId: '957', title: long.title, canonicalUrl: O + base },
    pages: { path: pagePath, total: 57, perPage: 25 },
    written: { posts: long.posts, fields: ['postId', 'author', 'time'] },
  });

  it('links every post to the page that holds it, from any page of the topic', () => {
    expectPostLinksLand(read, invisionAdapter, {
      threadId: '957',
      from: [pagePath(1), pagePath(3)],
      posts: [1, 25, 26, 50, 51, 57],
      written: long.posts,
    });
    expect(invisionAdapter.postAddress({ url: `${O}${base}page/3/#comment-9000` }, 30)).toBe(`${O}${base}page/2/`);
  });

  it('numbers posts by the page size the board states, not a blind 25', () => {
    const { url, doc } = labPage(pagePath(2));
    // The same page as a board set to 20 a page would draw it: posts 21-40 of 57.
    const bar = doc.querySelector('ul.ipsPagination')!;
    bar.setAttribute('data-ipspagination-perpage', '20');
    const articles = [...doc.querySelectorAll('article.cPost')];
    articles.slice(20).forEach((a) => a.remove());
    const t = readThreadFromPage(doc, url)!;
    expect(t.pages?.perPage).toBe(20);
    expect(t.posts[0].postNumber).toBe(21);
    expect(invisionAdapter.postAddress({ url: t.canonicalUrl, perPage: 20 }, 41)).toBe(`${O}${base}page/3/`);
  });

  it('reads only the posters’ own words: no quote, code, edit note or signature', () => {
    const seen = { quotes: 0, codes: 0, signatures: 0 };
    for (const k of [1, 2, 3]) {
      for (const p of read(pagePath(k)).posts) {
        const written = long.posts[p.postNumber - 1];
        const said = invisionAdapter.postText(p.contentElement);
        expect(squash(said), `post ${p.postNumber}`).toBe(squash(written.paragraphs.join(' ')));
        expect(said).not.toMatch(/ said:|x10\^9/);
        seen.quotes += p.contentElement.querySelectorAll('blockquote.ipsQuote').length;
        seen.codes += p.contentElement.querySelectorAll('pre.ipsCode').length;
        seen.signatures += p.contentElement.closest('article')!.querySelectorAll('[data-role=memberSignature]').length;
      }
    }
    expect(seen).toEqual({
      quotes: long.posts.filter((p) => p.quote).length,
      codes: long.posts.filter((p) => p.code).length,
      signatures: long.posts.filter((p) => p.signature).length,
    });
    expect(Math.min(seen.quotes, seen.codes, seen.signatures)).toBeGreaterThan(0);
  });

  it('says "at least" without the JSON-LD, except on the last page', () => {
    const withoutLd = (path: string) => {
      // A page of its own: pages without an edit are shared between tests.
      const { url, doc } = labPage(path, (html) =>
        html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, ''),
      );
      return readThreadFromPage(doc, url)!;
    };
    expect(withoutLd(pagePath(2))).toMatchObject({ postCount: 50, postCountAtLeast: true });
    const last = withoutLd(pagePath(3));
    expect(last.postCount).toBe(57);
    expect(last.postCountAtLeast).toBeUndefined();
  });
});

describe('Invision Community: the one-page topic and addresses Invision has not', () => {
  it('reads the short topic, leaving out the quote and the "Edited" note', () => {
    const t = read('/invision/topic/903-mgus-diagnosis-what-next/');
    expect(t).toMatchObject({ threadId: '903', title: 'MGUS diagnosis - what next?', postCount: 2 });
    expect(t.pages).toBeUndefined();
    expect(t.postCountAtLeast).toBeUndefined();
    expect(t.posts.map((p) => p.author)).toEqual(['ellie_b', 'ken_r']);
    expect(squash(invisionAdapter.postText(t.posts[1].contentElement))).toBe(
      'MGUS for nine years here, serum free light chains checked twice a year. Myeloma UK have a good guide.',
    );
  });

  it('answers 404 for unknown topics, pages past the last and other shapes', () => {
    for (const path of [
      '/invision/topic/999-nothing-here/',
      `${base}page/4/`,
      `${base}page/1/`,
      '/invision/topic/957-wrong-slug/',
      '/invision/topic/903-mgus-diagnosis-what-next/?do=findComment&comment=4402',
      '/invision/topic/903/25',
      '/invision/',
    ]) {
      const { status, url, doc } = labPage(path);
      expect(status, path).toBe(404);
      expect(readThreadFromPage(doc, url), path).toBeNull();
    }
  });
});
