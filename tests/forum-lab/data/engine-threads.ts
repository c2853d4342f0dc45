import { generateLongThread } from './long-thread';

/**
 * Threads for the engine demo forums (Flarum, NodeBB, Reddit...), as plain words: each
 * engine's lab renders them in its own markup. Ours, not any forum's.
 */
export interface EnginePost {
  /** Position in the thread, from 1. */
  n: number;
  username: string;
  time: string;
  paragraphs: string[];
  /** An earlier post quoted at the top of this one. */
  quote?: { username: string; n: number; text: string };
  /** A pasted block the engine shows as code (blood results copied from a patient portal). */
  code?: string;
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

/**
 * A support thread of `count` posts over several pages, from the seeded long thread (titled
 * apart for each engine, so saved threads tell them apart): some
 * posts quote an earlier one, and every twelfth carries a paste of blood results.
 */
export function longEngineThread(id: number, slug: string, title: string, count: number): EngineThread {
  const source = generateLongThread(id, count);
  const start = Date.parse(source.start);
  return {
    id,
    slug,
    title,
    posts: source.posts.map((p, i) => {
      const n = i + 1;
      // The seeded text opens a reply with "@name"; engines show the quote instead.
      const text = p.quote ? p.text.replace(/^@\S+\s*/, '') : p.text;
      return {
        n,
        username: p.username,
        time: new Date(start + i * 5 * HOUR).toISOString(),
        paragraphs: text.split(/\n\n+/),
        ...(p.quote ? { quote: { username: p.quote.username, n: p.quote.post_number, text: p.quote.text } } : {}),
        ...(n % 12 === 5 ? { code: PASTED_COUNTS } : {}),
      };
    }),
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
