import { generateLongThread } from '../data/long-thread';
import type { DemoThread } from './engine-lab';

/**
 * A long support thread as plain data, for the demo forums of engines that split threads into
 * pages. Each engine renders it with its own markup. The words are ours: the seeded generator
 * in `data/long-thread.ts`, plus one post with a code box (a reader's blood-count log) and a
 * signature for some members, so every engine shows its furniture.
 */
export interface DemoPost {
  /** 1-based position in the thread. */
  n: number;
  username: string;
  /** ISO time. */
  time: string;
  paragraphs: string[];
  quote?: { username: string; n: number; text: string };
  code?: string;
  signature?: string;
}

export interface DemoThreadData {
  title: string;
  posts: DemoPost[];
}

const SIGNATURES: Record<string, string> = {
  Maggie_T: 'DLBCL stage 3, R-CHOP x6, in remission since the autumn',
  Ray_L: 'Husband of a myeloma warrior. One day at a time.',
  Helen_W: 'CLL, watch and wait since 2019',
};

/** The blood-count log one member pastes into a code box (XenForo's [CODE], Khoros' code sample). */
export const COUNT_LOG = 'Date    Hb   Plt  Neut\n03 Mar  98   61   0.9\n10 Mar  104  88   1.6';

export function demoThread(count: number, seed = 2024): DemoThreadData {
  const source = generateLongThread(0, count, seed);
  const start = Date.parse(source.start);
  return {
    title: source.title,
    posts: source.posts.map((p, i) => ({
      n: i + 1,
      username: p.username,
      time: new Date(start + i * 5 * 3600_000).toISOString(),
      // The generator's "@name" replies are Discourse's habit; other engines quote instead.
      paragraphs: p.text
        .replace(/^@\S+\s*/, '')
        .split('\n\n')
        .filter(Boolean),
      ...(p.quote ? { quote: { username: p.quote.username, n: p.quote.post_number, text: p.quote.text } } : {}),
      ...(i + 1 === 23 ? { code: COUNT_LOG } : {}),
      ...(SIGNATURES[p.username] ? { signature: SIGNATURES[p.username] } : {}),
    })),
  };
}

/**
 * The e2e description of a thread split into full pages of `perPage` posts, on an engine whose
 * pages all state the thread's total.
 */
export function pagedDemo(d: {
  thread: Pick<DemoThreadData, 'title' | 'posts'>;
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
