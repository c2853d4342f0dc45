import { contentWords } from './text';

/**
 * How alike two sentences are, for "no repeats": the same point in other words shares
 * stems ("asked about trials" / "asking about a trial"), a quoted or copied sentence shares
 * most of its letters. Each sentence's features are built once; comparing is a set overlap.
 */
export interface Features {
  stems: Set<string>;
  grams: Set<string>;
}

export function featuresOf(text: string): Features {
  const stems = new Set(contentWords(text));
  const flat = ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const grams = new Set<string>();
  for (let i = 0; i + 4 <= flat.length; i++) grams.add(flat.slice(i, i + 4));
  return { stems, grams };
}

/** Overlap over the smaller set: a short sentence inside a longer one counts as a repeat. */
function overlap<T>(a: Set<T>, b: Set<T>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}

function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size + b.size === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** 0 (nothing shared) to 1 (the same sentence). */
export function likeness(a: Features, b: Features): number {
  const stems = Math.min(a.stems.size, b.stems.size) >= 3 ? overlap(a.stems, b.stems) : dice(a.stems, b.stems);
  return Math.max(0.5 * stems + 0.5 * dice(a.stems, b.stems), dice(a.grams, b.grams));
}

/** Above this, two sentences make the same point: a summary shows one of them. */
export const SAME_POINT = 0.45;
/**
 * Safety advice is merged only when it is nearly the same sentence: "ring if your
 * temperature is 37.5" and "ring if you are breathless" share words but not the danger.
 */
export const SAME_ADVICE = 0.7;
