/**
 * Sentences with Intl.Segmenter, then two fixes it needs for forum English: it splits
 * after abbreviations ("Dr. Patel", "e.g. fatigue", "approx. 3") and it keeps no
 * sentence boundary at a line break, which forum posts use as one.
 */
const ABBREVIATIONS =
  /(?:\b(?:dr|mr|mrs|ms|prof|st|approx|appt|vs|etc|no|nos|dept|wk|wks|hr|hrs|mins?|tel|e\.g|i\.e|c\.f|a\.m|p\.m)\.)\s*$/i;

const segmenter = new Intl.Segmenter('en-GB', { granularity: 'sentence' });

export interface Sentence {
  text: string;
  /** Offset in the input text. */
  start: number;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const block of blocks(text)) {
    let pending: Sentence | null = null;
    for (const seg of segmenter.segment(block.text)) {
      const piece = seg.segment;
      if (pending && ABBREVIATIONS.test(pending.text)) {
        pending = { text: pending.text + piece, start: pending.start };
        continue;
      }
      if (pending) out.push(pending);
      pending = { text: piece, start: block.start + seg.index };
    }
    if (pending) out.push(pending);
  }
  return out
    .map((s) => {
      const lead = s.text.length - s.text.trimStart().length;
      return { text: s.text.trim(), start: s.start + lead };
    })
    .filter((s) => /[\p{L}\p{N}]/u.test(s.text));
}

/** Lines and paragraphs end sentences too ("Hi Sara" on its own line is one). */
function blocks(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}
