import { withoutBidiControls } from '../words';
import type { SavedThread } from '../db/saved-thread';
import { boundThread, isPastTime } from '../db/bound-thread';

/** What the forum says about a topic, from /t/{id}.json or a /latest.json entry. */
export interface TopicCounts {
  posts_count: number;
  highest_post_number: number;
  last_posted_at?: string | null;
  bumped_at?: string | null;
  title?: string;
}

/**
 * The forum's counts into the stored thread. The forum's answer is the truth: what a page
 * reported or a file said before (a read position past the last post, a count far too high)
 * gives way to it, so a thread can never be left unable to show new replies.
 */
export function applyCounts(t: SavedThread, c: TopicCounts, now: number, seenInSweep: boolean | null): SavedThread {
  const last = Date.parse(c.last_posted_at ?? c.bumped_at ?? '');
  const highest = c.highest_post_number;
  const gaps = Math.max(0, highest - c.posts_count);
  // No post since, and the reader had read them all: a post gone now was one they had read,
  // not a reply that never came (counted as one, it hid the next real reply).
  const caughtUp = Math.max(t.baselinePostNumber, t.lastReadPostNumber) >= t.highestPostNumber;
  // Kept within what an import accepts: a forum's answer is a stranger's too.
  return boundThread(
    {
      ...t,
      title: withoutBidiControls(c.title?.trim() ?? '') || t.title,
      postCount: c.posts_count,
      highestPostNumber: highest,
      lastReadPostNumber: Math.min(t.lastReadPostNumber, highest),
      baselinePostNumber: Math.min(t.baselinePostNumber, highest),
      deletedSeen: caughtUp && highest <= t.highestPostNumber ? gaps : Math.min(t.deletedSeen, gaps),
      // A last post in the future is no time at all: what was known stands.
      lastActivityAt: isPastTime(last, now) ? Math.max(t.lastActivityAt ?? 0, last) : t.lastActivityAt,
      check: { checkedAt: now, seenInSweep: seenInSweep ?? t.check.seenInSweep, gone: false, lastError: null },
    },
    now,
  );
}

/** The forum says 404: keep the bookmark and its counts, and say so. */
export function markGone(t: SavedThread, message: string, now: number): SavedThread {
  return { ...t, check: { ...t.check, checkedAt: now, gone: true, lastError: message } };
}

/**
 * This thread could not be read (moved, or its page did not state a count), while the forum
 * answered: said on the thread, which keeps its counts; the forum's other threads go on.
 */
export function markUnreadable(t: SavedThread, message: string, now: number): SavedThread {
  return { ...t, check: { ...t.check, checkedAt: now, lastError: message } };
}

/** The sweep listed the forum's activity back to its start and this topic was not in it. */
export function markSweptQuiet(t: SavedThread, now: number): SavedThread {
  return { ...t, check: { ...t.check, checkedAt: now, lastError: null } };
}
