/**
 * Long words typed with one slip ("tocillizumab", "myelodisplasia", "heamatologist"): a word
 * of at least `FUZZY_MIN` letters that is one edit (a letter added, dropped, changed, or two
 * neighbours swapped) from exactly one of the glossary's long one-word forms. Found with a
 * deletion index: two words one edit apart share a spelling with one letter taken out.
 */
export const FUZZY_MIN = 9;

/** Every spelling of `w` with one letter taken out, and `w` itself. */
function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Whether a and b are at most one edit apart, counting a swap of neighbours as one. */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return true;
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1);
}

export interface FuzzyIndex {
  /** The dictionary word one edit from `word`, when exactly one is; null otherwise. */
  nearest(word: string): string | null;
}

export function fuzzyIndex(words: readonly string[]): FuzzyIndex {
  const dictionary = new Set(words);
  const index = new Map<string, number[]>();
  words.forEach((w, i) => {
    for (const d of deletions(w)) {
      const list = index.get(d);
      if (!list) index.set(d, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  return {
    nearest(word) {
      if (word.length < FUZZY_MIN || dictionary.has(word)) return null;
      const found = new Set<string>();
      for (const d of deletions(word))
        for (const i of index.get(d) ?? []) if (oneEditApart(word, words[i])) found.add(words[i]);
      return found.size === 1 ? [...found][0] : null;
    },
  };
}
