import type { GlossaryEntry } from '../glossary/schema';
import type { Matcher } from '../glossary/matcher';
import { asksOutright, findQuestion } from './question';
import { isSafetyAdvice, speaksOfCrisis } from './safety';
import { clip, clipWithRest, splitSentences } from './sentences';
import { featuresOf, likeness, SAME_ADVICE, SAME_POINT, type Features } from './similarity';
import { findSupport, type MemberLink, type SupportItem } from './support';
import { contentWords, isChatter, isFirstHand, straight } from './text';
import { cosine, textRank, tfidfVectors } from './textrank';

/**
 * An extractive summary of a thread, on the device: the question, safety advice (always
 * kept), the key points (replies ranked by how they answer the question, then TextRank,
 * then MMR without repeats), what is mentioned (from the glossary) and where to get
 * support. Pure: data in, data out; the UI renders it.
 */
export interface ThreadPost {
  post_number: number;
  username: string;
  like_count: number;
  text: string;
  /** The forum marks the poster as its staff. */
  staff?: boolean;
}

export interface ThreadInput {
  title: string;
  posts: ThreadPost[];
  /** The thread's length when only part of it was read (a very long thread). */
  postsInThread?: number;
}

export interface KeyPoint {
  text: string;
  author: string;
  postNumber: number;
  /** The hedge the claim came with in the same post ("but it's still 50-50 for anyone"). */
  caveat?: string;
}

export interface Mention {
  id: string;
  term: string;
  category: string;
  /** How many posts mention it. */
  posts: number;
}

export interface Summary {
  title: string;
  postCount: number;
  /** Posts in the whole thread, when more than were read. */
  postsInThread?: number;
  question: { text: string; author: string; postNumber: number; subject?: string } | null;
  /** Urgent or safety advice given in the thread: always shown, whatever else is cut. */
  safety: KeyPoint[];
  keyPoints: KeyPoint[];
  /** Posts that speak of suicide or self-harm: the panel shows where to get help first. */
  crisisPosts: number[];
  mentioned: Mention[];
  /** Helplines and sites of trusted organisations, and what the forum's staff gave. */
  support: SupportItem[];
  /** Other links members posted, apart from support, address shown. */
  memberLinks: MemberLink[];
}

export interface SummariseOptions {
  matcher: Matcher;
  entries: Map<string, GlossaryEntry>;
  /** Summarise only posts after this one ("since your last visit"); the question still comes from post 1. */
  after?: number;
}

/** Categories worth listing under "Mentioned": the medical ones, not care services or shorthand. */
const MENTION_CATEGORIES = new Set([
  'disease',
  'regimen',
  'treatment',
  'drug',
  'drug_class',
  'transplant',
  'test_scan',
  'lab_test',
  'blood_count',
  'side_effect',
  'response_status',
  'line_device',
  'genetic_marker',
  'staging_prognosis',
  'symptom',
]);

/** Results and what happened: what readers of a treatment thread look for first. */
const OUTCOME =
  /\b(showed|shown|gone|clear|cleared|remission|worked|working|halved|shrunk|shrank|disappeared|results?|responded|response|cured|destroyed|no sign|complete|partial|stable|better|improved|recovered|back to normal)\b/i;
/** Said to the asker: what to do, ask or expect (not sympathy: "sorry you're…" is kind, not advice). */
const ADVICE =
  /\b(you('ll| will| should| can| could| may| might| need| must|'re looking at| are looking at|'d| would| get| have to)|your (team|consultant|nurse|cns|doctor|gp|haematologist|oncologist|hospital|ward|pharmacist)|ask (your|the|them|about|for|if|whether)|make sure|worth (asking|trying|it|a)|try\b|i'd|i would|don't|do not|recommend|suggest|keep a|remember to)/i;
/** A number, a rate or an outcome: a claim a reader may lean on. */
const CLAIM =
  /(\d\s*(%|per ?cent|out of|in \d)|\b\d+(\.\d+)?\s*(months?|weeks?|years?|cycles?|doses?)\b|\b(per ?cent|rate|chance|odds|survival|remission|worked|works|cured|success(ful)?|response|responded|clear|gone|halved|shrunk|normal|effective)\b)/i;
/** What keeps a claim honest. */
const HEDGE =
  /\b(but|however|although|though|still|different|no guarantee|guarantees?|not for everyone|50[-\s/]50|fifty[- ]fifty|each (person|case)|depends|varies|vary|may not|might not|can'?t promise|individual(ly)?|not always|averages?|statistics|stats|just (numbers|a number)|every(one|body)('s| is) different|any one person|for you individually)\b/i;
const STRONG_HEDGE =
  /\b(no guarantee|not for everyone|50[-\s/]50|fifty[- ]fifty|every(one|body)('s| is) different|individual(ly)?|can'?t promise|statistics|just (numbers|a number)|averages?)\b/i;

/** How many candidates go into the (quadratic) sentence graph; the rest are cut in linear time. */
const GRAPH_SIZE = 160;
const KEY_POINT_WORDS = 40;
/** A one-sided run of points from one post reads as that post, not the thread. */
const PER_POST = 2;
/** The opening poster's own follow-ups: their story is the question, not the answer. */
const FROM_ASKER = 1;
/** Enough for every different piece of advice a long thread gives; a spammed thread stops here. */
const SAFETY_MAX = 12;

interface Candidate {
  text: string;
  author: string;
  postNumber: number;
  /** The (last) sentence's place in its post, for the caveat beside it. */
  sentence: number;
  /** The hedge in the words a clipped point lost. */
  cutHedge?: string;
  words: string[];
  prior: number;
  index: number;
  asker: boolean;
  /** The sentences it is made of: the same point may hide in either. */
  parts: string[];
}

function questionOf(input: ThreadInput): Summary['question'] {
  const first = input.posts.find((p) => p.post_number === 1) ?? input.posts[0];
  if (!first) return null;
  const q = findQuestion(first.text, input.title);
  return q && { ...q, author: first.username, postNumber: first.post_number };
}

function contextOf(text: string, at: number): string {
  const sentence = splitSentences(text).find((s, i, all) => s.start <= at && (all[i + 1]?.start ?? Infinity) > at);
  const from = sentence?.start ?? 0;
  const to = sentence ? sentence.start + sentence.text.length : text.length;
  if (to - from <= 140) return text.slice(from, to);
  // A long sentence: the words just before and after, cut at word boundaries.
  const start = Math.max(from, text.lastIndexOf(' ', Math.max(from, at - 70)) + 1);
  const endSpace = text.indexOf(' ', Math.min(to, at + 60));
  const end = endSpace < 0 || endSpace > to ? to : endSpace;
  return `${start > from ? '…' : ''}${text.slice(start, end)}${end < to ? '…' : ''}`;
}

/** The hedge a claim came with: the sentence next to it, or a plain one elsewhere in the post. */
function caveatOf(point: string, sentences: string[], at: number): string | undefined {
  if (!CLAIM.test(point) || HEDGE.test(straight(point))) return undefined;
  // Safety advice has its own section: it is not a hedge.
  const plain = (s: string) => !isChatter(s) && !isSafetyAdvice(s);
  for (const i of [at + 1, at - 1]) {
    const s = sentences[i];
    if (s && HEDGE.test(straight(s)) && plain(s)) return clip(s, 30);
  }
  const far = sentences.find((s, i) => i !== at && STRONG_HEDGE.test(straight(s)) && plain(s));
  return far && clip(far, 30);
}

const cleanOpening = (text: string) => text.replace(/^(hi|hello|hey)\b[^,.!?]{0,20}[,.!]\s*/i, '');

export function summarise(input: ThreadInput, opts: SummariseOptions): Summary {
  const op = input.posts.find((p) => p.post_number === 1)?.username ?? input.posts[0]?.username;
  const posts = input.posts.filter((p) => p.post_number > (opts.after ?? 0));
  const question = questionOf(input);
  const crisisPosts = posts.filter((p) => speaksOfCrisis(p.text)).map((p) => p.post_number);
  const crisis = new Set(crisisPosts);

  // Sentences worth considering, each with a prior weight; safety advice goes apart.
  const candidates: Candidate[] = [];
  const safetyFound: KeyPoint[] = [];
  const seenText = new Set<string>();
  const safetyOf = new Map<string, boolean>();
  const isSafety = (text: string) => {
    let v = safetyOf.get(text);
    if (v === undefined) safetyOf.set(text, (v = isSafetyAdvice(text)));
    return v;
  };
  for (const p of posts) {
    if (p.post_number === 1 && !opts.after) continue; // the opening post is "the question"
    const sentences = splitSentences(p.text);
    // Never mined for points, only for safety advice: the panel points to help instead.
    const inCrisis = crisis.has(p.post_number);
    const asker = p.username === op;
    let skipNext = false;
    sentences.forEach((s, i) => {
      if (skipNext) {
        skipNext = false;
        return;
      }
      if (isSafety(s.text)) {
        safetyFound.push({
          text: clip(cleanOpening(s.text), KEY_POINT_WORDS),
          author: p.username,
          postNumber: p.post_number,
        });
        return;
      }
      if (inCrisis) return;
      let text = s.text;
      const words = contentWords(text);
      if (isChatter(text) || words.length < 3) return;
      const parts = [s.text];
      let last = i;
      // A short statement reads better with the sentence that follows it.
      const next = sentences[i + 1]?.text;
      if (words.length < 7 && next && !isChatter(next) && !isSafety(next)) {
        text = `${text} ${next}`;
        parts.push(next);
        last = i + 1;
        skipNext = true;
      } else if (words.length < 4) return;
      const clipped = clipWithRest(cleanOpening(text), KEY_POINT_WORDS);
      text = clipped.kept;
      // A claim whose hedge was in the words cut off keeps the hedge.
      const cutHedge = clipped.rest && HEDGE.test(straight(clipped.rest)) ? clip(clipped.rest, 30) : undefined;
      // The same sentence copied or quoted in several posts: its first.
      const key = text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      if (seenText.has(key)) return;
      seenText.add(key);
      const others = !asker;
      const prior =
        (1 +
          0.4 * Math.log1p(p.like_count) +
          (ADVICE.test(straight(text)) ? 0.7 : 0) +
          (others && OUTCOME.test(text) ? (isFirstHand(text) ? 0.9 : 0.5) : 0) +
          (others && isFirstHand(text) ? 0.3 : 0)) *
        // Someone else's question is rarely the point a reader needs.
        (text.endsWith('?') || asksOutright(text) ? 0.5 : 1) *
        (asker && p.post_number > 1 ? 0.5 : 1);
      candidates.push({
        text,
        author: p.username,
        postNumber: p.post_number,
        sentence: last,
        cutHedge,
        words: parts.length > 1 || clipped.rest ? contentWords(text) : words,
        prior,
        index: candidates.length,
        asker,
        parts,
      });
    });
  }

  // Safety advice: every different piece of it, in thread order.
  const safety: KeyPoint[] = [];
  const safetyFeatures: Features[] = [];
  for (const s of safetyFound) {
    const f = featuresOf(s.text);
    if (safetyFeatures.some((g) => likeness(f, g) >= SAME_ADVICE)) continue;
    safety.push(s);
    safetyFeatures.push(f);
    if (safety.length === SAFETY_MAX) break;
  }

  let keyPoints: KeyPoint[] = [];
  if (candidates.length) {
    // The question and title as one more document: closeness to it is closeness to the ask.
    const asked = contentWords(`${input.title} ${question?.text ?? ''}`);
    const vectors = tfidfVectors([...candidates.map((c) => c.words), asked]);
    const askedVector = vectors.pop()!;
    for (const [i, c] of candidates.entries()) c.prior *= 1 + 2 * cosine(vectors[i], askedVector);
    // Linear pre-cut: closeness to the thread's centre of gravity, times the prior.
    const centroid = new Map<string, number>();
    for (const v of vectors) for (const [w, x] of v) centroid.set(w, (centroid.get(w) ?? 0) + x);
    const pre = candidates.map((c, i) => ({ c, v: vectors[i], score: (0.2 + cosine(vectors[i], centroid)) * c.prior }));
    pre.sort((a, b) => b.score - a.score);
    const graph = pre.slice(0, GRAPH_SIZE);
    const rank = textRank(
      graph.map((g) => g.v),
      graph.map((g) => g.c.prior),
    );
    const maxRank = Math.max(...rank);
    const scored = graph.map((g, i) => ({
      ...g,
      f: g.c.parts.map(featuresOf),
      rank: (rank[i] / maxRank) * g.c.prior,
    }));
    const alike = (a: Features[], b: Features[]) => Math.max(...a.flatMap((x) => b.map((y) => likeness(x, y))));
    const maxScore = Math.max(...scored.map((s) => s.rank));

    // MMR: the best remaining, minus its likeness to what is already chosen; the same point
    // in other words is not taken twice.
    const want = Math.max(3, Math.min(7, Math.round(Math.sqrt(candidates.length))));
    const chosen: typeof scored = [];
    const perPost = new Map<number, number>();
    let fromAsker = 0;
    const pool = scored.filter((s) => alike(safetyFeatures, s.f) < SAME_POINT);
    // Each candidate's likeness to what is chosen, kept up to date as points are chosen.
    const redundancy = new Map(pool.map((s) => [s, 0]));
    while (chosen.length < want && pool.length) {
      let best = -1;
      let bestValue = -Infinity;
      pool.forEach((s, i) => {
        if ((perPost.get(s.c.postNumber) ?? 0) >= PER_POST || (s.c.asker && fromAsker >= FROM_ASKER)) return;
        const r = redundancy.get(s)!;
        if (r >= SAME_POINT) return;
        const value = 0.7 * (s.rank / maxScore) - 0.3 * r;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      });
      if (best < 0) break;
      const picked = pool.splice(best, 1)[0];
      chosen.push(picked);
      for (const s of pool) redundancy.set(s, Math.max(redundancy.get(s)!, alike(s.f, picked.f)));
      perPost.set(picked.c.postNumber, (perPost.get(picked.c.postNumber) ?? 0) + 1);
      if (picked.c.asker) fromAsker++;
    }
    const textOf = new Map(posts.map((p) => [p.post_number, p.text]));
    const hedged = new Set<string>();
    keyPoints = chosen
      .sort((a, b) => a.c.postNumber - b.c.postNumber || a.c.index - b.c.index)
      .map((s) => {
        let caveat =
          s.c.cutHedge ??
          caveatOf(
            s.c.text,
            splitSentences(textOf.get(s.c.postNumber) ?? '').map((x) => x.text),
            s.c.sentence,
          );
        // One hedge said once, with the first of its post's claims.
        if (caveat && hedged.has(caveat)) caveat = undefined;
        if (caveat) hedged.add(caveat);
        return { text: s.c.text, author: s.c.author, postNumber: s.c.postNumber, ...(caveat ? { caveat } : {}) };
      });
  }

  // Mentioned: posts per glossary entry; the title's words count as cues ("MM" in a thread
  // titled "Myeloma").
  const perEntry = new Map<string, Set<number>>();
  for (const p of posts)
    for (const m of opts.matcher.match(p.text, p.text, input.title))
      for (const id of m.ids) {
        const set = perEntry.get(id) ?? new Set<number>();
        set.add(p.post_number);
        perEntry.set(id, set);
      }
  const mentioned = [...perEntry]
    .map(([id, set]) => ({ entry: opts.entries.get(id), posts: set.size, first: Math.min(...set) }))
    // Words everyone knows ("chemo", "scan") would head the list in every thread.
    .filter((m) => m.entry && MENTION_CATEGORIES.has(m.entry.category) && m.entry.tier !== 'common')
    .sort((a, b) => b.posts - a.posts || a.first - b.first)
    .map((m) => ({ id: m.entry!.id, term: m.entry!.term, category: m.entry!.category, posts: m.posts }));

  return {
    title: input.title,
    postCount: posts.length,
    ...(input.postsInThread && input.postsInThread > input.posts.length ? { postsInThread: input.postsInThread } : {}),
    question,
    safety,
    keyPoints,
    crisisPosts,
    mentioned,
    ...findSupport(posts, contextOf),
  };
}
