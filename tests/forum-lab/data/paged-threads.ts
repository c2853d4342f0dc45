import { generateLongThread } from './long-thread';

/**
 * Threads long enough to span several pages, for the demo forums of engines that split a
 * thread into pages. Each engine's templates draw the same data their own way. Besides the
 * posters' own words, posts carry what those templates wrap in furniture: a quote of an
 * earlier post, a code box (someone pasting their blood results) and a signature.
 */
export interface PagedPost {
  /** 1-based position in the thread. */
  number: number;
  /** The engine's post id: not the number, and not consecutive (other topics post too). */
  id: number;
  author: string;
  /** ISO 8601. */
  time: string;
  /** The poster's own words, a paragraph each: what a summary should read, and nothing else. */
  paragraphs: string[];
  quote?: { author: string; postNumber: number; postId: number; text: string };
  code?: string;
  signature?: string;
}

export interface PagedThread {
  id: number;
  slug: string;
  title: string;
  posts: PagedPost[];
}

/** Pasted from a hospital app into a code box: numbers a glossary must leave alone. */
export const PASTED_RESULTS = 'Hb    118 g/L\nPLT    96 x10^9/L\nNEUT  1.4 x10^9/L\nCRP    4 mg/L';
/** Said in the poster's own words in every post that pastes results, so every page has it. */
export const RESULTS_INTRO = 'My platelets are creeping up, these are the numbers from the hospital app:';

/** Members whose posts end with a signature; the words in them are nobody's reply. */
export const SIGNATURES: Readonly<Record<string, string>> = {
  Maggie_T: 'Maggie. DLBCL stage 2, six cycles of R-CHOP, clear PET scan June 2024.',
  Tom_H: 'Tom, carer for my wife (AML, transplant 2023). One day at a time.',
  Mark_Volunteer: 'Mark, forum volunteer. Not medical advice: if you are unwell, ring your 24 hour line.',
};

const HOUR = 3_600_000;

/** A thread of `count` posts from the long-thread generator, with ids, times and furniture. */
export function pagedThread(o: {
  id: number;
  slug: string;
  title: string;
  count: number;
  seed: number;
  firstPostId: number;
  start: string;
}): PagedThread {
  const source = generateLongThread(o.id, o.count, o.seed).posts;
  const idOf = (n: number) => o.firstPostId + (n - 1) * 3 + (n % 2);
  const start = Date.parse(o.start);
  const posts = source.map((p, i): PagedPost => {
    const number = i + 1;
    const paragraphs = p.text.split(/\n\n+/);
    const pastes = number % 5 === 2;
    if (pastes) paragraphs.push(RESULTS_INTRO);
    return {
      number,
      id: idOf(number),
      author: p.username,
      time: new Date(start + i * 7 * HOUR + (i % 3) * 1_260_000).toISOString(),
      paragraphs,
      ...(p.quote
        ? {
            quote: {
              author: p.quote.username,
              postNumber: p.quote.post_number,
              postId: idOf(p.quote.post_number),
              text: p.quote.text,
            },
          }
        : {}),
      ...(pastes ? { code: PASTED_RESULTS } : {}),
      ...(SIGNATURES[p.username] ? { signature: SIGNATURES[p.username] } : {}),
    };
  });
  return { id: o.id, slug: o.slug, title: o.title, posts };
}

/** A forum's member ids, handed out in the order names are first met: `first`, then every `step`. */
export function memberIds(first: number, step: number): (name: string) => number {
  const ids = new Map<string, number>();
  return (name) => {
    if (!ids.has(name)) ids.set(name, first + ids.size * step);
    return ids.get(name)!;
  };
}

/** The posts on page `k` (from 1) when a full page holds `perPage`. */
export const postsOnPage = (t: PagedThread, k: number, perPage: number) =>
  t.posts.slice((k - 1) * perPage, k * perPage);

export const pageCount = (t: PagedThread, perPage: number) => Math.max(1, Math.ceil(t.posts.length / perPage));

/** The thread and page (from 1) that hold the post with id `id`; null when no thread has it. */
export function pageWithPost<T extends PagedThread>(threads: readonly T[], id: string, perPage: number) {
  for (const thread of threads) {
    const i = thread.posts.findIndex((post) => String(post.id) === id);
    if (i >= 0) return { thread, page: Math.floor(i / perPage) + 1 };
  }
  return null;
}
