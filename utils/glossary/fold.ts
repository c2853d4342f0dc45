/**
 * Folds text so the forms people type meet the forms in the glossary: case, accents, curly
 * apostrophes, and runs of separators (space, hyphen, dash, slash, dot) all become one
 * space. `map[i]` is the index in the original text of folded character i, so matches found
 * in folded text point back at the exact original span.
 */
export interface Folded {
  text: string;
  map: Int32Array;
}

/** Space, hyphens and dashes, minus, slash, dot, middle dot, underscore. */
const SEPARATOR = /[\s\u00a0\-\u2010-\u2014\u2212/.·_]/;
const SEPARATORS = new RegExp(SEPARATOR.source, 'g');

/** The text with every separator taken out ("R-CHOP" → "RCHOP"), in its own case. */
export const stripSeparators = (s: string) => s.replace(SEPARATORS, '');

export function isWordChar(ch: string | undefined): boolean {
  return !!ch && /[\p{L}\p{N}]/u.test(ch);
}

const foldCache = new Map<string, string>();

/** One character, lowercased and without accents; curly quotes straightened. */
function foldChar(ch: string): string {
  let f = foldCache.get(ch);
  if (f === undefined) {
    if (ch === '\u2019' || ch === '\u2018' || ch === '\u02bc') f = "'";
    else
      f =
        ch
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase() || ch;
    // Keep one output char per input char so offsets stay simple (ß → "ss" would not).
    if (f.length !== 1) f = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    foldCache.set(ch, f);
  }
  return f;
}

export function fold(text: string): Folded {
  const out: string[] = [];
  const map = new Int32Array(text.length);
  let n = 0;
  let pendingSep = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (SEPARATOR.test(ch)) {
      if (n > 0 && pendingSep < 0) pendingSep = i;
      continue;
    }
    if (pendingSep >= 0) {
      out.push(' ');
      map[n++] = pendingSep;
      pendingSep = -1;
    }
    out.push(foldChar(ch));
    map[n++] = i;
  }
  return { text: out.join(''), map: map.subarray(0, n) };
}

/** A glossary form as a key: folded, with separators as single spaces. */
export function foldForm(form: string): string {
  return fold(form).text;
}

/** The form with separators removed, so "R-CHOP", "R CHOP" and "RCHOP" share one spelling. */
export function joinedKey(folded: string): string {
  return folded.replace(/ /g, '');
}
