import { storage } from 'wxt/utils/storage';
import type { SavedThread, ThreadKey } from '../db/saved-thread';

/**
 * Threads the reader unsaved from the page (the bar's Saved, or the save key pressed again),
 * kept for a while so that saving again brings back their note, their place and the date
 * they first saved it: the bar's toggle is its own undo, as the popup's Undo is. In the
 * background's session storage (in memory, the extension's own), and bounded.
 */
interface Removed {
  record: SavedThread;
  at: number;
}

/** Long enough to notice and press Save again; a removal older than this is meant. */
const REMOVED_TTL_MS = 60 * 60_000;
const MAX_REMOVED = 20;

const removedItem = storage.defineItem<Removed[]>('session:removedThreads', { fallback: [] });

const sameThread = (a: ThreadKey, b: SavedThread) => a[0] === b.origin && a[1] === b.threadId;
const fresh = (all: Removed[], now: number) => all.filter((r) => now - r.at < REMOVED_TTL_MS && now >= r.at);

export async function keepRemoved(record: SavedThread, now = Date.now()): Promise<void> {
  const key: ThreadKey = [record.origin, record.threadId];
  const kept = fresh(await removedItem.getValue(), now).filter((r) => !sameThread(key, r.record));
  await removedItem.setValue([...kept, { record, at: now }].slice(-MAX_REMOVED));
}

/** The thread's record as it was when the reader unsaved it, once; undefined when there is none. */
export async function takeRemoved(key: ThreadKey, now = Date.now()): Promise<SavedThread | undefined> {
  const all = fresh(await removedItem.getValue(), now);
  const found = all.find((r) => sameThread(key, r.record));
  if (found) await removedItem.setValue(all.filter((r) => r !== found));
  return found?.record;
}
