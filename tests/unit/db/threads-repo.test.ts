import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThreadsideDb } from '../../../utils/db/database';
import { savedThread, threadSnapshot } from '../saved-thread-fixture';
import { sortThreads } from '../../../utils/saved-list';
import type { ThreadSnapshot } from '../../../utils/db/saved-thread';
import { newReplies } from '../../../utils/db/saved-thread';
import {
  firstThreads,
  getThread,
  markRead,
  recordVisit,
  removeThread,
  restoreThread,
  saveThread,
  setNote,
} from '../../../utils/db/threads-repo';

const O = 'https://forum.bloodcancer.org.uk';
/** The clock: a morning in 2026, and ms after it. */
const T0 = Date.parse('2026-10-01T09:00:00Z');
let db: ThreadsideDb;
let n = 0;

beforeEach(() => {
  db = new ThreadsideDb(`threadside-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const snap = (over: Partial<ThreadSnapshot> = {}) => threadSnapshot(over);

describe('saved threads', () => {
  it('saves a thread with where the reader has got to', async () => {
    await saveThread(db, snap(), T0 + 1000);
    const t = await getThread(db, [O, '1828']);
    expect(t).toMatchObject({
      title: 'What is CAR-T therapy?',
      savedAt: T0 + 1000,
      lastReadPostNumber: 3,
      postCount: 8,
      note: '',
    });
    // Posts that exist when the reader saves are not news to them.
    expect(newReplies(t!)).toBe(0);
  });

  it('keys by forum and thread id: the same id on two forums is two threads', async () => {
    await saveThread(db, snap(), T0 + 1);
    await saveThread(
      db,
      snap({ origin: 'https://forum.breastcancernow.org', url: 'https://forum.breastcancernow.org/t/x/1828' }),
      2,
    );
    expect(await db.threads.count()).toBe(2);
  });

  it('saving again keeps the first save date and the note', async () => {
    await saveThread(db, snap(), T0 + 1000);
    await setNote(db, [O, '1828'], 'Ask the consultant about this');
    await saveThread(db, snap({ postCount: 9, highestPostNumber: 9 }), T0 + 5000);
    expect(await getThread(db, [O, '1828'])).toMatchObject({
      savedAt: T0 + 1000,
      note: 'Ask the consultant about this',
      postCount: 9,
    });
  });

  it('follows the forum’s title and never moves the read position backwards', async () => {
    await saveThread(db, snap({ readPostNumber: 6 }), T0 + 1);
    await recordVisit(db, snap({ title: 'What is CAR-T therapy? (updated)', readPostNumber: 2 }), T0 + 2);
    expect(await getThread(db, [O, '1828'])).toMatchObject({
      title: 'What is CAR-T therapy? (updated)',
      lastReadPostNumber: 6,
      lastVisitedAt: T0 + 2,
    });
  });

  it('does not save a thread just because it was visited', async () => {
    expect(await recordVisit(db, snap(), T0 + 1)).toBeUndefined();
    expect(await db.threads.count()).toBe(0);
  });

  it('removes, and undo puts back the very same record', async () => {
    await saveThread(db, snap(), T0 + 1);
    await setNote(db, [O, '1828'], 'note');
    const removed = await removeThread(db, [O, '1828']);
    expect(await db.threads.count()).toBe(0);
    await restoreThread(db, removed!);
    expect(await getThread(db, [O, '1828'])).toEqual(removed);
  });

  it('unsaved on the page and saved again, brings back the note, the place and the first save date', async () => {
    await saveThread(db, snap({ highestPostNumber: 8, postCount: 8 }), T0 + 1);
    await setNote(db, [O, '1828'], 'Ask about the dose');
    const removed = await removeThread(db, [O, '1828']);
    // Saved again a moment later, with more replies since: those are still new to the reader.
    const again = await saveThread(
      db,
      snap({ highestPostNumber: 12, postCount: 12, readPostNumber: 2 }),
      T0 + 60_000,
      removed,
    );
    expect(again).toMatchObject({
      note: 'Ask about the dose',
      savedAt: T0 + 1,
      baselinePostNumber: 8,
      lastReadPostNumber: 3,
    });
    expect(newReplies(again)).toBe(4);
    // Another thread's removed record is not taken for this one.
    await removeThread(db, [O, '1828']);
    const other = await saveThread(db, snap({ threadId: '2000', url: `${O}/t/long/2000` }), T0 + 70_000, removed);
    expect(other).toMatchObject({ note: '', savedAt: T0 + 70_000 });
  });

  it('loses no update when the page, the popup and the background write at once', async () => {
    await saveThread(db, snap({ readPostNumber: 1 }), T0 + 1);
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        recordVisit(db, snap({ readPostNumber: i + 1, postCount: 20, highestPostNumber: 20 }), T0 + 10 + i),
      ),
      setNote(db, [O, '1828'], 'from the popup'),
      recordVisit(db, snap({ postCount: 24, highestPostNumber: 24, readPostNumber: 0 }), T0 + 50),
    ]);
    expect(await getThread(db, [O, '1828'])).toMatchObject({
      lastReadPostNumber: 20,
      note: 'from the popup',
      postCount: 24,
      highestPostNumber: 24,
      lastVisitedAt: T0 + 50,
    });
  });
});

describe('mark as read', () => {
  it('leaves nothing new, deleted posts included, and nothing else changed', async () => {
    await saveThread(db, snap(), T0 + 1000);
    // Two replies since, and a post deleted among them (highest 11, 10 posts).
    await recordVisit(db, snap({ postCount: 10, highestPostNumber: 11, readPostNumber: 3 }), T0 + 2000);
    const before = (await getThread(db, [O, '1828']))!;
    expect(newReplies(before)).toBeGreaterThan(0);
    const after = (await markRead(db, [O, '1828']))!;
    expect(newReplies(after)).toBe(0);
    expect(after).toEqual({ ...before, lastReadPostNumber: 11, deletedSeen: 1 });
    expect(await markRead(db, [O, 'not-saved'])).toBeUndefined();
  });
});

describe("the popup's first rows, read before the whole list", () => {
  const HOUR = 3_600_000;
  // Twenty threads on forums that date their posts, and, saved after them all, three on
  // forums whose pages give no time (the other engines' threads often do not).
  const dated = Array.from({ length: 20 }, (_, i) =>
    savedThread(`d${i}`, { savedAt: T0 + i * HOUR, lastActivityAt: T0 - (i + 1) * HOUR }),
  );
  const undated = Array.from({ length: 3 }, (_, i) =>
    savedThread(`u${i}`, { origin: 'https://forum.example.org', savedAt: T0 + (30 + i) * HOUR, lastActivityAt: null }),
  );
  const keys = (ts: { threadId: string }[] | undefined) => ts?.map((t) => t.threadId);

  it('are the rows the whole list puts first, in each order: none is drawn later above them', async () => {
    const all = [...dated, ...undated];
    await db.threads.bulkPut(all);
    for (const order of ['activity', 'saved'] as const)
      expect(keys(await firstThreads(db, order, 12))).toEqual(keys(sortThreads(all, order).slice(0, 12)));
    // By activity, the undated threads sort by when they were saved: first here.
    expect(keys(await firstThreads(db, 'activity', 12))?.slice(0, 3)).toEqual(['u2', 'u1', 'u0']);
    // Sorted by new replies, every thread must be read first.
    expect(await firstThreads(db, 'new-replies', 12)).toBeUndefined();
  });

  it('finds a thread without post times saved before a dozen others, whose last posts came before it was saved', async () => {
    // As a reader usually saves: after a thread's last post. The undated thread sorts by its
    // save, above all twelve.
    const early = savedThread('u', { origin: 'https://forum.example.org', savedAt: T0, lastActivityAt: null });
    const later = Array.from({ length: 12 }, (_, i) =>
      savedThread(`d${i}`, { savedAt: T0 + (i + 1) * HOUR, lastActivityAt: T0 - (i + 1) * HOUR }),
    );
    await db.threads.bulkPut([early, ...later]);
    const first = await firstThreads(db, 'activity', 12);
    expect(keys(first)).toEqual(keys(sortThreads([early, ...later], 'activity').slice(0, 12)));
    expect(keys(first)?.[0]).toBe('u');
  });

  it('shows every thread at once when there are fewer than a screenful, dated or not', async () => {
    const few = [...dated.slice(0, 2), ...undated.slice(0, 1)];
    await db.threads.bulkPut(few);
    expect(keys(await firstThreads(db, 'activity', 12))).toEqual(keys(sortThreads(few, 'activity')));
  });
});
