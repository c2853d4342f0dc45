import type { EngineId } from '../forums/adapter';

/**
 * A thread the reader follows. The pair (origin, threadId) is the key: the same thread id
 * means different threads on different forums.
 */
export interface SavedThread {
  origin: string;
  threadId: string;
  url: string;
  title: string;
  engine: EngineId;
  /** Epoch ms. */
  savedAt: number;
  lastVisitedAt: number | null;
  /** Highest post number the reader has scrolled past; 0 when never read. */
  lastReadPostNumber: number;
  /** What the forum last told us: posts in the thread (deleted posts excluded). */
  postCount: number;
  /** What the forum last told us: highest post number (deleted posts leave gaps). */
  highestPostNumber: number;
  /** Epoch ms of the last post, when known. */
  lastActivityAt: number | null;
  note: string;
  /**
   * Posts above this number arrived after the reader saved the thread; with
   * `lastReadPostNumber` it says which replies are new. Set when saving.
   */
  baselinePostNumber: number;
  /** Deleted posts (gaps in the numbering) the reader has already seen; see `newReplies`. */
  deletedSeen: number;
  /** The new-reply checker's state for this thread. */
  check: ThreadCheckState;
  /** Posts on a full page of this thread, where the forum splits threads into pages. */
  perPage?: number;
}

export interface ThreadCheckState {
  /** Epoch ms of the last successful check; null before the first one. */
  checkedAt: number | null;
  /** Whether Discourse's /latest lists it (false for private categories the sweep misses). */
  seenInSweep: boolean | null;
  /** The forum says the thread is gone (404): the bookmark stays, and says so. */
  gone: boolean;
  /** Plain-English message of the last failure for this thread, if any. */
  lastError: string | null;
}

export const NEW_CHECK_STATE: ThreadCheckState = { checkedAt: null, seenInSweep: null, gone: false, lastError: null };

export type ThreadKey = [origin: string, threadId: string];

export const keyOf = (t: Pick<SavedThread, 'origin' | 'threadId'>): ThreadKey => [t.origin, t.threadId];

/** What a page knows about a thread: plain data, so it can cross from page to background. */
export interface ThreadSnapshot {
  engine: EngineId;
  origin: string;
  threadId: string;
  title: string;
  url: string;
  postCount: number;
  highestPostNumber: number;
  lastActivityAt: number | null;
  /** Highest post number the reader has scrolled past so far on this page. */
  readPostNumber: number;
  /** Posts on a full page, where the thread is split into pages. */
  perPage?: number;
}

/**
 * Replies that arrived since the reader saved the thread and that they have not scrolled
 * past. Post numbers count deleted posts too, so gaps that appeared since the reader last
 * caught up (highest − count, less those already seen) are taken off: never below zero.
 */
export function newReplies(
  t: Pick<SavedThread, 'highestPostNumber' | 'postCount' | 'lastReadPostNumber' | 'baselinePostNumber' | 'deletedSeen'>,
): number {
  const from = Math.max(t.baselinePostNumber, t.lastReadPostNumber);
  const deletedSince = Math.max(0, t.highestPostNumber - t.postCount - t.deletedSeen);
  return Math.max(0, t.highestPostNumber - from - deletedSince);
}

/** The first post the reader has not seen, or null when there is none. */
export function firstNewPostNumber(
  t: Pick<SavedThread, 'highestPostNumber' | 'lastReadPostNumber' | 'baselinePostNumber'>,
): number | null {
  const from = Math.max(t.baselinePostNumber, t.lastReadPostNumber);
  return t.highestPostNumber > from ? from + 1 : null;
}
