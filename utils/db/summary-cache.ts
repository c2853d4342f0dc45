import { SUMMARY_FORMAT, type CachedSummary, type ThreadsideDb } from './database';

/**
 * Summaries are kept so reopening is instant, but not without end: at most MAX_ENTRIES and
 * about MAX_BYTES, the oldest going first, and a thread's summary goes a week after the
 * reader stops following it. The options page empties the cache on request.
 */
export const MAX_ENTRIES = 200;
export const MAX_BYTES = 20 * 1024 * 1024;
export const UNSAVED_KEPT_MS = 7 * 86_400_000;

export async function putSummary(db: ThreadsideDb, entry: CachedSummary): Promise<void> {
  const bytes = JSON.stringify(entry).length;
  await db.transaction('rw', db.summaries, async () => {
    await db.summaries.put({ ...entry, format: SUMMARY_FORMAT, bytes });
    let count = await db.summaries.count();
    let total = 0;
    await db.summaries.each((s) => void (total += s.bytes ?? 0));
    for (const old of await db.summaries.orderBy('createdAt').toArray()) {
      if (count <= MAX_ENTRIES && total <= MAX_BYTES) break;
      if (old.origin === entry.origin && old.threadId === entry.threadId) continue;
      await db.summaries.delete([old.origin, old.threadId]);
      count--;
      total -= old.bytes ?? 0;
    }
  });
}

/** Summaries of threads the reader does not follow, made more than a week ago. */
export async function pruneSummaries(db: ThreadsideDb, now: number): Promise<number> {
  return db.transaction('rw', db.summaries, db.threads, async () => {
    const stale = await db.summaries
      .where('createdAt')
      .below(now - UNSAVED_KEPT_MS)
      .toArray();
    let removed = 0;
    for (const s of stale)
      if (!(await db.threads.get([s.origin, s.threadId]))) {
        await db.summaries.delete([s.origin, s.threadId]);
        removed++;
      }
    return removed;
  });
}
