import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../utils/glossary/load';
import { compileMatcher, createMatcher, matcherFrom } from '../../../utils/glossary/matcher';
import { packMatcher, unpackMatcher, type MatcherMeta } from '../../../utils/glossary/packed';

const { entries } = loadGlossary();

const TEXTS = [
  'Six cycles of R-CHOP, then a PET scan; my neutrophils are back above 1.5.',
  'We met the CAR T team about the lymphoma and cytokine release syndrome.',
  'Our PET is a very old cat.',
  'Waldenström macroglobulinaemia, aneamia and a Hickman line.',
  'MF: myelofibrosis or mycosis fungoides? The JAK2 test and the skin biopsy will say.',
];

/** As the build writes the files and the extension reads them back: JSON, and bytes in a buffer of their own. */
function throughFiles() {
  const { meta, bytes } = packMatcher(compileMatcher(entries));
  return { meta: JSON.parse(JSON.stringify(meta)) as MatcherMeta, tables: bytes.slice().buffer };
}

describe('the matcher the build writes for pages', () => {
  it('matches exactly as the matcher built from the entries, after a trip through its files', () => {
    const direct = createMatcher(entries);
    const { meta, tables } = throughFiles();
    const compiled = unpackMatcher(meta, tables);
    expect(compiled).not.toBeNull();
    const handed = matcherFrom(compiled!);
    expect(handed.keyCount).toBe(direct.keyCount);
    expect(handed.nodeCount).toBe(direct.nodeCount);
    for (const text of TEXTS) expect(handed.match(text)).toEqual(direct.match(text));
    expect(handed.match(TEXTS[0]).length).toBeGreaterThan(2);
  });

  it('refuses files that are not a packed matcher it can read', () => {
    const { meta, tables } = throughFiles();
    expect(unpackMatcher(null, tables)).toBeNull();
    expect(unpackMatcher([], tables)).toBeNull();
    expect(unpackMatcher(meta, null)).toBeNull();
    expect(unpackMatcher({ ...meta, format: 1 }, tables)).toBeNull();
    expect(unpackMatcher({ ...meta, lengths: meta.lengths.slice(1) }, tables)).toBeNull();
    // A table file cut short, or tables claiming more than the file holds.
    expect(unpackMatcher(meta, tables.slice(0, tables.byteLength - 4))).toBeNull();
    expect(unpackMatcher({ ...meta, lengths: meta.lengths.map((n) => n + 1_000_000) }, tables)).toBeNull();
  });
});
