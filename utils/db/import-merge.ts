import type { ThreadsideDb } from './database';
import { keyOf, type SavedThread } from './saved-thread';
import { count, plural } from '../words';
import { MAX_NOTE } from './bound-thread';

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
}

/** The Options page's line after an import: "Imported “x.json”: 12,345 threads added, …". */
export function importReportText(fileName: string, r: ImportReport): string {
  return `Imported “${fileName}”: ${plural(r.added, 'thread', 'threads')} added, ${count(r.updated)} updated, ${count(r.skipped)} already up to date.`;
}

/**
 * Two notes on one thread, as one: the one that holds the other, or both when they differ
 * (a note written on another computer is not dropped), within the note's limit.
 */
function mergeNotes(mine: string, theirs: string): string {
  if (!theirs || mine.includes(theirs)) return mine;
  if (!mine || theirs.includes(mine)) return theirs;
  const both = `${mine}\n\n${theirs}`;
  return both.length <= MAX_NOTE ? both : mine;
}

/**
 * Two records of one thread, as one: the later read position and the larger counts win,
 * the earlier save date is kept, and both notes (see mergeNotes).
 */
function mergeThread(mine: SavedThread, theirs: SavedThread): SavedThread {
  const newer = (theirs.lastVisitedAt ?? 0) > (mine.lastVisitedAt ?? 0) ? theirs : mine;
  return {
    ...mine,
    title: newer.title || mine.title,
    url: newer.url || mine.url,
    savedAt: Math.min(mine.savedAt, theirs.savedAt),
    lastVisitedAt: Math.max(mine.lastVisitedAt ?? 0, theirs.lastVisitedAt ?? 0) || null,
    lastReadPostNumber: Math.max(mine.lastReadPostNumber, theirs.lastReadPostNumber),
    postCount: Math.max(mine.postCount, theirs.postCount),
    highestPostNumber: Math.max(mine.highestPostNumber, theirs.highestPostNumber),
    lastActivityAt: Math.max(mine.lastActivityAt ?? 0, theirs.lastActivityAt ?? 0) || null,
    note: mergeNotes(mine.note, theirs.note),
    baselinePostNumber: Math.max(mine.baselinePostNumber, theirs.baselinePostNumber),
    deletedSeen: Math.max(mine.deletedSeen, theirs.deletedSeen),
    check: mine.check,
  };
}

const same = (a: SavedThread, b: SavedThread) => JSON.stringify(a) === JSON.stringify(b);

/** All or nothing: one transaction, so a failure half-way leaves the database as it was. */
export async function importThreads(db: ThreadsideDb, threads: SavedThread[]): Promise<ImportReport> {
  return db.transaction('rw', db.threads, async () => {
    const report: ImportReport = { added: 0, updated: 0, skipped: 0 };
    const seen = new Map<string, SavedThread>();
    // The same thread twice in one file: merge the copies first.
    for (const t of threads) {
      const k = JSON.stringify(keyOf(t));
      const prev = seen.get(k);
      seen.set(k, prev ? mergeThread(prev, t) : t);
    }
    for (const t of seen.values()) {
      const existing = await db.threads.get(keyOf(t));
      if (!existing) {
        await db.threads.add(t);
        report.added++;
        continue;
      }
      const merged = mergeThread(existing, t);
      if (same(merged, existing)) report.skipped++;
      else {
        await db.threads.put(merged);
        report.updated++;
      }
    }
    return report;
  });
}
