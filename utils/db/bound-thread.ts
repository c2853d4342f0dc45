import { MAX_POST_NUMBER } from '../forums/limits';
import { withoutBidiControls } from '../words';
import type { SavedThread } from './saved-thread';

/**
 * The bounds of what is stored about a thread, in a module of its own: the popup and the
 * content script's writes use them without the schemas and the engines' readers that
 * checking an import takes (thread-bounds.ts).
 */

/** Clocks differ a little; more than this ahead is not a real time. */
export const CLOCK_SKEW_MS = 24 * 3_600_000;
/** Before any forum Threadside reads existed. */
export const EARLIEST = Date.UTC(2000, 0, 1);

export const MAX_TITLE = 500;
export const MAX_NOTE = 5000;

/** A time a forum or a clock gave that is a real time, not before 2000 nor ahead of now. */
export const isPastTime = (x: number | null | undefined, now: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= EARLIEST && x <= now + CLOCK_SKEW_MS;

/**
 * A thread as it may be stored, whatever a forum answered (a count of 1.2e20, a last post
 * in 2999, more posts than its highest number): within the bounds an import accepts, so a
 * backup always restores (one thread out of bounds refuses the whole file).
 */
export function boundThread(t: SavedThread, now: number): SavedThread {
  const count = (x: number) => (Number.isFinite(x) ? Math.min(MAX_POST_NUMBER, Math.max(0, Math.floor(x))) : 0);
  const time = (x: number | null) => (isPastTime(x, now) ? x : null);
  const postCount = count(t.postCount);
  const highest = Math.max(count(t.highestPostNumber), postCount);
  return {
    ...t,
    title: withoutBidiControls(t.title).slice(0, MAX_TITLE),
    note: t.note.slice(0, MAX_NOTE),
    savedAt: time(t.savedAt) ?? now,
    lastVisitedAt: time(t.lastVisitedAt),
    lastActivityAt: time(t.lastActivityAt),
    postCount,
    highestPostNumber: highest,
    lastReadPostNumber: Math.min(count(t.lastReadPostNumber), highest),
    baselinePostNumber: Math.min(count(t.baselinePostNumber), highest),
    deletedSeen: Math.min(count(t.deletedSeen), highest),
  };
}
