import type { ForumState } from '../db/forum-state';
import type { SavedThread } from '../db/saved-thread';

/**
 * Which requests one check makes to one forum: a pure function of the stored threads, the
 * forum's state and the clock, so it is tested without a network.
 *
 * Discourse: one sweep of /latest.json (newest activity first, page by page, back to the
 * previous sweep) covers every saved topic it lists; only topics the sweep cannot see
 * (private messages, unlisted topics) and topics never checked yet get their own
 * /t/{id}.json.
 */
export interface ForumPlan {
  origin: string;
  /** Set when the forum asked us to wait (Retry-After, backoff): no request at all. */
  waitUntil: number | null;
  /** Sweep /latest.json back to this time (epoch ms); null: no sweep. */
  sweepSince: number | null;
  /** Topics fetched one by one, after the sweep. */
  topicFetches: string[];
  /** Threads of engines without a sweep: one request each (their JSON, or their page). */
  pageFetches: string[];
  /** Every saved topic of the forum is among `topicFetches`: done, the forum's `lastDirectAt`. */
  directAll?: boolean;
}

/** How often every saved topic is asked about directly, whatever the sweeps say. */
export const DIRECT_EVERY_MS = 24 * 60 * 60 * 1000;

const MAX_SWEEP_PAGES = 10;

/**
 * `readerAsked`: the reader pressed Check now, which asks a forum still in its backoff wait
 * after a failure. A Retry-After the forum sent is obeyed all the same.
 */
export function planForum(
  origin: string,
  threads: readonly SavedThread[],
  forum: ForumState,
  now: number,
  readerAsked = false,
): ForumPlan {
  const here = threads.filter((t) => t.origin === origin && !t.check.gone);
  const mine = here.filter((t) => t.engine === 'discourse');
  const pageFetches = here.filter((t) => t.engine !== 'discourse').map((t) => t.threadId);
  if (now < forum.nextAttemptAt && (!readerAsked || forum.lastErrorKind === 'rate-limited'))
    return { origin, waitUntil: forum.nextAttemptAt, sweepSince: null, topicFetches: [], pageFetches: [] };
  // A sweep is worth it once some topics rely on it, and it needs a previous sweep to stop at.
  const relyOnSweep = mine.some((t) => t.check.checkedAt !== null && t.check.seenInSweep === true);
  // Once a day every saved topic is asked about too: what the sweep cannot see is not quiet.
  const directAll = mine.length > 0 && (!relyOnSweep || now - (forum.lastDirectAt ?? 0) >= DIRECT_EVERY_MS);
  const topicFetches = mine
    .filter((t) => directAll || t.check.checkedAt === null || t.check.seenInSweep === false)
    .map((t) => t.threadId);
  const sweepSince = relyOnSweep ? (forum.lastSweepAt ?? Math.min(...mine.map((t) => t.check.checkedAt ?? now))) : null;
  return { origin, waitUntil: null, sweepSince, topicFetches, pageFetches, directAll };
}

/** Forums with saved threads, each once. */
export function forumsOf(threads: readonly SavedThread[]): string[] {
  return [...new Set(threads.map((t) => t.origin))];
}

/**
 * After a page of /latest: `next` while its oldest topic is still newer than the last sweep,
 * `complete` once the sweep has reached topics older than that (or the list's end), `cut`
 * when it stopped at the page limit short of them (topics not seen were not quiet, only
 * not reached). A pinned topic heads the list whatever its age: it says nothing of where the
 * list has got to.
 */
export function sweepStep(
  page: {
    topics: Array<{
      bumped_at?: string | null;
      last_posted_at?: string | null;
      pinned?: boolean | null;
      pinned_globally?: boolean | null;
    }>;
    more_topics_url?: string | null;
  },
  since: number,
  pagesDone: number,
): 'next' | 'complete' | 'cut' {
  if (!page.more_topics_url || page.topics.length === 0) return 'complete';
  const dated = page.topics.filter((t) => !t.pinned && !t.pinned_globally);
  const oldest = Math.min(...dated.map((t) => Date.parse(t.bumped_at ?? t.last_posted_at ?? '') || 0));
  if (dated.length > 0 && oldest < since) return 'complete';
  return pagesDone >= MAX_SWEEP_PAGES ? 'cut' : 'next';
}
