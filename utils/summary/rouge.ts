import { contentWords } from './text';

/**
 * ROUGE-N (Lin 2004) between a summary and a reference: the share of the reference's
 * n-grams the summary has (recall), of the summary's that the reference has (precision),
 * and their F1. Words are compared as the summariser sees them (lower case, stemmed,
 * without stop words).
 */
export interface Rouge {
  recall: number;
  precision: number;
  f1: number;
}

function ngrams(words: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

export function rougeN(summary: string, reference: string, n = 1): Rouge {
  const s = ngrams(contentWords(summary), n);
  const r = ngrams(contentWords(reference), n);
  let overlap = 0;
  for (const [g, c] of r) overlap += Math.min(c, s.get(g) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const recall = total(r) ? overlap / total(r) : 0;
  const precision = total(s) ? overlap / total(s) : 0;
  return { recall, precision, f1: recall + precision ? (2 * recall * precision) / (recall + precision) : 0 };
}
