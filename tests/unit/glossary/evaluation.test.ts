import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../utils/glossary/load';
import { createMatcher } from '../../../utils/glossary/matcher';
import { evalSetSchema, evaluate, type EvalPost } from '../../../utils/glossary/evaluate';

const { entries } = loadGlossary();
const common = new Set(entries.filter((e) => e.tier === 'common').map((e) => e.id));
const shownByDefault = (ids: string[]) => !ids.every((id) => common.has(id));

describe('the glossary on the project’s evaluation posts', () => {
  it('explains at least 95% of the terms a reader would stop at, and lights up nothing else', () => {
    const posts = evalSetSchema.parse(
      JSON.parse(readFileSync(join(import.meta.dirname, '../../glossary-eval/posts.json'), 'utf8')),
    );
    expect(posts.length).toBeGreaterThanOrEqual(60);
    const r = evaluate(posts, createMatcher(entries), shownByDefault);
    expect(r.badLabels).toEqual([]);
    expect(r.recall, JSON.stringify(r.missed)).toBeGreaterThanOrEqual(0.95);
    expect(r.falsePositives).toEqual([]);
  });
});

describe('scoring', () => {
  const post = (text: string, must: string[], may: string[] = []): EvalPost => ({
    id: 'x',
    title: '',
    category: '',
    text,
    must: must.map((form) => ({ form, term: form })),
    may,
    mustNot: [],
  });
  const finder = (spans: Array<[number, number]>) => ({
    match: (text: string) => spans.map(([start, end]) => ({ start, end, text: text.slice(start, end), ids: ['t'] })),
  });

  it('counts a term found when an underline covers most of it, and an underline on nothing labelled as false', () => {
    const text = 'Interim P E T scan, then a nice day';
    const r = evaluate(
      [post(text, ['P E T scan'], ['day'])],
      finder([
        [0, 13],
        [27, 31],
      ]),
      () => true,
    );
    expect(r.found).toBe(1);
    expect(r.falsePositives).toEqual([{ post: 'x', text: 'nice' }]);
    expect(r.precision).toBe(0.5);
  });

  it('reports a missed term and a label that is not in its post', () => {
    const r = evaluate([post('Started R-CHOP today', ['R-CHOP', 'PET'])], finder([]), () => true);
    expect(r.missed).toEqual([{ post: 'x', form: 'R-CHOP', term: 'R-CHOP' }]);
    expect(r.badLabels).toEqual(['x: "PET"']);
    expect(r.recall).toBe(0);
  });
});
