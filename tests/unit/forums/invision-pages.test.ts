// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { IPS_TOPICS } from '../../forum-lab/engines/invision';
import { invisionAdapter } from '../../../utils/forums/invision';
import { isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import { LAB_ORIGIN as O, labPage, readLabThread as read, squash } from './lab-pages';

const long = IPS_TOPICS.long;
const base = '/invision/topic/957-carers-and-patients-support-thread/';
const pagePath = (k: number) => `${base}${k > 1 ? `page/${k}/` : ''}`;

describe('Invision Community: a topic of three pages, 25 posts a page', () => {
  it.each([
    [1, [1, 25]],
    [2, [26, 50]],
    [3, [51, 57]],
  ])('page %i: title, the total from its JSON-LD, the pages and each post’s number', (k, [first, last]) => {
    const t = read(pagePath(k));
    expect(t).toMatchObject({ engine: 'invision', threadId: '957', title: long.title, postCount: 57 });
    expect(t.postCountAtLeast).toBeUndefined();
    expect(t.pages).toEqual({ current: k, count: 3, perPage: 25 });
    expect(t.canonicalUrl).toBe(O + base);
    expect(isThreadAddress('invision', O, '957', t.canonicalUrl)).toBe(true);
    expect(t.posts.map((p) => [p.postNumber, p.postId, p.author, p.time])).toEqual(
      long.posts.slice(first - 1, last).map((p) => [p.number, String(p.id), p.author, p.time]),
    );
  });

  it('links every post to the page that holds it, from any page of the topic', () => {
    for (const from of [pagePath(1), pagePath(3)]) {
      const t = read(from);
      for (const n of [1, 25, 26, 50, 51, 57]) {
        const address = invisionAdapter.postAddress({ url: t.canonicalUrl, perPage: t.pages?.perPage }, n);
        expect(isThreadAddress('invision', O, '957', address), address).toBe(true);
        expect(read(address.slice(O.length)).posts.find((p) => p.postNumber === n)?.postId).toBe(
          String(long.posts[n - 1].id),
        );
      }
    }
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
      const { url, doc } = labPage(path);
      doc.querySelectorAll('script[type="application/ld+json"]').forEach((s) => s.remove());
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
