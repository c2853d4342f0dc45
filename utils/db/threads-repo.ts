import type { ThreadsideDb } from './database';
import { keyOf, NEW_CHECK_STATE, type SavedThread, type ThreadKey, type ThreadSnapshot } from './saved-thread';
import { boundThread } from './bound-thread';
import { sortThreads, type SortOrder } from '../saved-list';

/**
 * Every write is a read-modify-write inside one read-write transaction, so the page, the
 * popup and the background can write at the same time without one undoing another.
 * Counts and read positions only ever move forwards here.
 */

/**
 * `unsaved`: the record as it was when the reader unsaved this thread a moment ago: saving
 * again brings back its note, place and save date rather than starting afresh.
 */
export async function saveThread(
  db: ThreadsideDb,
  snap: ThreadSnapshot,
  now: number,
  unsaved?: SavedThread,
): Promise<SavedThread> {
  return db.transaction('rw', db.threads, async () => {
    const stored = await db.threads.get(keyOf(snap));
    const same = unsaved?.origin === snap.origin && unsaved.threadId === snap.threadId;
    const existing = stored ?? (same ? unsaved : undefined);
    const record: SavedThread = {
      origin: snap.origin,
      threadId: snap.threadId,
      url: snap.url,
      title: snap.title,
      engine: snap.engine,
      savedAt: existing?.savedAt ?? now,
      lastVisitedAt: now,
      lastReadPostNumber: Math.max(existing?.lastReadPostNumber ?? 0, snap.readPostNumber),
      postCount: Math.max(existing?.postCount ?? 0, snap.postCount),
      highestPostNumber: Math.max(existing?.highestPostNumber ?? 0, snap.highestPostNumber),
      lastActivityAt: maxTime(existing?.lastActivityAt ?? null, snap.lastActivityAt),
      note: existing?.note ?? '',
      // What exists when the reader saves is not news to them.
      baselinePostNumber: existing?.baselinePostNumber ?? snap.highestPostNumber,
      deletedSeen: existing?.deletedSeen ?? Math.max(0, snap.highestPostNumber - snap.postCount),
      check: existing?.check ?? { ...NEW_CHECK_STATE },
      ...perPageOf(snap, existing),
    };
    return putBounded(db, record, now);
  });
}

/** The page size the forum showed last, else the one kept. */
const perPageOf = (snap: ThreadSnapshot, kept: SavedThread | undefined) => {
  const perPage = snap.perPage ?? kept?.perPage;
  return perPage ? { perPage } : {};
};

/** Stored within the bounds an import accepts (thread-bounds.ts), so every export restores. */
async function putBounded(db: ThreadsideDb, t: SavedThread, now: number): Promise<SavedThread> {
  const bounded = boundThread(t, now);
  await db.threads.put(bounded);
  return bounded;
}

const maxTime = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

export async function getThread(db: ThreadsideDb, key: ThreadKey): Promise<SavedThread | undefined> {
  return db.threads.get(key);
}

export async function removeThread(db: ThreadsideDb, key: ThreadKey): Promise<SavedThread | undefined> {
  return db.transaction('rw', db.threads, async () => {
    const existing = await db.threads.get(key);
    if (existing) await db.threads.delete(key);
    return existing;
  });
}

/** Undo of a removal: put the record back unless the thread was saved again meanwhile. */
export async function restoreThread(db: ThreadsideDb, record: SavedThread): Promise<void> {
  await db.transaction('rw', db.threads, async () => {
    if (!(await db.threads.get(keyOf(record)))) await db.threads.put(record);
  });
}

export async function setNote(db: ThreadsideDb, key: ThreadKey, note: string): Promise<boolean> {
  return db.transaction('rw', db.threads, async () => {
    const existing = await db.threads.get(key);
    if (!existing) return false;
    await db.threads.put({ ...existing, note });
    return true;
  });
}

/**
 * A visit or reading progress from the page (only for threads already saved). Title and
 * counts follow the forum; the read position only moves forwards.
 */
export async function recordVisit(
  db: ThreadsideDb,
  snap: ThreadSnapshot,
  now: number,
): Promise<SavedThread | undefined> {
  return db.transaction('rw', db.threads, async () => {
    const t = await db.threads.get(keyOf(snap));
    if (!t) return undefined;
    const updated: SavedThread = {
      ...t,
      title: snap.title || t.title,
      url: snap.url || t.url,
      lastVisitedAt: Math.max(t.lastVisitedAt ?? 0, now),
      lastReadPostNumber: Math.max(t.lastReadPostNumber, snap.readPostNumber),
      postCount: Math.max(t.postCount, snap.postCount),
      highestPostNumber: Math.max(t.highestPostNumber, snap.highestPostNumber),
      lastActivityAt: maxTime(t.lastActivityAt, snap.lastActivityAt),
      ...perPageOf(snap, t),
    };
    // Caught up with the newest post: any gaps in the numbering are known to the reader.
    if (updated.lastReadPostNumber >= updated.highestPostNumber)
      updated.deletedSeen = Math.max(0, updated.highestPostNumber - updated.postCount);
    return putBounded(db, updated, now);
  });
}

/**
 * "Mark as read": the reader has seen all there is. Nothing stays new, and gaps in the
 * numbering (deleted posts) count as seen.
 */
export async function markRead(db: ThreadsideDb, key: ThreadKey): Promise<SavedThread | undefined> {
  return db.transaction('rw', db.threads, async () => {
    const t = await db.threads.get(key);
    if (!t) return undefined;
    const updated: SavedThread = {
      ...t,
      lastReadPostNumber: Math.max(t.lastReadPostNumber, t.highestPostNumber),
      deletedSeen: Math.max(0, t.highestPostNumber - t.postCount),
    };
    await db.threads.put(updated);
    return updated;
  });
}

/**
 * The first `n` threads in the popup's order, read from the indexes that order uses, so the
 * rows show before the whole list is read, and are the rows the whole list puts first (none
 * is drawn a moment later above them, where a click meant for one row would land on
 * another). By activity, a thread whose forum gives no post times is not in the activity
 * index and sorts by when it was saved: those saved since the `n`th-latest activity are
 * read from the save-date index. `undefined` for an order with no such index.
 */
export async function firstThreads(db: ThreadsideDb, order: SortOrder, n: number): Promise<SavedThread[] | undefined> {
  if (order === 'new-replies') return undefined;
  if (order === 'saved') return db.threads.orderBy('savedAt').reverse().limit(n).toArray();
  const dated = await db.threads.orderBy('lastActivityAt').reverse().limit(n).toArray();
  const floor = dated.length === n ? (dated[n - 1].lastActivityAt ?? -Infinity) : -Infinity;
  const undated = await db.threads
    .where('savedAt')
    .aboveOrEqual(floor)
    .reverse()
    .filter((t) => t.lastActivityAt == null)
    .limit(n)
    .toArray();
  return sortThreads([...dated, ...undated], 'activity').slice(0, n);
}
