import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RAW_GLOSSARY } from '../../../utils/glossary/data';
import { foldForm } from '../../../utils/glossary/fold';
import { ENGLISH_WORDS } from '../../../utils/glossary/english-words';
import { fleschReadingEase } from '../../../utils/glossary/readability';
import { glossaryEntrySchema, LEARN_MORE_DOMAINS, type GlossaryEntry } from '../../../utils/glossary/schema';

const entries: GlossaryEntry[] = z.array(glossaryEntrySchema).parse(RAW_GLOSSARY);
const formsOf = (e: GlossaryEntry) => [e.term, ...e.aliases, ...e.variants];
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const stripSep = (s: string) => s.replace(/[\s\-\u2010-\u2014/._]/g, '');

describe('glossary data', () => {
  it('has at least 1,000 entries, every one valid against the schema', () => {
    expect(entries.length).toBeGreaterThanOrEqual(1000);
  });

  it('explains words everyone knows without starting "Short for"', () => {
    const common = entries.filter((e) => e.tier === 'common');
    expect(common.length).toBeGreaterThan(20);
    expect(common.filter((e) => /^short for\b/i.test(e.definition)).map((e) => e.id)).toEqual([]);
  });

  it('gives every entry a unique id', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets no two entries claim the same form unless both mark it as a shared sense', () => {
    const claims = new Map<string, Array<{ id: string; form: string; shared: boolean; exact: string | null }>>();
    for (const e of entries)
      for (const f of formsOf(e)) {
        const key = foldForm(f);
        const exact = e.rules?.exactCase?.includes(f) ? stripSep(f) : null;
        claims.set(key, [
          ...(claims.get(key) ?? []),
          { id: e.id, form: f, shared: !!e.rules?.shared?.includes(f), exact },
        ]);
      }
    const problems: string[] = [];
    for (const [key, list] of claims) {
      if (new Set(list.map((c) => c.id)).size < 2) continue;
      // Exact-case spellings that differ (PD, Pd) never meet in text.
      const exacts = list.map((c) => c.exact);
      if (!exacts.includes(null) && new Set(exacts).size === list.length) continue;
      if (!list.every((c) => c.shared)) problems.push(`${key}: ${list.map((c) => `${c.id} (${c.form})`).join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('gives shared senses cue words so the text can pick one', () => {
    for (const e of entries.filter((x) => x.rules?.shared?.length))
      expect(e.rules?.cues?.length, e.id).toBeGreaterThan(0);
  });

  it('links "learn more" only to the allowed authoritative sites, over https', () => {
    for (const e of entries) {
      const host = new URL(e.learnMore).hostname;
      expect(
        LEARN_MORE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`)),
        `${e.id}: ${host}`,
      ).toBe(true);
    }
  });

  it('keeps definitions short: 12 to 55 words, and nearly all within 15 to 50', () => {
    for (const e of entries) {
      expect(words(e.definition), e.id).toBeGreaterThanOrEqual(12);
      expect(words(e.definition), e.id).toBeLessThanOrEqual(55);
    }
    const inRange = entries.filter((e) => words(e.definition) >= 15 && words(e.definition) <= 50).length;
    expect(inRange / entries.length).toBeGreaterThanOrEqual(0.9);
  });

  it('reads as plain English: mean Flesch reading ease of the definitions at least 60', () => {
    const scores = entries.map((e) => fleschReadingEase(e.definition));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(mean).toBeGreaterThanOrEqual(60);
  });

  it('writes British spellings in definitions', () => {
    const american = /\b(leukemia|anemia|hemoglobin|tumor|color|center|pediatric|esophagus)\b/i;
    expect(entries.filter((e) => american.test(e.definition)).map((e) => e.id)).toEqual([]);
  });

  it('protects abbreviations that spell English words with an exact-case rule', () => {
    for (const e of entries)
      for (const f of formsOf(e)) {
        const isAbbreviation = /^[A-Z0-9][A-Z0-9+\-/&]*$/.test(f) && /[A-Z]/.test(f);
        // Spelt with a hyphen or space ("B-ALL"), the matcher itself guards the joined spelling.
        if (isAbbreviation && f === stripSep(f) && ENGLISH_WORDS.has(f.toLowerCase()))
          expect(e.rules?.exactCase ?? [], `${e.id}: ${f}`).toContain(f);
      }
  });

  it('does not give advice in definitions', () => {
    expect(
      entries.filter((e) => /\byou should\b|\bmust not\b|\bstop taking\b/i.test(e.definition)).map((e) => e.id),
    ).toEqual([]);
  });
});

describe('readability formula', () => {
  it('scores simple text higher than dense text', () => {
    expect(fleschReadingEase('The cat sat on the mat. It was warm.')).toBeGreaterThan(90);
    expect(
      fleschReadingEase(
        'Immunophenotypic characterisation demonstrated heterogeneous lymphoproliferative infiltration.',
      ),
    ).toBeLessThan(0);
  });
});
