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
}

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
}

/** Replies the reader has not read yet, as far as the stored counts know. */
export function newReplies(t: Pick<SavedThread, 'highestPostNumber' | 'lastReadPostNumber'>): number {
  return t.lastReadPostNumber > 0 ? Math.max(0, t.highestPostNumber - t.lastReadPostNumber) : 0;
}
