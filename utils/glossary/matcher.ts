import { automatonBuilder, automatonFromTables, type AutomatonTables } from './automaton';
import { fold, foldForm, isWordChar, joinedKey, stripSeparators } from './fold';
import { ENGLISH_WORDS } from './english-words';
import { pluralsOf, singularOf, spelledOut, verbFormsOfForm, withoutApostrophe } from './forms';
import { FUZZY_MIN, fuzzyIndex, type FuzzyIndex } from './fuzzy';
import type { GlossaryEntry } from './schema';

/**
 * Finds glossary terms in plain text: whole words only, longest match first, forms folded
 * (case, accents, "R-CHOP" = "R CHOP" = "RCHOP"), and the entries' rules for abbreviations
 * that are also English words or have two senses.
 */
export interface Match {
  start: number;
  end: number;
  text: string;
  /** The entry meant; when the text cannot tell two senses apart, both. */
  ids: string[];
  id: string;
}

export interface Matcher {
  /**
   * `context` is the whole post the text stands in (the text itself by default): a capital
   * form that is also an English word ("ECHO", "PET", "CHOP") only counts in a post that
   * is about medicine, one where some other term stands on its own. `thread` is the thread's
   * title and category: their words count as the post's own for cues ("Myeloma" makes "MM"
   * safe in every post of a thread so titled). `asked`: the reader selected this text and asked
   * for it to be explained, so forms that wait for a cue or a medical post count at once.
   */
  match(text: string, context?: string, thread?: string, asked?: boolean): Match[];
  readonly keyCount: number;
  readonly nodeCount: number;
}

interface Sense {
  entry: number;
  /** The form as the glossary writes it, separators removed, for exact-case checks. */
  exact: string | null;
  cue: boolean;
  /** A capital form that is also an English word: counts only in a medical post. */
  guarded: boolean;
  /** An abbreviation spelt out ("C.T.", "P E T"): counts in capitals or with dots only. */
  spelled: boolean;
  /** A drug's shorthand that counts only inside a regimen ("Len" in "Dara/Len/Dex"). */
  regimen: boolean;
}

/**
 * An abbreviation in capitals that spells no English word ("ASCT", "GVHD"): typed in other
 * capitals ("Asct", "gvhd") it still counts, in a post about medicine.
 */
const softCase = (form: string) => /^[A-Z]{4,6}$/.test(form) && !ENGLISH_WORDS.has(form.toLowerCase());

const CUE = 1;
const GUARDED = 2;
/** The key is an everyday English word: it never makes a post medical, and shouted needs one. */
const EVERYDAY = 4;
const SPELLED = 8;
const REGIMEN = 16;
const SOFT_CASE = 32;

/**
 * The matcher as plain data: built once from the entries (in the background, for pages),
 * then used as it is by `matcherFrom`. Sense `s` of key `k` is `senseStart[k] <= s <
 * senseStart[k + 1]`.
 */
export interface CompiledMatcher {
  /** Entry ids, by entry index. */
  ids: string[];
  /** Each entry's cue words, folded and padded with spaces (" biopsy "). */
  cues: string[][];
  /** The exact spellings senses insist on, separators removed. */
  exact: string[];
  automaton: AutomatonTables;
  /** Each key's length in folded text. */
  keyLen: Uint16Array;
  senseStart: Uint32Array;
  senseEntry: Uint32Array;
  /** Index into `exact`, or -1 when any capitals match. */
  senseExact: Int32Array;
  /** CUE | GUARDED | EVERYDAY | SPELLED | REGIMEN | SOFT_CASE. */
  senseFlags: Uint8Array;
  /** Long one-word keys of one entry and no rules: a word one slip from one of them counts. */
  fuzzy: string[];
}

/**
 * Terms with an English word one slip away, found by checking every word of nine letters or
 * more in a few megabytes of English prose: "inflection" is not an infection.
 */
const NOT_SLIPS = /* @__PURE__ */ new Set(['infection', 'infections']);

/** Text as folded words between single spaces, so " cue " finds whole words. */
const wordsOf = (text: string) => ` ${fold(text).text.replace(/[^\p{L}\p{N}+]+/gu, ' ')} `;

/**
 * An abbreviation spelt out counts with dots ("C.T.", "m.r.i") or, three letters or more, in
 * capitals ("P E T"): "a c" in a sentence is two words.
 */
function spelledOk(span: string) {
  if (span.includes('.')) return true;
  const letters = span.split(/[\s\-/]+/).filter((t) => t.length === 1);
  return letters.length >= 3 && letters.every((t) => t !== t.toLowerCase());
}

/** The shorthand stands next to a "/" or "+" that joins it to another drug ("Len/Dex"). */
function inRegimen(text: string, start: number, end: number) {
  return /[/+]\s*$/.test(text.slice(Math.max(0, start - 3), start)) || /^\s*[/+]/.test(text.slice(end, end + 3));
}

function hasUpper(s: string) {
  return s !== s.toLowerCase();
}

/** Builds the matcher: for Node tools, tests and the background. */
export function createMatcher(entries: readonly GlossaryEntry[]): Matcher {
  return matcherFrom(compileMatcher(entries));
}

/** The matcher's data, from the glossary's entries (tens of milliseconds or more). */
export function compileMatcher(entries: readonly GlossaryEntry[]): CompiledMatcher {
  const keyIndex = new Map<string, number>();
  const keySenses: Sense[][] = [];
  const keyTexts: string[] = [];

  const sameSense = (a: Sense, b: Sense) =>
    a.entry === b.entry &&
    a.exact === b.exact &&
    a.cue === b.cue &&
    a.guarded === b.guarded &&
    a.spelled === b.spelled &&
    a.regimen === b.regimen;
  const addKey = (text: string, sense: Sense) => {
    let k = keyIndex.get(text);
    if (k === undefined) {
      k = keySenses.length;
      keyIndex.set(text, k);
      keySenses.push([]);
      keyTexts.push(text);
    }
    const list = keySenses[k];
    if (!list.some((s) => sameSense(s, sense))) list.push(sense);
  };

  // The forms the entries list, then the forms the rules make from them (plurals, verbs,
  // spelt-out abbreviations). A made form never takes a key another entry already has.
  const made: Array<{ text: string; sense: Sense }> = [];
  for (let ei = 0; ei < entries.length; ei++) {
    const entry = entries[ei];
    const rules = entry.rules ?? {};
    const exactSet = new Set(rules.exactCase ?? []);
    const cueSet = new Set(rules.needsCue ?? []);
    const regimenSet = new Set(rules.inRegimen ?? []);
    const add = (form: string, base: string, generated: boolean, spelled = false) => {
      const folded = foldForm(form);
      if (!folded) return;
      const joined = joinedKey(folded);
      const baseExact = exactSet.has(base) || (ENGLISH_WORDS.has(foldForm(base)) && hasUpper(base));
      const exact =
        baseExact || (generated && ENGLISH_WORDS.has(folded) && hasUpper(form)) ? stripSeparators(form) : null;
      const guarded = (ENGLISH_WORDS.has(folded) || ENGLISH_WORDS.has(foldForm(base))) && base === base.toUpperCase();
      const sense: Sense = { entry: ei, exact, cue: cueSet.has(base), guarded, spelled, regimen: regimenSet.has(base) };
      const put = (text: string, s: Sense) => (generated ? made.push({ text, sense: s }) : addKey(text, s));
      // A made form that is an everyday word ("cures", "pets") is never one in lowercase.
      if (generated && !exact && ENGLISH_WORDS.has(folded)) return;
      put(folded, sense);
      // People drop the hyphen ("RCHOP", "CART"): a joined spelling that is an English word
      // only counts in capitals.
      if (!spelled && /[-\u2010-\u2013]/.test(form) && joined !== folded) {
        const joinedExact = exact ?? (ENGLISH_WORDS.has(joined) || joined.length <= 4 ? stripSeparators(form) : null);
        put(joined, {
          ...sense,
          exact: joinedExact,
          guarded: ENGLISH_WORDS.has(joined) && form === form.toUpperCase(),
        });
      }
    };
    for (const form of [entry.term, ...entry.aliases, ...entry.variants]) {
      add(form, form, false);
      const bare = withoutApostrophe(form);
      const forms = bare ? [form, bare] : [form];
      for (const f of forms) {
        if (f !== form) add(f, form, true);
        for (const plural of pluralsOf(f)) add(plural, form, true);
        const singular = singularOf(f);
        if (singular) add(singular, form, true);
        if (rules.verb) for (const verbForm of verbFormsOfForm(f)) add(verbForm, form, true);
      }
      const spelt = spelledOut(form);
      if (spelt) {
        add(spelt, form, true, true);
        for (const plural of pluralsOf(spelt)) add(plural, form, true, true);
      }
    }
  }
  for (const { text, sense } of made) {
    const k = keyIndex.get(text);
    if (k !== undefined && keySenses[k].some((s) => s.entry !== sense.entry)) continue;
    addKey(text, sense);
  }

  const builder = automatonBuilder(keyTexts);
  builder.addKeys(Infinity);
  const automaton = builder.link(Infinity)!;

  const exact: string[] = [];
  const exactIndex = new Map<string, number>();
  const senseCount = keySenses.reduce((n, list) => n + list.length, 0);
  const senseStart = new Uint32Array(keySenses.length + 1);
  const senseEntry = new Uint32Array(senseCount);
  const senseExact = new Int32Array(senseCount);
  const senseFlags = new Uint8Array(senseCount);
  let s = 0;
  keySenses.forEach((list, k) => {
    senseStart[k] = s;
    for (const sense of list) {
      senseEntry[s] = sense.entry;
      if (sense.exact === null) senseExact[s] = -1;
      else {
        let i = exactIndex.get(sense.exact);
        if (i === undefined) exactIndex.set(sense.exact, (i = exact.push(sense.exact) - 1));
        senseExact[s] = i;
      }
      senseFlags[s] =
        (sense.cue ? CUE : 0) |
        (sense.guarded ? GUARDED : 0) |
        (ENGLISH_WORDS.has(keyTexts[k]) ? EVERYDAY : 0) |
        (sense.spelled ? SPELLED : 0) |
        (sense.regimen ? REGIMEN : 0) |
        (sense.exact !== null && softCase(sense.exact) && list.every((o) => o.entry === sense.entry) ? SOFT_CASE : 0);
      s++;
    }
  });
  senseStart[keySenses.length] = s;

  // Names as the glossary gives them (terms, other names, their plurals), not its listed
  // misspellings: one slip from a misspelling is two from the word ("revisions", "remisions").
  const named = new Set(
    entries.flatMap((e) =>
      [e.term, ...e.aliases]
        // Words, not names with capitals inside ("ALLTogether" is a trial, "altogether" a word).
        .filter((f) => f.slice(1) === f.slice(1).toLowerCase())
        .flatMap((f) => [f, ...pluralsOf(f)])
        .map(foldForm),
    ),
  );
  const fuzzy = keyTexts.filter(
    (t, k) =>
      named.has(t) &&
      !NOT_SLIPS.has(t) &&
      t.length >= FUZZY_MIN - 1 &&
      /^[a-z]+$/.test(t) &&
      keySenses[k].every((x) => x.entry === keySenses[k][0].entry && x.exact === null && !x.cue && !x.guarded),
  );

  return {
    ids: entries.map((e) => e.id),
    cues: entries.map((e) => (e.rules?.cues ?? []).map((c) => ` ${foldForm(c)} `)),
    exact,
    automaton,
    keyLen: Uint16Array.from(keyTexts, (t) => t.length),
    fuzzy,
    senseStart,
    senseEntry,
    senseExact,
    senseFlags,
  };
}

/** Distinct long words whose slip lookup is kept. */
const MAX_SLIP_WORDS = 10_000;

/** The matcher, from its data: no building, so cheap enough for any page. */
export function matcherFrom(c: CompiledMatcher): Matcher {
  const { ids, cues, exact, keyLen, senseStart, senseEntry, senseExact, senseFlags } = c;
  const automaton = automatonFromTables(c.automaton);
  const keyCount = keyLen.length;
  // A key with a sense that needs no guard, cue or capitals: its presence makes a post medical.
  // Found for the keys a page's posts hold, not for every key at start (a cold loop over
  // all of them cost a page some milliseconds). 0: not yet known, 1: no, 2: yes.
  const plainMemo = new Uint8Array(keyCount);
  const plain = (k: number) => {
    if (plainMemo[k] === 0) {
      plainMemo[k] = 1;
      for (let s = senseStart[k]; s < senseStart[k + 1]; s++)
        if (senseExact[s] < 0 && senseFlags[s] === 0) plainMemo[k] = 2;
    }
    return plainMemo[k] === 2;
  };

  /** Whole-word candidates for every key in `text`, by position. */
  const candidatesIn = (text: string) => {
    const folded = fold(text);
    const candidates: Array<{ start: number; end: number; key: number }> = [];
    automaton.scan(folded.text, (fe, k) => {
      const fs = fe - keyLen[k];
      const start = folded.map[fs];
      const end = folded.map[fe - 1] + 1;
      if (isWordChar(text[start - 1]) || isWordChar(text[end])) return;
      candidates.push({ start, end, key: k });
    });
    return candidates;
  };

  // Whether a post is about medicine: some term in it or in its thread's title or category
  // is no everyday word and needs no guard, cue or capitals.
  let lastContext: string | null = null;
  let lastMedical = false;
  const isMedical = (context: string, thread: string) => {
    const both = thread ? `${thread}\n${context}` : context;
    if (both !== lastContext) {
      lastContext = both;
      lastMedical = candidatesIn(both).some((cand) => plain(cand.key));
    }
    return lastMedical;
  };
  let lastWordsOf: string | null = null;
  let lastWords = '';
  const postWords = (context: string, thread: string) => {
    const both = thread ? `${thread}\n${context}` : context;
    if (both !== lastWordsOf) {
      lastWordsOf = both;
      lastWords = wordsOf(both);
    }
    return lastWords;
  };

  // Long words typed with one slip, where no term was found: built on first need.
  let slips: FuzzyIndex | null = null;
  /** The key a long word is one slip from, or -1. */
  const slipKey = (raw: string) => {
    const word = fold(raw).text;
    if (!/^[a-z]+$/.test(word)) return -1;
    const near = (slips ??= fuzzyIndex(c.fuzzy)).nearest(word);
    const key = near ? candidatesIn(near).find((k) => k.start === 0 && k.end === near.length) : undefined;
    return key ? key.key : -1;
  };
  // A thread's long words come again post after post ("treatment", "appointment"): each is
  // looked up once. Forgotten all at once when full, which a page seldom is.
  const slipKeys = new Map<string, number>();
  const longWord = new RegExp(`\\p{L}{${FUZZY_MIN},}`, 'gu');

  return {
    keyCount,
    nodeCount: automaton.nodeCount,
    match(text, context = text, thread = '', asked = false) {
      return withSlips(text, exactMatches(text, context, thread, asked));
    },
  };

  function exactMatches(text: string, context: string, thread: string, asked: boolean): Match[] {
    const candidates = candidatesIn(text);
    if (candidates.length === 0) return [];
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);

    // Cue words nearby, folded once per candidate that needs them.
    const windowOf = (start: number, end: number) =>
      wordsOf(text.slice(Math.max(0, start - 80), Math.min(text.length, end + 80)));

    const result: Match[] = [];
    let taken = 0;
    for (const cand of candidates) {
      if (cand.start < taken) continue;
      const span = text.slice(cand.start, cand.end);
      // An everyday word in capitals ("CURE", "ECHO") is as likely shouting as shorthand.
      const shouted = span === span.toUpperCase() && span !== span.toLowerCase();
      let window: string | null = null;
      const nearHits = (entry: number) => {
        window ??= windowOf(cand.start, cand.end);
        return cues[entry].reduce((n, cue) => n + (window!.includes(cue) ? 1 : 0), 0);
      };
      // Anywhere in the post, its thread's title or its category.
      const anyHits = (entry: number) => {
        const words = postWords(context, thread);
        return cues[entry].reduce((n, cue) => n + (words.includes(cue) ? 1 : 0), 0);
      };
      const cueHits = (entry: number) => nearHits(entry) || anyHits(entry);
      const allowed: number[] = [];
      for (let s = senseStart[cand.key]; s < senseStart[cand.key + 1]; s++) {
        const e = senseEntry[s];
        const flags = senseFlags[s];
        if (senseExact[s] >= 0 && stripSeparators(span) !== exact[senseExact[s]]) {
          if (!(flags & SOFT_CASE)) continue;
          if (!asked && cueHits(e) === 0 && !isMedical(context, thread)) continue;
        }
        if (flags & SPELLED && !spelledOk(span)) continue;
        if (asked) {
          allowed.push(e);
          continue;
        }
        // Shorthand with both rules ("dex") counts in a regimen or beside a cue word.
        const regimenOk = !(flags & REGIMEN) || inRegimen(text, cand.start, cand.end);
        if (flags & REGIMEN && flags & CUE) {
          if (!regimenOk && cueHits(e) === 0) continue;
        } else if (!regimenOk || (flags & CUE && cueHits(e) === 0)) continue;
        const needsMedical = flags & GUARDED || (flags & EVERYDAY && shouted && senseExact[s] < 0);
        if (needsMedical && cueHits(e) === 0 && !isMedical(context, thread)) continue;
        allowed.push(e);
      }
      const entryIds = [...new Set(allowed)];
      if (entryIds.length === 0) continue;
      let chosen = entryIds;
      if (entryIds.length > 1) {
        // Two senses: the one whose cue words are nearby (else anywhere in the post or its
        // thread); if neither or both, show both.
        let scores = entryIds.map(nearHits);
        if (Math.max(...scores) === 0) scores = entryIds.map(anyHits);
        const best = Math.max(...scores);
        const top = entryIds.filter((_, i) => scores[i] === best);
        chosen = best > 0 ? top : entryIds;
      }
      const matchIds = chosen.map((i) => ids[i]);
      result.push({ start: cand.start, end: cand.end, text: span, ids: matchIds, id: matchIds[0] });
      taken = cand.end;
    }
    return result;
  }

  function withSlips(text: string, found: Match[]): Match[] {
    if (c.fuzzy.length === 0) return found;
    let added = false;
    for (const m of text.matchAll(longWord)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      let key = slipKeys.get(m[0]);
      if (key === undefined) {
        if (slipKeys.size >= MAX_SLIP_WORDS) slipKeys.clear();
        key = slipKey(m[0]);
        slipKeys.set(m[0], key);
      }
      if (key < 0) continue;
      const id = ids[senseEntry[senseStart[key]]];
      found.push({ start, end, text: m[0], ids: [id], id });
      added = true;
    }
    return added ? found.sort((a, b) => a.start - b.start) : found;
  }
}
