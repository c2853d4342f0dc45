import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../utils/glossary/load';
import { createMatcher } from '../../../utils/glossary/matcher';
import { lookUp } from '../../../utils/glossary/lookup';

const matcher = createMatcher(loadGlossary().entries);

describe('explaining the words a reader selected', () => {
  it('finds the glossary terms inside the selection, in every form', () => {
    expect(lookUp(matcher, 'relapsed DLBCL', '')).toEqual({
      kind: 'terms',
      ids: ['relapse', 'diffuse-large-b-cell-lymphoma'],
    });
    expect(lookUp(matcher, '  C.T. scan\n', '')).toEqual({ kind: 'terms', ids: ['ct-scan'] });
  });

  it('explains a form that waits for a cue word when underlining, since the reader asked', () => {
    expect(lookUp(matcher, 'MM', 'MM is stable')).toEqual({ kind: 'terms', ids: ['myeloma'] });
    // Exact capitals still hold: lowercase "mm" is a unit, not myeloma.
    expect(lookUp(matcher, 'mm', 'a 5 mm node')).toMatchObject({ kind: 'none' });
  });

  it('says plainly when it has no explanation, with searches on the allowed sites only', () => {
    const r = lookUp(matcher, 'feeling wobbly & tired', '');
    expect(r).toMatchObject({ kind: 'none', words: 'feeling wobbly & tired' });
    if (r?.kind !== 'none') throw new Error('expected no term');
    expect(r.searches.map((s) => new URL(s.url).hostname)).toEqual(['www.nhs.uk', 'www.cancerresearchuk.org']);
    // The words travel only inside the address of a link the reader may choose to follow.
    expect(r.searches[0].url).toBe('https://www.nhs.uk/search/results?q=feeling%20wobbly%20%26%20tired');
  });

  it('cuts a long selection at a word and ignores one with no words', () => {
    const long = 'word '.repeat(40);
    const r = lookUp(matcher, long, '');
    expect(r?.kind === 'none' && r.words.length).toBeLessThanOrEqual(80);
    expect(r?.kind === 'none' && r.words.endsWith('word')).toBe(true);
    expect(lookUp(matcher, ' … !! ', '')).toBeNull();
  });
});
