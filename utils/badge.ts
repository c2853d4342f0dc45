import { newReplies, type SavedThread } from './db/saved-thread';

/** The toolbar badge: total new replies over all saved threads, "99+" past 99, empty at 0. */
export function badgeText(threads: readonly SavedThread[]): string {
  const total = threads.reduce((n, t) => n + newReplies(t), 0);
  return total === 0 ? '' : total > 99 ? '99+' : String(total);
}

/** Threads that gained new replies in a check: one notification each, at most. */
export function threadsWithMoreReplies(before: readonly SavedThread[], after: readonly SavedThread[]): SavedThread[] {
  const was = new Map(before.map((t) => [`${t.origin} ${t.threadId}`, newReplies(t)]));
  return after.filter((t) => newReplies(t) > (was.get(`${t.origin} ${t.threadId}`) ?? 0));
}
