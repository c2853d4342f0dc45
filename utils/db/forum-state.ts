/** What the new-reply checker remembers about one forum (one host). */
export interface ForumState {
  origin: string;
  /** Epoch ms when the last complete /latest sweep started; null before the first. */
  lastSweepAt: number | null;
  /** Consecutive failures, for exponential backoff; 0 after a success. */
  failures: number;
  /** Epoch ms before which no request may go to this forum (Retry-After, backoff). */
  nextAttemptAt: number;
  /** Plain-English message of the last failure, shown quietly in the popup. */
  lastError: string | null;
  lastErrorKind: string | null;
  /**
   * Epoch ms when every saved topic was last asked about one by one (Discourse): a sweep
   * sees only what the forum's /latest shows the reader, which leaves out a category they
   * muted, or a private one once their sign-in has lapsed. Absent in records from before.
   */
  lastDirectAt?: number | null;
}

export const newForumState = (origin: string): ForumState => ({
  origin,
  lastSweepAt: null,
  failures: 0,
  nextAttemptAt: 0,
  lastError: null,
  lastErrorKind: null,
});
