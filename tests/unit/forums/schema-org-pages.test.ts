// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { schemaOrgPostTotal } from '../../../utils/checks/engine-counts';
import { readThreadFromPage } from '../../../utils/forums/registry';
import { schemaOrgAdapter } from '../../../utils/forums/schema-org';
import { SCHEMA_ORG_PER_PAGE, SCHEMA_ORG_THREAD, schemaOrgPagePath } from '../../forum-lab/engines/schema-org';
import { LAB, itReadsEveryPage, labPage, readLabThread } from './lab-pages';

const STORY = '/stories/stem-cell-transplant-one-year-on';
const LD = /<script type="application\/ld\+json">[\s\S]*?<\/script>/;
const read = (path: string, edit?: (html: string) => string) =>
  readThreadFromPage(labPage(STORY, edit).doc, LAB + path)!;
/** Google's shape: the replies as a CommentAction counter, the thread's first page as `url`. */
const ld = (extra: Record<string, unknown>) =>
  `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: 'My stem cell transplant, one year on',
    url: `${LAB}${STORY}`,
    ...extra,
  })}</script>`;

describe('schema.org DiscussionForumPosting', () => {
  it('reads the replies a CommentAction counter states, in JSON-LD or microdata', () => {
    const counter = {
      interactionStatistic: [
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/LikeAction', userInteractionCount: 40 },
        {
          '@type': 'InteractionCounter',
          interactionType: 'https://schema.org/CommentAction',
          userInteractionCount: 24,
        },
      ],
    };
    expect(read(STORY, (h) => h.replace(LD, ld(counter))).postCount).toBe(25);
    const micro = (h: string) =>
      h
        .replace(LD, '')
        .replace(
          '<h1 itemprop="headline">',
          '<div itemprop="interactionStatistic" itemscope itemtype="https://schema.org/InteractionCounter"><meta itemprop="interactionType" content="https://schema.org/CommentAction"><meta itemprop="userInteractionCount" content="9"></div><h1 itemprop="headline">',
        );
    expect(read(STORY, micro).postCount).toBe(10);
    expect(schemaOrgPostTotal(labPage(STORY, (h) => h.replace(LD, ld(counter))).body)).toBe(25);
  });

  it('names the thread by its first page on a later page, and says "at least" where no count is stated', () => {
    const later = (h: string) =>
      h
        .replace(LD, ld({}))
        .replace('<link rel="canonical"', `<link rel="next" href="${STORY}?page=3"><link rel="canonical"`);
    const t = read(`${STORY}?page=2`, later);
    expect(t.canonicalUrl).toBe(LAB + STORY);
    expect(t).toMatchObject({ postCount: 3, postCountAtLeast: true });
    expect(schemaOrgAdapter.postAddress({ url: `${LAB}${STORY}#comment-2` }, 3)).toBe(LAB + STORY);
  });

  it('takes a "next" link on a page that already holds the stated total as some other page’s', () => {
    const t = read(STORY, (h) =>
      h.replace('<link rel="canonical"', '<link rel="next" href="/stories/another-story"><link rel="canonical"'),
    );
    expect(t).toMatchObject({ postCount: 3 });
    expect(t.pages).toBeUndefined();
    expect(t.posts.map((p) => p.postNumber)).toEqual([1, 2, 3]);
  });

  it('leaves quotes and shared previews out of a post’s own words', () => {
    const t = read(STORY, (h) =>
      h.replace(
        '<div itemprop="text"><p>A year ago',
        '<div itemprop="text"><blockquote>Someone else said this</blockquote><div itemprop="sharedContent">Link preview</div><p>A year ago',
      ),
    );
    const words = schemaOrgAdapter.postText(t.posts[0].contentElement);
    expect(words).toMatch(/^A year ago I had an allogeneic stem cell transplant/);
    expect(words).not.toMatch(/Someone else|Link preview/);
  });
});

describe('schema.org: a discussion over three pages', () => {
  const { title, posts } = SCHEMA_ORG_THREAD;
  const page = schemaOrgPagePath;
  itReadsEveryPage('the replies its JSON-LD counter states', readLabThread, {
    thread: { engine: 'schema-org', threadId: page(1), title, canonicalUrl: LAB + page(1) },
    pages: { path: page, total: posts.length, perPage: SCHEMA_ORG_PER_PAGE },
    written: {
      posts: posts.map((p) => ({ number: p.n, id: p.n, author: p.username, time: p.time, paragraphs: p.paragraphs })),
      fields: ['author', 'time'],
    },
  });

  it('shows the story’s own text on page 1 only, and links the pages both ways', () => {
    const story = posts[0].paragraphs[0];
    expect(schemaOrgAdapter.postText(readLabThread(page(1)).posts[0].contentElement)).toContain(story);
    for (const k of [2, 3]) {
      const { body, doc } = labPage(page(k));
      expect(body, page(k)).not.toContain(story);
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(LAB + page(k));
      expect(doc.querySelector('link[rel=prev]')?.getAttribute('href')).toBe(LAB + page(k - 1));
      expect(doc.querySelector('nav.pagination [aria-current=page]')?.textContent).toBe(String(k));
    }
    expect(labPage(page(2)).doc.querySelector('link[rel=next]')?.getAttribute('href')).toBe(LAB + page(3));
    expect(labPage(page(3)).doc.querySelector('link[rel=next]')).toBeNull();
  });

  it('numbers a middle page from its place without a stated count, and says "at least"', () => {
    const t = readThreadFromPage(labPage(page(2), (h) => h.replace(LD, '')).doc, LAB + page(2))!;
    expect(t).toMatchObject({ postCount: 30, postCountAtLeast: true });
    expect(t.pages).toBeUndefined();
    expect(t.posts.map((p) => p.postNumber)).toEqual(Array.from({ length: 15 }, (_, i) => 16 + i));
  });

  it('links each post to the page that holds it, from the first and the last page', () => {
    for (const from of [page(1), page(3)]) {
      const t = readLabThread(from);
      for (const n of [1, 15, 16, 31, posts.length]) {
        const address = schemaOrgAdapter.postAddress({ url: t.canonicalUrl, perPage: t.pages?.perPage }, n);
        const served = labPage(address.slice(LAB.length));
        expect(served.status, address).toBe(200);
        const post = readThreadFromPage(served.doc, address)!.posts.find((p) => p.postNumber === n);
        expect(schemaOrgAdapter.postText(post!.contentElement), address).toContain(posts[n - 1].paragraphs[0]);
      }
    }
  });

  it('keeps links on the first page where the next page is not a `?page=K` address', () => {
    const t = readThreadFromPage(
      labPage(page(1), (h) => h.replaceAll(`${LAB}${page(2)}`, `${LAB}${page(1)}/page/2`)).doc,
      LAB + page(1),
    )!;
    expect(t.pages).toBeUndefined();
    expect(schemaOrgAdapter.postAddress({ url: t.canonicalUrl, perPage: t.pages?.perPage }, 20)).toBe(LAB + page(1));
  });

  it('answers 404 for pages the site does not have, and still serves the single pages', () => {
    for (const path of [
      `${page(1)}?page=1`,
      `${page(1)}?page=0`,
      `${page(1)}?page=4`,
      `${page(1)}?page=2&sort=new`,
      `${page(1)}/`,
      `${STORY}?page=2`,
      '/stories/',
      '/stories/another-story',
      '/news/another-article',
    ])
      expect(labPage(path).status, path).toBe(404);
    for (const path of [STORY, '/news/parking']) expect(labPage(path).status, path).toBe(200);
  });
});
