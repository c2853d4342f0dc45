import { z } from '../zod';
import { ENGINES } from '../forums/adapter';
import { isThreadAddress } from '../forums/registry';
import type { ThreadSnapshot } from './saved-thread';
import { CLOCK_SKEW_MS, EARLIEST, MAX_TITLE } from './bound-thread';
import { MAX_PER_PAGE, MAX_POST_NUMBER } from '../forums/limits';
import { withoutBidiControls } from '../words';

/**
 * Bounds on every number, date and address Threadside stores about a thread, whoever says
 * it: a forum page, an imported file. A count beyond any forum's, or a date far in the
 * future, would freeze a thread (until the forum's next answer replaces it).
 */

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

/**
 * What a page may report that is odd without being wrong about which thread it is: a title
 * longer than any kept (cut, with an ellipsis), a last post before 2000 or in the future (not
 * known). Refused, the reader could never save the thread, however often they tried.
 */
function softened(snapshot: unknown, now: number): unknown {
  if (snapshot === null || typeof snapshot !== 'object') return snapshot;
  const s = { ...(snapshot as Record<string, unknown>) };
  // Not through the middle of a character written with two code units (an emoji).
  if (typeof s.title === 'string' && s.title.length > MAX_TITLE)
    s.title = `${s.title.slice(0, MAX_TITLE - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
  const at = s.lastActivityAt;
  if (typeof at === 'number' && (at < EARLIEST || at > now + CLOCK_SKEW_MS)) s.lastActivityAt = null;
  return s;
}

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
    .safeParse(softened(snapshot, now));
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `The page's report was refused (${issue.path.join('.')}: ${issue.message}).` };
}
