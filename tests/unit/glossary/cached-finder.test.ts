import { describe, expect, it, vi } from 'vitest';
import { loadGlossary } from '../../../utils/glossary/load';
import { createMatcher } from '../../../utils/glossary/matcher';
import { cachedFinder } from '../../../utils/glossary/cached-finder';

const matcher = createMatcher(loadGlossary().entries);

describe('terms remembered for posts drawn again', () => {
  it('finds the same terms as the matcher, once per post and text', () => {
    const spy = { match: vi.fn((text: string, context?: string) => matcher.match(text, context)) };
    const finder = cachedFinder(spy);
    const post = 'Refractory DLBCL after R-CHOP, now CAR-T.';
    const first = finder.match(post, post);
    expect(first.map((m) => m.text)).toEqual(['Refractory', 'DLBCL', 'R-CHOP', 'CAR-T']);
    // The forum draws the post again as the reader scrolls back: same text, same terms.
    expect(finder.match(post, post)).toEqual(first);
    expect(spy.match).toHaveBeenCalledTimes(1);
  });

  it("still weighs each post's own words: the same capitals explained in one post, not another", () => {
    const finder = cachedFinder(matcher);
    const script = 'Put the command on one line while ECHO is ON.';
    const health = 'My ECHO was fine before the chemo started.';
    expect(finder.match('ECHO', script)).toEqual([]);
    expect(finder.match('ECHO', health).map((m) => m.ids)).toEqual([['echocardiogram']]);
    expect(finder.match('ECHO', script)).toEqual([]);
  });

  it('forgets the oldest posts beyond its limit', () => {
    const spy = { match: vi.fn((text: string, context?: string) => matcher.match(text, context)) };
    const finder = cachedFinder(spy, 2);
    for (const post of ['PET scan', 'CT scan', 'MRI scan', 'PET scan']) finder.match(post, post);
    expect(spy.match).toHaveBeenCalledTimes(4);
  });
});
