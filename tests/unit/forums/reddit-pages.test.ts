// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { countSource } from '../../../utils/checks/engine-counts';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { redditAdapter } from '../../../utils/forums/reddit';
import { isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import { scrollToPost } from '../../../utils/page/go-to-post';
import { REDDIT_COMMENT_COUNT, REDDIT_THREAD } from '../../forum-lab/engines/reddit';
import { otherEngineAnswer } from '../../forum-lab/other-engines';
import { LAB_ORIGIN as O, labPage, servedDoc } from './lab-pages';

const NEW = REDDIT_THREAD.path;
const OLD = `/old${NEW}`;
const read = (path: string) => readThreadFromPage(servedDoc(path), new URL(path, O).href)!;

describe('Reddit: one page, the rest of the comments behind "more replies"', () => {
  it.each([NEW, OLD])('%s: the title, the post’s stated total, the comments on the page in order', (path) => {
    const t = read(path);
    expect(t).toMatchObject({ engine: 'reddit', threadId: '1abc2de', title: REDDIT_THREAD.title });
    expect(t.postCount).toBe(REDDIT_COMMENT_COUNT + 1);
    expect(t.postCountAtLeast).toBeUndefined();
    // Only part of the thread is on the page, so the total is not what the page counts.
    expect(t.posts.length).toBeLessThan(t.postCount);
    expect(t.posts.map((p) => p.postNumber)).toEqual(t.posts.map((_, i) => i + 1));
    expect(t.posts.slice(0, 4).map((p) => p.author)).toEqual([
      'quiet_fern',
      'oak_and_ash',
      'quiet_fern',
      'lymph_nurse_uk',
    ]);
    expect(t.posts[0].contentElement.textContent).toContain('Grade 2 follicular lymphoma');
    expect(t.pages).toBeUndefined();
  });

  it('reads new and old Reddit alike: the same comments, the same order', () => {
    expect(read(OLD).posts.map((p) => p.author)).toEqual(read(NEW).posts.map((p) => p.author));
    expect(read(OLD).posts.map((p) => p.postId)).toEqual([
      undefined,
      ...read(NEW)
        .posts.slice(1)
        .map((p) => p.postId),
    ]);
  });

  it('says "at least" when the post states no count', () => {
    const doc = servedDoc(NEW);
    doc.querySelector('shreddit-post')?.removeAttribute('comment-count');
    const t = readThreadFromPage(doc, `${O}${NEW}`)!;
    expect(t).toMatchObject({ postCount: t.posts.length, postCountAtLeast: true });
  });

  it('keeps an old-Reddit link post at its own address, not the site it links to', () => {
    // data-url is where a link post points, which can be anywhere.
    const doc = servedDoc(OLD);
    doc.querySelector('#siteTable .thing.link')?.setAttribute('data-url', 'https://attacker.example/miracle-cure');
    expect(readThreadFromPage(doc, `${O}${OLD}`)?.canonicalUrl).toBe(`${O}${OLD}`);
  });

  it('is not a thread on a subreddit listing', () => {
    expect(readThreadFromPage(servedDoc(NEW), `${O}/r/lymphoma/`)).toBeNull();
  });
});

describe('Reddit comment permalinks', () => {
  const k1 = `${NEW}k1/`;

  it.each([k1, `/old${k1}`])('%s shows that comment and its replies, as the same thread', (path) => {
    const t = read(path);
    expect(t).toMatchObject({ threadId: '1abc2de', postCount: REDDIT_COMMENT_COUNT + 1 });
    expect(t.posts.slice(1).map((p) => p.author)).toEqual(['oak_and_ash', 'quiet_fern']);
    expect(isThreadAddress('reddit', O, '1abc2de', t.canonicalUrl)).toBe(true);
  });

  it('gives the thread’s own address for a post, from the thread or any comment’s permalink', () => {
    for (const [from, thread] of [
      [k1, NEW],
      [`${NEW}?sort=new`, NEW],
      [`/old${k1}#k1`, OLD],
    ])
      expect(redditAdapter.postAddress({ url: `${O}${from}` }, 5)).toBe(`${O}${thread}`);
  });

  it('lands on post n of the thread’s page when it is there, and says so when it is not loaded', () => {
    const address = redditAdapter.postAddress({ url: `${O}${k1}` }, 5);
    expect(isThreadAddress('reddit', O, '1abc2de', address)).toBe(true);
    const t = readThreadFromPage(servedDoc(address), address)!;
    const scrolled: Element[] = [];
    const how: unknown[] = [];
    Element.prototype.scrollIntoView = function (this: Element, options?: ScrollIntoViewOptions | boolean) {
      scrolled.push(this);
      how.push(typeof options === 'object' ? options.behavior : options);
    };
    expect(scrollToPost(t, 5)).toBe(true);
    expect(scrolled[0].contains(t.posts[4].contentElement)).toBe(true);
    // A reader whose system asks for less motion is taken there at once, not glided.
    const reduced = vi
      .spyOn(window, 'matchMedia')
      .mockImplementation((q: string) => ({ matches: q === '(prefers-reduced-motion: reduce)' }) as MediaQueryList);
    scrollToPost(t, 5);
    reduced.mockRestore();
    expect(how).toEqual(['smooth', 'auto']);
    // Behind "View more comments": not on the page until the reader loads it.
    expect(scrollToPost(t, REDDIT_COMMENT_COUNT + 1)).toBe(false);
  });
});

describe('Reddit post text', () => {
  it('leaves out quoted words and Reddit’s loaders', () => {
    const t = read(NEW);
    const quoting = t.posts.find((p) => p.contentElement.querySelector('blockquote'))!;
    const quoted = quoting.contentElement.querySelector('blockquote')?.textContent?.trim() ?? '';
    const own = redditAdapter.postText(quoting.contentElement);
    expect(own.length).toBeGreaterThan(10);
    expect(own).not.toContain(quoted);
    expect(servedDoc(NEW).querySelector('faceplate-partial')?.matches(redditAdapter.notOwnWords)).toBe(true);
  });
});

describe('the Reddit demo answers only what Reddit would', () => {
  it.each([
    '/r/lymphoma/comments/9zzzzz/no_such_post/',
    `${NEW}zz9/`,
    '/r/lymphoma/comments/1abc2de/',
    '/old/r/lymphoma/comments/1abc2de/wrong_slug/',
  ])('%s is not found', (path) => {
    expect(labPage(path).status).toBe(404);
  });
});

describe('Reddit reply counts for saved threads', () => {
  it.each([NEW, OLD])('reads the thread’s total from its JSON, as %s states it', (path) => {
    const saved: Partial<SavedThread> = { engine: 'reddit', origin: O, threadId: '1abc2de', url: `${O}${path}` };
    const source = countSource(saved as SavedThread)!;
    const answer = otherEngineAnswer(new URL(source.url), O)!;
    expect(answer).toMatchObject({ status: 200, type: 'json' });
    expect(source.parse(answer.body)).toEqual({
      postCount: REDDIT_COMMENT_COUNT + 1,
      highestPostNumber: REDDIT_COMMENT_COUNT + 1,
    });
  });
});
