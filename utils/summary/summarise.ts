import type { GlossaryEntry } from '../glossary/schema';
import type { Matcher } from '../glossary/matcher';
import { splitSentences } from './sentences';
import { findSupport, type MemberLink, type SupportItem } from './support';
import { contentWords, isChatter, isFirstHand } from './text';
import { cosine, textRank, tfidfVectors } from './textrank';

/**
 * An extractive summary of a thread, on the device: the question, the key points (chosen
 * by TextRank, de-duplicated with MMR), what is mentioned (from the glossary) and where to
 * get support. Pure: data in, data out; the UI renders it.
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
  question: { text: string; author: string; postNumber: number } | null;
  keyPoints: KeyPoint[];
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
  /\b(showed|shown|gone|clear|cleared|remission|worked|halved|shrunk|shrank|disappeared|results?|responded|cured|destroyed|no sign)\b/i;

/** How many candidates go into the (quadratic) sentence graph; the rest are cut in linear time. */
const GRAPH_SIZE = 160;

interface Candidate {
  text: string;
  author: string;
  postNumber: number;
  words: string[];
  prior: number;
  index: number;
}

function questionOf(input: ThreadInput): Summary['question'] {
  const first = input.posts.find((p) => p.post_number === 1) ?? input.posts[0];
  if (!first) return null;
  const sentences = splitSentences(first.text).map((s) => s.text);
  const asks = sentences.filter((s) => s.endsWith('?') && contentWords(s).length >= 1);
  const picked = (asks.length ? asks.slice(0, 4) : sentences.slice(0, 2)).join(' ');
  return { text: picked, author: first.username, postNumber: first.post_number };
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

export function summarise(input: ThreadInput, opts: SummariseOptions): Summary {
  const op = input.posts.find((p) => p.post_number === 1)?.username ?? input.posts[0]?.username;
  const posts = input.posts.filter((p) => p.post_number > (opts.after ?? 0));

  // Sentences worth considering, each with a prior weight.
  const candidates: Candidate[] = [];
  for (const p of posts) {
    if (p.post_number === 1 && !opts.after) continue; // the opening post is "the question"
    const sentences = splitSentences(p.text);
    let skipNext = false;
    sentences.forEach((s, i) => {
      if (skipNext) {
        skipNext = false;
        return;
      }
      let text = s.text;
      const words = contentWords(text);
      if (isChatter(text) || words.length < 3) return;
      // A short statement reads better with the sentence that follows it.
      if (words.length < 7 && sentences[i + 1] && !isChatter(sentences[i + 1].text)) {
        text = `${text} ${sentences[i + 1].text}`;
        skipNext = true;
      }
      text = text.replace(/^(hi|hello|hey)\b[^,.!?]{0,20}[,.!]\s*/i, '');
      const prior =
        (1 +
          0.6 * Math.log1p(p.like_count) +
          (p.username === op && p.post_number > 1 ? 0.5 : 0) +
          (isFirstHand(text) ? 1 : 0) +
          (OUTCOME.test(text) ? 0.8 : 0)) *
        // Someone else's question is rarely the point a reader needs.
        (text.endsWith('?') ? 0.5 : 1);
      candidates.push({
        text,
        author: p.username,
        postNumber: p.post_number,
        words: contentWords(text),
        prior,
        index: candidates.length,
      });
    });
  }

  let keyPoints: KeyPoint[] = [];
  if (candidates.length) {
    const vectors = tfidfVectors(candidates.map((c) => c.words));
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
    const scored = graph.map((g, i) => ({ ...g, rank: (rank[i] / maxRank) * g.c.prior }));
    const maxScore = Math.max(...scored.map((s) => s.rank));

    // MMR: the best remaining, minus its likeness to what is already chosen.
    const want = Math.max(3, Math.min(7, Math.round(Math.sqrt(candidates.length))));
    const chosen: typeof scored = [];
    const pool = scored.slice();
    while (chosen.length < want && pool.length) {
      let best = 0;
      let bestValue = -Infinity;
      pool.forEach((s, i) => {
        const redundancy = chosen.reduce(
          (m, c) => Math.max(m, cosine(s.v, c.v) + (c.c.postNumber === s.c.postNumber ? 0.3 : 0)),
          0,
        );
        const value = 0.7 * (s.rank / maxScore) - 0.3 * redundancy;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      });
      chosen.push(pool.splice(best, 1)[0]);
    }
    keyPoints = chosen
      .sort((a, b) => a.c.postNumber - b.c.postNumber || a.c.index - b.c.index)
      .map((s) => ({ text: s.c.text, author: s.c.author, postNumber: s.c.postNumber }));
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
    question: questionOf(input),
    keyPoints,
    mentioned,
    ...findSupport(posts, contextOf),
  };
}
