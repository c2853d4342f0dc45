import { z } from '../zod';
import { ENGINES } from '../forums/adapter';
import { isThreadAddress } from '../forums/registry';
import type { SavedThread, ThreadSnapshot } from './saved-thread';
import { MAX_PER_PAGE, MAX_POST_NUMBER } from '../forums/limits';
import { withoutBidiControls } from '../words';

/**
 * Bounds on every number, date and address Threadside stores about a thread, whoever says
 * it: a forum page, an imported file. A count beyond any forum's, or a date far in the
 * future, would freeze a thread (until the forum's next answer replaces it).
 */

/** Clocks differ a little; more than this ahead is not a real time. */
const CLOCK_SKEW_MS = 24 * 3_600_000;
/** Before any forum Threadside reads existed. */
const EARLIEST = Date.UTC(2000, 0, 1);

const MAX_TITLE = 500;
const MAX_NOTE = 5000;

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

export const postNumber = z.number().int().nonnegative().max(MAX_POST_NUMBER);
export const pastTime = (now: number) =>
  z
    .number()
    .int()
    .min(EARLIEST, 'is before 2000')
    .max(now + CLOCK_SKEW_MS, 'is in the future');
export const perPage = z.number().int().min(1).max(MAX_PER_PAGE);
export const threadTitle = z.string().max(MAX_TITLE).transform(withoutBidiControls);
export const threadId = z.string().min(1).max(100);
export const engine = z.enum(ENGINES);

/** A page's report of the thread it shows, checked in the background before anything is stored. */
export function checkSnapshot(
  snapshot: unknown,
  pageOrigin: string,
  now: number,
): { ok: true; snapshot: ThreadSnapshot } | { ok: false; message: string } {
  const parsed = z
    .object({
      engine,
      origin: z.literal(pageOrigin),
      threadId,
      title: threadTitle,
      url: z.string().max(2000),
      postCount: postNumber,
      highestPostNumber: postNumber,
      lastActivityAt: pastTime(now).nullable(),
      readPostNumber: postNumber,
      perPage: perPage.optional(),
    })
    .strict()
    .refine((s) => isThreadAddress(s.engine, s.origin, s.threadId, s.url), {
      message: 'the address is not this thread on this forum',
      path: ['url'],
    })
    .refine((s) => s.readPostNumber <= s.highestPostNumber, {
      message: 'read past the last post',
      path: ['readPostNumber'],
    })
    .safeParse(snapshot);
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `The page's report was refused (${issue.path.join('.')}: ${issue.message}).` };
}
