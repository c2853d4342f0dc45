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

/** Per ASCII code: the folded code, or -1 for a separator. Most post text is ASCII. */
const ASCII = new Int16Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII[c] = SEPARATOR.test(ch) ? -1 : ch.toLowerCase().charCodeAt(0);
}

export function fold(text: string): Folded {
  // Every post passes through here as it is drawn: runs of plain characters are copied from
  // the lowercased text in one slice, not one character at a time.
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  const map = new Int32Array(text.length);
  let out = '';
  let n = 0;
  let pendingSep = -1;
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = c < 128 ? ASCII[c] : SEPARATOR.test(text[i]) ? -1 : foldChar(text[i]).charCodeAt(0);
    if (f < 0) {
      if (run >= 0) out += lower.slice(run, i);
      run = -1;
      if (n > 0 && pendingSep < 0) pendingSep = i;
      continue;
    }
    if (pendingSep >= 0) {
      out += ' ';
      map[n++] = pendingSep;
      pendingSep = -1;
    }
    if (sameLength && f === lower.charCodeAt(i)) {
      if (run < 0) run = i;
    } else {
      if (run >= 0) out += lower.slice(run, i);
      run = -1;
      out += String.fromCharCode(f);
    }
    map[n++] = i;
  }
  if (run >= 0) out += lower.slice(run);
  return { text: out, map: map.subarray(0, n) };
}

/** A glossary form as a key: folded, with separators as single spaces. */
export function foldForm(form: string): string {
  return fold(form).text;
}

/** The form with separators removed, so "R-CHOP", "R CHOP" and "RCHOP" share one spelling. */
export function joinedKey(folded: string): string {
  return folded.replace(/ /g, '');
}
