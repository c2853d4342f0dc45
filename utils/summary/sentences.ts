/**
 * Sentences with Intl.Segmenter, then the fixes it needs for forum English: it splits after
 * abbreviations ("Dr. Patel", "e.g. fatigue", "vit. C"), it keeps no sentence boundary at a
 * line break, which forum posts use as one, and it finds none where a writer ran two
 * sentences together ("this month.A stool sample").
 */
const ABBREVIATIONS =
  /(?:\b(?:dr|mr|mrs|ms|prof|st|approx|appt|vs|etc|dept|wk|wks|hr|hrs|mins?|tel|vit|vits|tabs?|incl|info|e\.g|i\.e|c\.f|a\.m|p\.m)\.)\s*$/i;
/** "no. of cycles", "no. 3": an abbreviation only before a number or "of" ("I said no. Then…" ends). */
const NUMBER_ABBREVIATIONS = /\b(?:no|nos)\.\s*$/i;
const NUMBER_NEXT = /^\s*(?:\d|of\b)/i;
/** A full stop, ! or ? with a capitalised word straight after: a boundary the writer left no space at. */
const RUN_TOGETHER = /([\p{Ll}\p{N})]{2}[.!?])(?=\p{Lu}(\p{Ll}|\s))/gu;

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
      if (
        pending &&
        (ABBREVIATIONS.test(pending.text) || (NUMBER_ABBREVIATIONS.test(pending.text) && NUMBER_NEXT.test(piece)))
      ) {
        pending = { text: pending.text + piece, start: pending.start };
        continue;
      }
      if (pending) out.push(pending);
      pending = { text: piece, start: block.start + seg.index };
    }
    if (pending) out.push(pending);
  }
  return out
    .flatMap(splitRunTogether)
    .map((s) => {
      const lead = s.text.length - s.text.trimStart().length;
      return { text: s.text.trim(), start: s.start + lead };
    })
    .filter((s) => /[\p{L}\p{N}]/u.test(s.text));
}

function splitRunTogether(s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (const m of s.text.matchAll(RUN_TOGETHER)) {
    const cut = m.index + m[1].length;
    // "e.g.Fatigue" is one sentence still.
    if (ABBREVIATIONS.test(s.text.slice(0, cut))) continue;
    out.push({ text: s.text.slice(from, cut), start: s.start + from });
    from = cut;
  }
  out.push({ text: s.text.slice(from), start: s.start + from });
  return out;
}

/** Lines and paragraphs end sentences too ("Hi Sara" on its own line is one). */
function blocks(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}

/** Words in a sentence, as a reader counts them. */
export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * At most `maxWords` words: a longer sentence is cut at the last clause boundary (a comma,
 * semicolon, colon, dash or "but"/"and"/"so") before the limit, or at the limit, with an
 * ellipsis.
 */
export function clip(text: string, maxWords = 40): string {
  return clipWithRest(text, maxWords).kept;
}

/** As `clip`, with what was cut off (empty when nothing was). */
export function clipWithRest(text: string, maxWords = 40): { kept: string; rest: string } {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return { kept: text, rest: '' };
  const head = words.slice(0, maxWords);
  let cut = -1;
  for (let i = head.length - 1; i >= Math.floor(maxWords / 2); i--) {
    if (/[,;:]$/.test(head[i]) || head[i] === '-' || head[i] === '–' || head[i] === '—') {
      cut = i + 1;
      break;
    }
    if (/^(but|and|so|because|although|though|which|while)$/i.test(head[i])) {
      cut = i;
      break;
    }
  }
  const at = cut > 0 ? cut : maxWords;
  const kept = head.slice(0, at).join(' ');
  return { kept: `${kept.replace(/[\s,;:–—-]+$/, '')}…`, rest: words.slice(at).join(' ') };
}

/**
 * At most `maxChars` characters, cut at a sentence or clause boundary when one is in the
 * second half, else at a word, with an ellipsis.
 */
export function clipChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars);
  const floor = Math.floor(maxChars / 2);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sentenceEnd >= floor) return `${head.slice(0, sentenceEnd + 1)} …`;
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(': '));
  if (clause >= floor) return `${head.slice(0, clause)}…`;
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > floor ? space : maxChars)}…`;
}
