import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThreadsideDb, type CachedSummary } from '../../../utils/db/database';
import { savedThread } from '../saved-thread-fixture';
import { MAX_ENTRIES, pruneSummaries, putSummary, UNSAVED_KEPT_MS } from '../../../utils/db/summary-cache';

const O = 'https://forum.bloodcancer.org.uk';
const NOW = Date.parse('2026-12-01T12:00:00Z');
const entry = (threadId: string, createdAt: number, text = 'A post.'): CachedSummary => ({
  origin: O,
  threadId,
  highestPostNumber: 3,
  thread: { title: `Thread ${threadId}`, posts: [{ post_number: 1, username: 'a', like_count: 0, text }] },
  summary: {
    title: `Thread ${threadId}`,
    postCount: 1,
    question: null,
    safety: [],
    keyPoints: [],
    crisisPosts: [],
    mentioned: [],
    support: [],
    memberLinks: [],
  },
  createdAt,
});

let db: ThreadsideDb;
let n = 0;
beforeEach(() => {
  db = new ThreadsideDb(`threadside-summaries-${++n}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('the summary cache', () => {
  it('keeps at most its number of summaries, dropping the oldest first', async () => {
    for (let i = 0; i < MAX_ENTRIES + 5; i++) await putSummary(db, entry(String(i), NOW + i));
    expect(await db.summaries.count()).toBe(MAX_ENTRIES);
    expect(await db.summaries.get([O, '0'])).toBeUndefined();
    expect(await db.summaries.get([O, String(MAX_ENTRIES + 4)])).toBeDefined();
  });

  it('keeps to its size too, however few the summaries', async () => {
    const big = 'x'.repeat(6 * 1024 * 1024);
    for (let i = 0; i < 5; i++) await putSummary(db, entry(String(i), NOW + i, big));
    expect(await db.summaries.count()).toBeLessThanOrEqual(3);
    expect(await db.summaries.get([O, '4'])).toBeDefined();
  });

  it('forgets a thread’s summary a week after the reader stopped following it', async () => {
    await db.threads.put(savedThread('kept', { savedAt: NOW }));
    await putSummary(db, entry('kept', NOW - 2 * UNSAVED_KEPT_MS));
    await putSummary(db, entry('old', NOW - 2 * UNSAVED_KEPT_MS));
    await putSummary(db, entry('recent', NOW - 1000));
    expect(await pruneSummaries(db, NOW)).toBe(1);
    expect((await db.summaries.toArray()).map((s) => s.threadId).sort()).toEqual(['kept', 'recent']);
  });
});
