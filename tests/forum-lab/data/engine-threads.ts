import type { DemoThread } from '../engines/engine-lab';
import { generateLongThread } from './long-thread';

/**
 * Threads for the engine demo forums (Flarum, NodeBB, XenForo, Khoros...), as plain words:
 * each engine's lab renders them in its own markup. Ours, not any forum's.
 */
export interface EnginePost {
  /** Position in the thread, from 1. */
  n: number;
  username: string;
  /** ISO time. */
  time: string;
  paragraphs: string[];
  /** An earlier post quoted at the top of this one. */
  quote?: { username: string; n: number; text: string };
  /** A pasted block the engine shows as code (blood results copied from a patient portal). */
  code?: string;
  signature?: string;
}

export interface EngineThread {
  id: number;
  slug: string;
  title: string;
  posts: EnginePost[];
}

const HOUR = 3_600_000;

/** A paste of blood results: forums show it as code, so the glossary must leave it alone. */
export const PASTED_COUNTS = 'WBC   3.1  (4.0-11.0)\nHb    102  (130-170)\nPLT    88  (150-400)\nNeutrophils 0.9';

/** The blood-count log one member pastes into a code box (XenForo's [CODE], Khoros' code sample). */
const COUNT_LOG = 'Date    Hb   Plt  Neut\n03 Mar  98   61   0.9\n10 Mar  104  88   1.6';

const SIGNATURES: Record<string, string> = {
  Maggie_T: 'DLBCL stage 3, R-CHOP x6, in remission since the autumn',
  Ray_L: 'Husband of a myeloma warrior. One day at a time.',
  Helen_W: 'CLL, watch and wait since 2019',
};

/**
 * The seeded long thread's title and posts, five hours apart. A reply that quotes shows the
 * quote instead of the generator's "@name" opening (a Discourse habit); `mentions: 'drop'`
 * takes that "@name" off the other replies too, for engines whose members quote rather
 * than mention.
 */
function seededPosts(count: number, seed: number, mentions: 'keep' | 'drop') {
  const source = generateLongThread(0, count, seed);
  const start = Date.parse(source.start);
  const posts = source.posts.map((p, i): EnginePost => ({
    n: i + 1,
    username: p.username,
    time: new Date(start + i * 5 * HOUR).toISOString(),
    paragraphs: (p.quote || mentions === 'drop' ? p.text.replace(/^@\S+\s*/, '') : p.text).split(/\n\n+/),
    ...(p.quote ? { quote: { username: p.quote.username, n: p.quote.post_number, text: p.quote.text } } : {}),
  }));
  return { title: source.title, posts };
}

/**
 * A support thread of `count` posts over several pages, from the seeded long thread (titled
 * apart for each engine, so saved threads tell them apart): some posts quote an earlier one,
 * and every twelfth carries a paste of blood results. Flarum's and NodeBB's demos.
 */
export function longEngineThread(id: number, slug: string, title: string, count: number): EngineThread {
  const { posts } = seededPosts(count, 2024, 'keep');
  return {
    id,
    slug,
    title,
    posts: posts.map((p) => (p.n % 12 === 5 ? { ...p, code: PASTED_COUNTS } : p)),
  };
}

/**
 * The seeded long thread with the furniture of engines that split threads into pages: one
 * post with a code box (a reader's blood-count log) and a signature for some members.
 * XenForo's and Khoros' demos.
 */
export function demoThread(count: number, seed = 2024): Pick<EngineThread, 'title' | 'posts'> {
  const { title, posts } = seededPosts(count, seed, 'drop');
  return {
    title,
    posts: posts.map((p) => ({
      ...p,
      ...(p.n === 23 ? { code: COUNT_LOG } : {}),
      ...(SIGNATURES[p.username] ? { signature: SIGNATURES[p.username] } : {}),
    })),
  };
}

/** A short thread written out by hand: a question and its replies. */
export function shortEngineThread(
  id: number,
  slug: string,
  title: string,
  start: string,
  posts: Array<[username: string, text: string]>,
): EngineThread {
  const t0 = Date.parse(start);
  return {
    id,
    slug,
    title,
    posts: posts.map(([username, text], i) => ({
      n: i + 1,
      username,
      time: new Date(t0 + i * 2 * HOUR).toISOString(),
      paragraphs: [text],
    })),
  };
}

/**
 * The e2e description of a thread split into full pages of `perPage` posts, on an engine whose
 * pages all state the thread's total.
 */
export function pagedDemo(d: {
  thread: Pick<EngineThread, 'title' | 'posts'>;
  perPage: number;
  pagePath: (k: number) => string;
  postSelector: (n: number) => string;
  term: string;
}): DemoThread {
  const total = d.thread.posts.length;
  return {
    title: d.thread.title,
    pages: Math.ceil(total / d.perPage),
    pagePath: d.pagePath,
    pageOf: (n) => Math.ceil(n / d.perPage),
    barCount: () => `${total} posts`,
    postSelector: d.postSelector,
    term: d.term,
  };
}
