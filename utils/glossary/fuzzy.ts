/**
 * Long words typed with one slip ("tocillizumab", "myelodisplasia", "heamatologist"): a word
 * of at least `FUZZY_MIN` letters that is one edit (a letter added, dropped, changed, or two
 * neighbours swapped) from exactly one of the glossary's long one-word forms.
 *
 * Found by comparing the word, from both ends, with the forms one letter shorter, as long,
 * or one longer that share its first or its last letter: a few microseconds a word, and
 * nothing to build. A deletion index (every spelling with one letter taken out, ~16,000
 * strings for 1,500 forms) made the first long word of a page a 20–30 ms task.
 */
export const FUZZY_MIN = 9;

/** Whether a and b are at most one edit apart, counting a swap of neighbours as one. */
export function oneEditApart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let head = 0;
  while (head < short.length && short.charCodeAt(head) === long.charCodeAt(head)) head++;
  if (head === short.length) return true; // equal, or one letter added at the end
  let tail = 0;
  while (
    tail < short.length - head &&
    short.charCodeAt(short.length - 1 - tail) === long.charCodeAt(long.length - 1 - tail)
  )
    tail++;
  // What differs, between the common start and the common end, in each word.
  const inShort = short.length - head - tail;
  const inLong = long.length - head - tail;
  if (inShort <= 1 && inLong <= 1) return true; // one letter changed, added or dropped
  return (
    inShort === 2 &&
    inLong === 2 &&
    short.charCodeAt(head) === long.charCodeAt(head + 1) &&
    short.charCodeAt(head + 1) === long.charCodeAt(head)
  ); // two neighbours swapped
}

export interface FuzzyIndex {
  /** The dictionary word one edit from `word`, when exactly one is; null otherwise. */
  nearest(word: string): string | null;
}

export function fuzzyIndex(words: readonly string[]): FuzzyIndex {
  const dictionary = new Set(words);
  // One edit to a long word leaves its first letter or its last letter as it was: each form
  // is filed under its length with each, and a word is compared only with those.
  const files = new Map<string, string[]>();
  const file = (key: string, w: string) => {
    const list = files.get(key);
    if (list) list.push(w);
    else files.set(key, [w]);
  };
  for (const w of dictionary) {
    file(`${w.length}<${w[0]}`, w);
    file(`${w.length}>${w.at(-1)}`, w);
  }
  return {
    nearest(word) {
      if (word.length < FUZZY_MIN || dictionary.has(word)) return null;
      let found: string | null = null;
      for (let length = word.length - 1; length <= word.length + 1; length++)
        for (const key of [`${length}<${word[0]}`, `${length}>${word.at(-1)}`])
          for (const w of files.get(key) ?? []) {
            if (w === found || !oneEditApart(word, w)) continue;
            if (found !== null) return null; // two forms are as near: no guess
            found = w;
          }
      return found;
    },
  };
}
