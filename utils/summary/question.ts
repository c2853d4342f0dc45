import { clipChars, splitSentences } from './sentences';
import { contentWords, isChatter, straight } from './text';

/**
 * The opening post's ask. People ask without a question mark ("any advice welcome", "can
 * anyone help me understand…") after a long story, so the ask is found by its wording; the
 * story before it is left for the reader to open.
 */
/** Asking outright: a question mark, or "can anyone…", "any advice", "I'd like to know…". */
const ASKS = [
  /\?\s*$/,
  /\b(can|could|would|does|do|has|have|did|will|is|are)\s+(any ?one|anybody|someone|somebody|others|people|you)\b/i,
  /\bwhether\s+(any ?one|anybody|someone|others|people)\b/i,
  /\bany\s+(advice|tips|thoughts|ideas|experiences?|help|info|information|suggestions|words|pointers|recommendations)\b/i,
  /\b(help me|helping me)\s+(understand|make sense|work out|decide)\b/i,
  /\bwhat\s+(does|do|did|is|are)\b.{1,60}\bmean\b/i,
  /\b(i|we)\s*('d|would)?\s*(really |so |just |also )?(want|wanted|love|like|need)\s+to\s+(know|hear|understand|ask|find out)\b/i,
  /\b(i|we)\s*('d|would)\s+(really |so |just )?(appreciate|be (so |very |really )?(grateful|glad|thankful))\b/i,
  /\b(wondering|wonder)\s+(if|whether|what|how|why|when)\b/i,
  /\bwould (really |so )?(like|love) to (hear|know)\b/i,
];
/** Asking in passing: used when nothing asks outright. */
const MAYBE_ASKS = [
  /\b(not sure|unsure)\s+(what|whether|if|how|which)\b/i,
  /\b(should|shall)\s+(i|we)\b/i,
  /\bhow\s+(do|did|long|can|should|will|does|much|often)\b/i,
  /\bis\s+(it|this|that)\s+(normal|usual|common|worth)\b/i,
  /\b(which|what)\s+(is|was|would be)\s+(better|best|worse)\b/i,
  /\bwhat\s+(to expect|should i|can i|do i|happens)\b/i,
];
/** An ask and nothing more: the sentence beside it holds the question. */
const GENERIC =
  /^(so |and |but )?any (advice|experiences?|tips|thoughts|help|info|information|suggestions|words)\b[^.!?]{0,40}[.!?]*$/i;
const MAX_CHARS = 200;

export interface Question {
  text: string;
  /** The thread's title, when the ask does not name what it is about ("which is better?"). */
  subject?: string;
}

const matches = (patterns: RegExp[]) => (s: string) => patterns.some((re) => re.test(straight(s)));

/** Someone asking outright ("would like to hear from others…"): in a reply, not an answer. */
export const asksOutright = matches(ASKS);

export function findQuestion(postText: string, title: string): Question | null {
  const sentences = splitSentences(postText).map((s) => s.text);
  if (sentences.length === 0) return null;
  // An ask may be short ("What helped you get through it?"); a fallback line must say more than a name.
  const worded = (s: string, least = 1) => contentWords(s).length >= least && !isChatter(s);
  // The asks with the most in them: "which is better if you still want to go to the gym"
  // says more than "any experiences welcome".
  const weight = (s: string) =>
    Math.min(contentWords(s).length, 12) + (matches(ASKS)(s) ? 6 : 0) - (GENERIC.test(straight(s)) ? 6 : 0);
  const ranked = sentences
    .map((s, i) => ({ s, i, w: weight(s) }))
    .filter((x) => (matches(ASKS)(x.s) || matches(MAYBE_ASKS)(x.s)) && worded(x.s))
    .sort((a, b) => b.w - a.w);
  // The weightiest asks that fit, in the writer's order.
  const fitting: typeof ranked = [];
  let length = 0;
  for (const x of ranked.slice(0, 3))
    if (fitting.length === 0 || length + x.s.length + 1 <= MAX_CHARS) {
      fitting.push(x);
      length += x.s.length + 1;
    }
  const asking = fitting.sort((a, b) => a.i - b.i).map((x) => x.s);
  // With no ask in its words, the post's last lines usually say what the writer wants
  // (not its sign-off: "Bev").
  const picked = asking.length ? asking : sentences.filter((s) => worded(s, 2)).slice(-1);
  let text = '';
  for (const s of picked) {
    const next = text ? `${text} ${s}` : s;
    if (text && next.length > MAX_CHARS) break;
    text = next;
  }
  text = clipChars(text, MAX_CHARS);
  const named = new Set(contentWords(text));
  const subjectNamed = contentWords(title).some((w) => named.has(w));
  return subjectNamed || !title.trim() ? { text } : { text, subject: title.trim() };
}
