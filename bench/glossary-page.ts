/**
 * Bundled into the benchmark page (main world): Threadside's matcher and annotator, and the
 * same term list for mark.js, so both run on the same posts in one page.
 */
import { createAnnotator } from '../utils/glossary/annotate';
import { loadGlossary } from '../utils/glossary/load';
import { matcherFrom } from '../utils/glossary/matcher';
import { unpackMatcher } from '../utils/glossary/packed';

declare const Mark: new (ctx: Element[] | NodeListOf<Element>) => {
  mark(words: string[], opts: object): void;
  unmark(opts?: object): void;
};

let limit = Infinity;
/** Every post of the thread, laid out by the bench (the forum's stream unloads far posts). */
const posts = () => [...document.querySelectorAll('#bench-posts .cooked')].slice(0, limit);

(window as unknown as Record<string, unknown>).__glossaryBench = {
  postCount: () => posts().length,
  /** mark.js needs minutes for 1,000 posts: both sides can be held to the first N. */
  limit(n: number) {
    limit = n;
  },
  /** As the extension does: the tables it is handed (compiled at build time) made a matcher. */
  threadside() {
    const { meta, tables } = (window as unknown as { __packedMatcher: { meta: unknown; tables: ArrayBuffer } })
      .__packedMatcher;
    const t0 = performance.now();
    const matcher = matcherFrom(unpackMatcher(meta, tables)!);
    const built = performance.now();
    const annotator = createAnnotator(matcher, { mode: 'every' });
    let marks = 0;
    for (const el of posts()) marks += annotator.annotate(el);
    const done = performance.now();
    annotator.clear();
    return { buildMs: built - t0, annotateMs: done - built, totalMs: done - t0, marks };
  },
  markjs() {
    const { entries } = loadGlossary();
    const terms = [...new Set(entries.flatMap((e) => [e.term, ...e.aliases, ...e.variants]))];
    const t0 = performance.now();
    let marks = 0;
    // mark.js chains one callback per term, so ~3,000 terms in one call overflow the stack:
    // give it the same list in batches.
    const batches: string[][] = [];
    for (let i = 0; i < terms.length; i += 200) batches.push(terms.slice(i, i + 200));
    const instance = new Mark(posts());
    for (const batch of batches)
      instance.mark(batch, {
        separateWordSearch: false,
        accuracy: { value: 'exactly', limiters: ',.;:!?()"\''.split('') },
        caseSensitive: false,
        diacritics: false,
        each: () => marks++,
      });
    const done = performance.now();
    instance.unmark();
    return { totalMs: done - t0, marks, terms: terms.length };
  },
};
