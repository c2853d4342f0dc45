// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { schemaOrgPostTotal } from '../../../utils/checks/engine-counts';
import { readThreadFromPage } from '../../../utils/forums/registry';
import { schemaOrgAdapter } from '../../../utils/forums/schema-org';
import { LAB, labPage } from './lab-pages';

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
