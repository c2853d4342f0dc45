/**
 * The forms people type that a glossary entry does not list one by one: plurals of nouns
 * ("infusions", "metastases", "CTs"), inflections of verbs ("relapsed", "transfusing"), a
 * possessive written without its apostrophe ("Hodgkins lymphoma") and acronyms spelt out with
 * dots or spaces ("C.T. scan", "P E T"). Rules, not lists, so every entry, old or new, gets
 * them. Pure: forms in, forms out.
 */

const VOWEL = /[aeiou]/;
const LETTERS = /^[a-z]+$/;
/** An abbreviation as the glossary writes one: capitals (and digits), at least one capital. */
const ACRONYM = /^[A-Z][A-Z0-9]{1,5}$/;

/** Plural spellings of one lowercase word; empty when the word is not one to inflect. */
export function pluralsOfWord(word: string): string[] {
  if (!LETTERS.test(word) || word.length < 3) return [];
  const out: string[] = [];
  const last = word.at(-1)!;
  const last2 = word.slice(-2);
  if (last === 'y' && !VOWEL.test(word.at(-2)!)) out.push(`${word.slice(0, -1)}ies`);
  else if (last2 === 'is')
    out.push(`${word.slice(0, -2)}es`); // metastasis, metastases
  else if (last2 === 'us')
    out.push(`${word.slice(0, -2)}i`, `${word}es`); // thrombus, thrombi
  else if ((last2 === 'ex' || last2 === 'ix') && word.length >= 6) out.push(`${word.slice(0, -2)}ices`, `${word}es`);
  else if (/(?:ss|x|z|ch|sh)$/.test(word)) out.push(`${word}es`);
  // Already plural ("neutrophils", "bloods"): nothing to add.
  else if (last === 's') return [];
  else if (last2 === 'um')
    out.push(`${word.slice(0, -2)}a`, `${word}s`); // septum, septa
  else if (last === 'a')
    out.push(`${word}e`, `${word}s`); // vertebra, vertebrae; lymphomas
  else out.push(`${word}s`);
  return out;
}

/**
 * The singular of a plural glossary form ("neutrophils" → "neutrophil", "therapies" →
 * "therapy"); none for words whose singular cannot be told from their spelling ("-es",
 * "-ss", "-us", "-is") or that are short.
 */
export function singularOf(form: string): string | null {
  const m = /^(.*?)([a-z]+)$/.exec(form);
  if (!m) return null;
  const [, head, last] = m;
  if (last.length < 5 || !last.endsWith('s') || /(?:ss|us|is|es)$/.test(last)) {
    return last.length >= 5 && last.endsWith('ies') ? `${head}${last.slice(0, -3)}y` : null;
  }
  return head + last.slice(0, -1);
}

/** A verb's inflections: relapse → relapsed, relapsing, relapses. */
export function verbFormsOf(word: string): string[] {
  if (!LETTERS.test(word) || word.length < 3) return [];
  if (word.endsWith('e')) return [`${word}d`, `${word.slice(0, -1)}ing`, `${word}s`];
  if (word.endsWith('y') && !VOWEL.test(word.at(-2)!))
    return [`${word.slice(0, -1)}ied`, `${word}ing`, `${word.slice(0, -1)}ies`];
  const forms = [`${word}ed`, `${word}ing`, `${word}s`];
  // Short consonant–vowel–consonant verbs double their last letter: scan, scanned.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word) && word.length <= 5)
    forms.push(`${word}${word.at(-1)}ed`, `${word}${word.at(-1)}ing`);
  return forms;
}

/**
 * Plurals of a glossary form. A lowercase phrase inflects its last word ("platelet
 * transfusion" → "platelet transfusions"); an abbreviation takes a small "s" ("CT" → "CTs");
 * anything else (mixed case names, digits, symbols) is left as it is.
 */
export function pluralsOf(form: string): string[] {
  if (ACRONYM.test(form)) return [`${form}s`];
  const m = /^(.*?)([A-Za-z]+)$/.exec(form);
  if (!m) return [];
  const [, head, last] = m;
  // Only words in lowercase (or a capital first letter, as at the start of a name) inflect.
  if (last !== last.toLowerCase() && last.slice(1) !== last.slice(1).toLowerCase()) return [];
  const lowered = last.toLowerCase();
  return pluralsOfWord(lowered).map((p) => head + (last === lowered ? p : p[0].toUpperCase() + p.slice(1)));
}

/** Verb inflections of a one-word form ("relapse"); phrases and abbreviations have none. */
export function verbFormsOfForm(form: string): string[] {
  return LETTERS.test(form) ? verbFormsOf(form) : [];
}

/** "Hodgkin's lymphoma" as people type it without the apostrophe: "Hodgkins lymphoma". */
export function withoutApostrophe(form: string): string | null {
  const bare = form.replace(/['\u2019]s\b/g, 's');
  return bare === form ? null : bare;
}

/**
 * The form with its abbreviation spelt out letter by letter ("CT scan" → "C T scan"): folded,
 * the dots of "C.T. scan" and the spaces of "P E T" both become single spaces. Null when the
 * form is not an abbreviation, alone or before one word.
 */
export function spelledOut(form: string): string | null {
  // An abbreviation alone or before one word ("CT", "PET scan", "MRI results"): longer names
  // are not spelt out letter by letter in posts, and each spelling costs the matcher a key.
  const m = /^([A-Z]{2,5})((?:[\s-][a-z]+)?)$/.exec(form);
  return m ? m[1].split('').join(' ') + m[2] : null;
}
