import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../utils/glossary/load';
import { compileMatcher, createMatcher, matcherFrom } from '../../../utils/glossary/matcher';
import { packMatcher, unpackMatcher } from '../../../utils/glossary/packed';

const { entries } = loadGlossary();

const TEXTS = [
  'Six cycles of R-CHOP, then a PET scan; my neutrophils are back above 1.5.',
  'We met the CAR T team about the lymphoma and cytokine release syndrome.',
  'Our PET is a very old cat.',
  'Waldenström macroglobulinaemia, aneamia and a Hickman line.',
  'MF: myelofibrosis or mycosis fungoides? The JAK2 test and the skin biopsy will say.',
];

describe('the matcher handed to pages', () => {
  it('matches exactly as the matcher built from the entries, after a trip through messaging', () => {
    const direct = createMatcher(entries);
    // Extension messaging carries JSON.
    const carried = JSON.parse(JSON.stringify(packMatcher(compileMatcher(entries)))) as unknown;
    const compiled = unpackMatcher(carried);
    expect(compiled).not.toBeNull();
    const handed = matcherFrom(compiled!);
    expect(handed.keyCount).toBe(direct.keyCount);
    expect(handed.nodeCount).toBe(direct.nodeCount);
    for (const text of TEXTS) expect(handed.match(text)).toEqual(direct.match(text));
    expect(handed.match(TEXTS[0]).length).toBeGreaterThan(2);
  });

  it('is one string of tables plus the strings, not tens of thousands of numbers', () => {
    const packed = packMatcher(compileMatcher(entries));
    expect(typeof packed.data).toBe('string');
    expect(packed.lengths.every((n) => Number.isInteger(n))).toBe(true);
  });

  it('refuses anything that is not a packed matcher it can read', () => {
    const packed = packMatcher(compileMatcher(entries));
    expect(unpackMatcher(null)).toBeNull();
    expect(unpackMatcher([])).toBeNull();
    expect(unpackMatcher({ ...packed, format: 2 })).toBeNull();
    expect(unpackMatcher({ ...packed, lengths: packed.lengths.slice(1) })).toBeNull();
    // Tables claiming more than the data holds.
    expect(unpackMatcher({ ...packed, lengths: packed.lengths.map((n) => n + 1_000_000) })).toBeNull();
  });
});
