import type { FetchError } from '../forums/http-errors';
import type { ForumState } from '../db/forum-state';
import { forumReason } from './outcome';

/** Politeness towards one forum: its Retry-After exactly, otherwise exponential backoff. */
export const MIN_GAP_MS = 1000;
const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 6 * 60 * 60 * 1000;

/**
 * Delay before retrying after `failures` failures in a row: 1 min, 2, 4 … capped at 6 h,
 * with "equal jitter" (between half and all of it) so many browsers do not retry in step.
 */
export function backoffMs(failures: number, random: () => number, baseMs = BACKOFF_BASE_MS): number {
  const full = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(full / 2 + (full / 2) * random());
}

/** The forum's state after a failed request. Nothing else (no count) changes. */
export function afterFailure(state: ForumState, error: FetchError, now: number, random: () => number): ForumState {
  const failures = state.failures + 1;
  const wait = error.kind === 'rate-limited' ? error.retryAfterSeconds * 1000 : backoffMs(failures, random);
  return {
    ...state,
    failures,
    nextAttemptAt: now + wait,
    lastError: forumReason(error),
    lastErrorKind: error.kind,
  };
}

/**
 * The forum's state after a check that went through: its backoff is over (a Check now that
 * succeeded left the timed checks, summaries and first pages waiting for hours), but not a
 * Retry-After, which the forum asked for itself.
 */
export function afterSuccess(state: ForumState): ForumState {
  const asked = state.lastErrorKind === 'rate-limited';
  return {
    ...state,
    failures: 0,
    nextAttemptAt: asked ? state.nextAttemptAt : 0,
    lastError: null,
    lastErrorKind: null,
  };
}
