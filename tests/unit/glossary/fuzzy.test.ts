import { describe, expect, it } from 'vitest';
import { fuzzyIndex, oneEditApart } from '../../../utils/glossary/fuzzy';
import { loadGlossary } from '../../../utils/glossary/load';
import { createMatcher } from '../../../utils/glossary/matcher';

const matcher = createMatcher(loadGlossary().entries);
const found = (text: string) => matcher.match(text).map((m) => [m.text, m.id]);

describe('long words typed with one slip', () => {
  it('counts one letter added, dropped, changed or two swapped, and no more', () => {
    expect(oneEditApart('tocilizumab', 'tocillizumab')).toBe(true);
    expect(oneEditApart('daunorubicin', 'daunorubacin')).toBe(true);
    expect(oneEditApart('haematologist', 'heamatologist')).toBe(true);
    expect(oneEditApart('myelodysplasia', 'myelodisplasia')).toBe(true);
    expect(oneEditApart('tocilizumab', 'tocilizumabbb')).toBe(false);
    expect(oneEditApart('remission', 'permission')).toBe(false);
  });

  it('agrees with every spelling one edit makes, for glossary words and their slips', () => {
    // Every word one edit from w, made the slow way: the definition the fast check must keep.
    const edits = (w: string) => {
      const out = new Set([w]);
      const letters = 'abcdefghijklmnopqrstuvwxyz';
      for (let i = 0; i <= w.length; i++) {
        for (const l of letters) out.add(w.slice(0, i) + l + w.slice(i));
        if (i < w.length) {
          out.add(w.slice(0, i) + w.slice(i + 1));
          for (const l of letters) out.add(w.slice(0, i) + l + w.slice(i + 1));
        }
        if (i < w.length - 1) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
      }
      return out;
    };
    const words = ['tocilizumab', 'myelodysplasia', 'aab', 'abba', 'haematologist'];
    for (const w of words) {
      const near = edits(w);
      // Near ones, and ones two edits away (an edit of an edit), both ways round.
      const tries = [...near]
        .filter((_, i) => i % 7 === 0)
        .flatMap((v) => [v, ...[...edits(v)].filter((_, i) => i % 97 === 0)]);
      for (const v of tries) {
        expect(oneEditApart(w, v), `${w} / ${v}`).toBe(near.has(v));
        expect(oneEditApart(v, w), `${v} / ${w}`).toBe(near.has(v));
      }
    }
  });

  it('finds the one glossary word a slip is nearest, and nothing when two are', () => {
    const index = fuzzyIndex(['lenalidomide', 'pomalidomide', 'thalidomide']);
    expect(index.nearest('lenalidomid')).toBe('lenalidomide');
    expect(index.nearest('lenalidomide')).toBeNull(); // spelt right: the exact matcher's
    expect(index.nearest('short')).toBeNull();
    expect(fuzzyIndex(['abcdefghij', 'abcdefghik']).nearest('abcdefghix')).toBeNull();
  });

  it('explains a misspelt drug in a post, and leaves ordinary long words alone', () => {
    expect(found('They gave him tocillizumab for the CRS')).toContainEqual(['tocillizumab', 'tocilizumab']);
    expect(found('Dad had daunorubacin and cytarabine')).toContainEqual(['daunorubacin', 'daunorubicin']);
    for (const text of [
      'The inflection in her voice said it all.',
      'Several revisions to the plan, altogether too many.',
      'Unfortunately the appointment letter was incomprehensible.',
    ])
      expect(
        found(text).filter(([, id]) => id !== 'appointment'),
        text,
      ).toEqual([]);
  });

  it('finds a slip again in every later post, also after many other long words', () => {
    const fresh = createMatcher(loadGlossary().entries);
    const slips = (text: string) =>
      fresh
        .match(text)
        .filter((m) => m.id === 'tocilizumab')
        .map((m) => m.text);
    expect(slips('They gave him tocillizumab for the CRS')).toEqual(['tocillizumab']);
    expect(slips('Tocillizumab again today, then tocillizumab tomorrow.')).toEqual(['Tocillizumab', 'tocillizumab']);
    // More distinct long words than a page's lookups keep: the slip is still found after.
    const many = Array.from(
      { length: 12_000 },
      (_, i) => `longwordnumber${String(i).replace(/\d/g, (d) => 'abcdefghij'[+d])}`,
    );
    expect(new Set(many).size).toBe(12_000);
    for (let i = 0; i < many.length; i += 500) fresh.match(many.slice(i, i + 500).join(' '));
    expect(slips('Still on tocillizumab.')).toEqual(['tocillizumab']);
    expect(slips('The inflection in her voice said it all.')).toEqual([]);
  });
});
