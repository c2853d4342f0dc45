import { automatonBuilder, type Automaton } from './automaton';
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

interface Key {
  senses: Sense[];
}

function hasUpper(s: string) {
  return s !== s.toLowerCase();
}

/** Builds the matcher synchronously: for Node tools and tests. */
export function createMatcher(entries: readonly GlossaryEntry[]): Matcher {
  const steps = matcherSteps(entries);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Builds the matcher in steps of a few milliseconds each, giving the page back between
 * them, so loading the glossary never makes a long task on a forum page.
 */
export async function createMatcherInSlices(
  entries: readonly GlossaryEntry[],
  pause: () => Promise<void>,
  budgetMs = 8,
): Promise<Matcher> {
  const steps = matcherSteps(entries);
  for (;;) {
    const start = performance.now();
    let r = steps.next();
    while (!r.done && performance.now() - start < budgetMs) r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

function* matcherSteps(entries: readonly GlossaryEntry[]): Generator<void, Matcher, void> {
  const keyIndex = new Map<string, number>();
  const keys: Key[] = [];
  const keyTexts: string[] = [];
  const cues = entries.map((e) => (e.rules?.cues ?? []).map((c) => ` ${foldForm(c)} `));

  const addKey = (text: string, sense: Sense) => {
    let k = keyIndex.get(text);
    if (k === undefined) {
      k = keys.length;
      keyIndex.set(text, k);
      keys.push({ senses: [] });
      keyTexts.push(text);
    }
    const list = keys[k].senses;
    if (
      !list.some(
        (s) => s.entry === sense.entry && s.exact === sense.exact && s.cue === sense.cue && s.guarded === sense.guarded,
      )
    )
      list.push(sense);
  };

  for (let ei = 0; ei < entries.length; ei++) {
    if (ei % 50 === 49) yield;
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
  while (!builder.addKeys(300)) yield;
  let automaton: Automaton | null;
  while (!(automaton = builder.link(2000))) yield;

  /** Whole-word candidates for every key in `text`, by position. */
  const candidatesIn = (text: string) => {
    const folded = fold(text);
    const candidates: Array<{ start: number; end: number; key: number }> = [];
    automaton.scan(folded.text, (fe, k) => {
      const fs = fe - keyTexts[k].length;
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
      lastMedical = candidatesIn(context).some(
        (c) =>
          !ENGLISH_WORDS.has(keyTexts[c.key]) &&
          keys[c.key].senses.some((s) => s.exact === null && !s.cue && !s.guarded),
      );
    }
    return lastMedical;
  };

  return {
    keyCount: keyTexts.length,
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
      for (const c of candidates) {
        if (c.start < taken) continue;
        const span = text.slice(c.start, c.end);
        // An everyday word in capitals ("CURE", "ECHO") is as likely shouting as shorthand.
        const shouted =
          span === span.toUpperCase() && span !== span.toLowerCase() && ENGLISH_WORDS.has(keyTexts[c.key]);
        let window: string | null = null;
        const cueHits = (entry: number) => {
          window ??= windowOf(c.start, c.end);
          return cues[entry].reduce((n, cue) => n + (window!.includes(cue) ? 1 : 0), 0);
        };
        const allowed = keys[c.key].senses.filter(
          (s) =>
            (s.exact === null || stripSeparators(span) === s.exact) &&
            (!s.cue || cueHits(s.entry) > 0) &&
            (!(s.guarded || (shouted && s.exact === null)) || cueHits(s.entry) > 0 || isMedical(context)),
        );
        const entryIds = [...new Set(allowed.map((s) => s.entry))];
        if (entryIds.length === 0) continue;
        let chosen = entryIds;
        if (entryIds.length > 1) {
          // Two senses: the one whose cue words are nearby; if neither or both, show both.
          const scores = entryIds.map(cueHits);
          const best = Math.max(...scores);
          const top = entryIds.filter((_, i) => scores[i] === best);
          chosen = best > 0 ? top : entryIds;
        }
        const ids = chosen.map((i) => entries[i].id);
        result.push({ start: c.start, end: c.end, text: span, ids, id: ids[0] });
        taken = c.end;
      }
      return result;
    },
  };
}
