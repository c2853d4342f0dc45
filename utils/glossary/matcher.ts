import { automatonBuilder, automatonFromTables, type AutomatonTables } from './automaton';
import { fold, foldForm, isWordChar, joinedKey, stripSeparators } from './fold';
import { ENGLISH_WORDS } from './english-words';
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
   * is about medicine, one where some other term stands on its own.
   */
  match(text: string, context?: string): Match[];
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
}

const CUE = 1;
const GUARDED = 2;
/** The key is an everyday English word: it never makes a post medical, and shouted needs one. */
const EVERYDAY = 4;

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
  /** CUE | GUARDED | EVERYDAY. */
  senseFlags: Uint8Array;
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

  const addKey = (text: string, sense: Sense) => {
    let k = keyIndex.get(text);
    if (k === undefined) {
      k = keySenses.length;
      keyIndex.set(text, k);
      keySenses.push([]);
      keyTexts.push(text);
    }
    const list = keySenses[k];
    if (
      !list.some(
        (s) => s.entry === sense.entry && s.exact === sense.exact && s.cue === sense.cue && s.guarded === sense.guarded,
      )
    )
      list.push(sense);
  };

  for (let ei = 0; ei < entries.length; ei++) {
    const entry = entries[ei];
    const rules = entry.rules ?? {};
    const exactSet = new Set(rules.exactCase ?? []);
    const cueSet = new Set(rules.needsCue ?? []);
    for (const form of [entry.term, ...entry.aliases, ...entry.variants]) {
      const folded = foldForm(form);
      if (!folded) continue;
      const joined = joinedKey(folded);
      const exact = exactSet.has(form) || (ENGLISH_WORDS.has(folded) && hasUpper(form)) ? stripSeparators(form) : null;
      const guarded = ENGLISH_WORDS.has(folded) && form === form.toUpperCase();
      addKey(folded, { entry: ei, exact, cue: cueSet.has(form), guarded });
      // People drop the hyphen ("RCHOP", "CART"): a joined spelling that is an English word
      // only counts in capitals.
      if (/[-\u2010-\u2013]/.test(form) && joined !== folded) {
        const joinedExact = exact ?? (ENGLISH_WORDS.has(joined) || joined.length <= 4 ? stripSeparators(form) : null);
        addKey(joined, {
          entry: ei,
          exact: joinedExact,
          cue: cueSet.has(form),
          guarded: ENGLISH_WORDS.has(joined) && form === form.toUpperCase(),
        });
      }
    }
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
        (sense.cue ? CUE : 0) | (sense.guarded ? GUARDED : 0) | (ENGLISH_WORDS.has(keyTexts[k]) ? EVERYDAY : 0);
      s++;
    }
  });
  senseStart[keySenses.length] = s;

  return {
    ids: entries.map((e) => e.id),
    cues: entries.map((e) => (e.rules?.cues ?? []).map((c) => ` ${foldForm(c)} `)),
    exact,
    automaton,
    keyLen: Uint16Array.from(keyTexts, (t) => t.length),
    senseStart,
    senseEntry,
    senseExact,
    senseFlags,
  };
}

/** The matcher, from its data: no building, so cheap enough for any page. */
export function matcherFrom(c: CompiledMatcher): Matcher {
  const { ids, cues, exact, keyLen, senseStart, senseEntry, senseExact, senseFlags } = c;
  const automaton = automatonFromTables(c.automaton);
  const keyCount = keyLen.length;
  // A key with a sense that needs no guard, cue or capitals: its presence makes a post medical.
  const plain = new Uint8Array(keyCount);
  for (let k = 0; k < keyCount; k++)
    for (let s = senseStart[k]; s < senseStart[k + 1]; s++) if (senseExact[s] < 0 && senseFlags[s] === 0) plain[k] = 1;

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

  // Whether a post is about medicine: some term in it is no everyday word and needs no
  // guard, cue or capitals.
  let lastContext: string | null = null;
  let lastMedical = false;
  const isMedical = (context: string) => {
    if (context !== lastContext) {
      lastContext = context;
      lastMedical = candidatesIn(context).some((cand) => plain[cand.key] === 1);
    }
    return lastMedical;
  };

  return {
    keyCount,
    nodeCount: automaton.nodeCount,
    match(text, context = text) {
      const candidates = candidatesIn(text);
      if (candidates.length === 0) return [];
      candidates.sort((a, b) => a.start - b.start || b.end - a.end);

      // Cue words nearby, folded once per candidate that needs them.
      const windowOf = (start: number, end: number) =>
        ` ${fold(text.slice(Math.max(0, start - 80), Math.min(text.length, end + 80))).text.replace(/[^\p{L}\p{N}+]+/gu, ' ')} `;

      const result: Match[] = [];
      let taken = 0;
      for (const cand of candidates) {
        if (cand.start < taken) continue;
        const span = text.slice(cand.start, cand.end);
        // An everyday word in capitals ("CURE", "ECHO") is as likely shouting as shorthand.
        const shouted = span === span.toUpperCase() && span !== span.toLowerCase();
        let window: string | null = null;
        const cueHits = (entry: number) => {
          window ??= windowOf(cand.start, cand.end);
          return cues[entry].reduce((n, cue) => n + (window!.includes(cue) ? 1 : 0), 0);
        };
        const allowed: number[] = [];
        for (let s = senseStart[cand.key]; s < senseStart[cand.key + 1]; s++) {
          const e = senseEntry[s];
          if (senseExact[s] >= 0 && stripSeparators(span) !== exact[senseExact[s]]) continue;
          if (senseFlags[s] & CUE && cueHits(e) === 0) continue;
          const needsMedical = senseFlags[s] & GUARDED || (senseFlags[s] & EVERYDAY && shouted && senseExact[s] < 0);
          if (needsMedical && cueHits(e) === 0 && !isMedical(context)) continue;
          allowed.push(e);
        }
        const entryIds = [...new Set(allowed)];
        if (entryIds.length === 0) continue;
        let chosen = entryIds;
        if (entryIds.length > 1) {
          // Two senses: the one whose cue words are nearby; if neither or both, show both.
          const scores = entryIds.map(cueHits);
          const best = Math.max(...scores);
          const top = entryIds.filter((_, i) => scores[i] === best);
          chosen = best > 0 ? top : entryIds;
        }
        const matchIds = chosen.map((i) => ids[i]);
        result.push({ start: cand.start, end: cand.end, text: span, ids: matchIds, id: matchIds[0] });
        taken = cand.end;
      }
      return result;
    },
  };
}
