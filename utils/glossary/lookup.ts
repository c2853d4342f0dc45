import type { TermFinder } from './annotate';

/**
 * "Explain with Threadside" on words the reader selected: the glossary's terms inside the
 * selection, or, when it has none, searches on the allowlisted sites for those words. Nothing
 * is fetched: the searches are links the reader may follow.
 */
export type Lookup =
  { kind: 'terms'; ids: string[] } | { kind: 'none'; words: string; searches: Array<{ site: string; url: string }> };

/** Longer selections are cut: a search for a paragraph helps nobody. */
const MAX_WORDS_CHARS = 80;
/** At most this many terms in one tooltip, in the order they stand in the selection. */
const MAX_TERMS = 3;

export function searchesFor(words: string): Array<{ site: string; url: string }> {
  const q = encodeURIComponent(words);
  return [
    { site: 'NHS', url: `https://www.nhs.uk/search/results?q=${q}` },
    { site: 'Cancer Research UK', url: `https://www.cancerresearchuk.org/searchredirect?siteid=1&query=${q}` },
  ];
}

/** Null when nothing worth looking up is selected. */
export function lookUp(finder: TermFinder, selected: string, context: string, thread = ''): Lookup | null {
  const text = selected.replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  const ids: string[] = [];
  // Every occurrence, every tier, and forms that would otherwise wait for a cue word: the
  // reader asked about these very words.
  for (const m of finder.match(text, context || text, thread, true))
    for (const id of m.ids) if (!ids.includes(id) && ids.length < MAX_TERMS) ids.push(id);
  if (ids.length) return { kind: 'terms', ids };
  let words = text;
  if (words.length > MAX_WORDS_CHARS) {
    const cut = words.slice(0, MAX_WORDS_CHARS);
    words = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim();
  }
  return { kind: 'none', words, searches: searchesFor(words) };
}
