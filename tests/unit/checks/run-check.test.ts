import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOT_A_THREAD_ADDRESS, runCheck, type CheckDeps } from '../../../utils/checks/run-check';
import { ThreadsideDb } from '../../../utils/db/database';
import { newReplies } from '../../../utils/db/saved-thread';
import { saveThread } from '../../../utils/db/threads-repo';
import { startForum, type ForumLab } from '../../forum-lab/server';

let forum: ForumLab;
let db: ThreadsideDb;
let clock: number;
let sleeps: number[];
let n = 0;

beforeAll(async () => {
  forum = await startForum({ port: 0 });
});
afterAll(() => forum.close());
beforeEach(() => {
  forum.reset();
  db = new ThreadsideDb(`threadside-check-${++n}`);
  clock = Date.parse('2026-11-25T12:00:00Z');
  sleeps = [];
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A fake clock that only moves when the checker sleeps or we say so. */
const deps = (): CheckDeps => ({
  db,
  fetch: (input, init) => fetch(input, init),
  now: () => clock,
  sleep: (ms) => {
    sleeps.push(ms);
    clock += ms;
    return Promise.resolve();
  },
  random: () => 1,
});

const save = (id: number, highest: number) =>
  saveThread(
    db,
    {
      engine: 'discourse',
      origin: forum.url,
      threadId: String(id),
      title: `topic ${id}`,
      url: `${forum.url}/t/x/${id}`,
      postCount: highest,
      highestPostNumber: highest,
      lastActivityAt: null,
      readPostNumber: highest,
    },
    clock,
  );
const apiRequests = () => forum.requests().filter((r) => r.path.endsWith('.json'));

describe('new-reply check against the demo forum', () => {
  it('first asks topic by topic, then finds new replies with one sweep', async () => {
    await save(1828, 8);
    await save(1902, 6);
    await save(1955, 5);
    const first = await runCheck(deps());
    expect(first.requests).toBe(3);
    expect(apiRequests().map((r) => r.path)).toEqual(['/t/1828.json', '/t/1902.json', '/t/1955.json']);
    // At least a second between requests to one forum.
    expect(sleeps.every((ms) => ms >= 1000)).toBe(true);
    expect(sleeps).toHaveLength(2);

    forum.clearRequests();
    clock += 15 * 60_000;
    forum.addReply(1828, { username: 'Sara', text: 'My scan was clear!' });
    forum.addReply(1828, { username: 'Fozzie', text: 'Wonderful news.' });
    const second = await runCheck(deps());
    expect(apiRequests().map((r) => r.path)).toEqual(['/latest.json']);
    expect(second.requests).toBe(1);
    expect(newReplies((await db.threads.get([forum.url, '1828']))!)).toBe(2);
    expect(newReplies((await db.threads.get([forum.url, '1902']))!)).toBe(0);
  });

  it('asks directly about a saved topic the sweep did not reach within its page limit, instead of taking it as quiet', async () => {
    await save(1828, 8);
    await runCheck(deps());
    clock += 15 * 60_000;
    await runCheck(deps()); // the first sweep: from now on only what moved is read
    // Overnight: a reply to the saved topic, then more than ten pages of other topics bumped after it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const at = Date.parse('2026-11-26T07:00:00Z');
      vi.setSystemTime(at);
      forum.addReply(1828, { username: 'Sara', text: 'My scan was clear!' });
      forum.addTopics(320, 50_000);
      for (let i = 0; i < 320; i++) {
        vi.setSystemTime(at + (i + 1) * 1000);
        forum.addReply(50_000 + i, { username: 'Anna_M', text: 'Same here.' });
      }
    } finally {
      vi.useRealTimers();
    }
    clock = Date.parse('2026-11-26T08:00:00Z');
    forum.clearRequests();
    const report = await runCheck(deps());
    expect(report.failures).toEqual([]);
    expect(apiRequests().map((r) => r.path)).toEqual([...Array<string>(10).fill('/latest.json'), '/t/1828.json']);
    expect(newReplies((await db.threads.get([forum.url, '1828']))!)).toBe(1);
  });

  it('asks about each saved topic directly again after a day of sweeps, then sweeps only', async () => {
    await save(1828, 8);
    await save(1902, 6);
    await runCheck(deps());
    clock += 15 * 60_000;
    forum.clearRequests();
    await runCheck(deps());
    expect(apiRequests().map((r) => r.path)).toEqual(['/latest.json']);
    clock += 24 * 60 * 60_000;
    forum.clearRequests();
    await runCheck(deps());
    expect(apiRequests().map((r) => r.path)).toEqual(['/latest.json', '/t/1828.json', '/t/1902.json']);
    clock += 15 * 60_000;
    forum.clearRequests();
    await runCheck(deps());
    expect(apiRequests().map((r) => r.path)).toEqual(['/latest.json']);
  });

  it('obeys 429 Retry-After: records when to try again, sends nothing before, keeps the counts', async () => {
    await save(1828, 8);
    await runCheck(deps());
    clock += 15 * 60_000;
    forum.addReply(1828, { username: 'Sara', text: 'Update' });
    forum.setFault({ match: '.json', kind: '429', retryAfter: 120 });
    forum.clearRequests();
    const before = await db.threads.get([forum.url, '1828']);

    const limited = await runCheck(deps());
    expect(limited.failures[0].error.kind).toBe('rate-limited');
    const state = await db.forums.get(forum.url);
    expect(state!.nextAttemptAt).toBe(clock + 120_000);
    expect(state!.lastError).toMatch(/slow down/);
    expect(await db.threads.get([forum.url, '1828'])).toEqual(before);

    forum.clearRequests();
    const again = await runCheck(deps());
    expect(again.requests).toBe(0);
    expect(forum.requests()).toEqual([]);

    forum.clearFaults();
    clock += 120_000;
    await runCheck(deps());
    expect(newReplies((await db.threads.get([forum.url, '1828']))!)).toBe(1);
    expect((await db.forums.get(forum.url))!.lastError).toBeNull();
  });

  it('backs off on server errors and treats a login page as "needs sign-in", not data', async () => {
    await save(1828, 8);
    forum.setFault({ match: '.json', kind: '500', times: 1 });
    await runCheck(deps());
    const afterError = await db.forums.get(forum.url);
    expect(afterError!.failures).toBe(1);
    expect(afterError!.nextAttemptAt).toBe(clock + 60_000);

    clock += 60_000;
    forum.setFault({ match: '.json', kind: 'login', times: 1 });
    const before = await db.threads.get([forum.url, '1828']);
    await runCheck(deps());
    expect((await db.forums.get(forum.url))!.lastErrorKind).toBe('needs-sign-in');
    expect(await db.threads.get([forum.url, '1828'])).toEqual(before);
  });

  it('takes it as the forum’s problem, with its backoff, when none of the threads asked could be read', async () => {
    await save(1828, 8);
    await save(1902, 6);
    forum.setFault({ match: '.json', kind: 'malformed', times: 2 });
    const report = await runCheck(deps());
    expect(report.forums).toEqual([expect.objectContaining({ origin: forum.url, kind: 'failed', error: 'malformed' })]);
    expect((await db.forums.get(forum.url))!.nextAttemptAt).toBeGreaterThan(clock);
    // Each thread says so too, and keeps its counts.
    expect((await db.threads.get([forum.url, '1902']))!.check.lastError).toMatch(/could not read/);
  });

  it('keeps the bookmark of a thread that disappeared, and says so', async () => {
    await save(424242, 3);
    await runCheck(deps());
    const t = await db.threads.get([forum.url, '424242']);
    expect(t!.check.gone).toBe(true);
    expect(t!.check.lastError).toMatch(/no longer on/);
    expect(t!.postCount).toBe(3);
  });

  it('never asks an address that is not the saved thread on its forum, whoever stored it', async () => {
    await save(1828, 8);
    // As an import or a hostile page might have left it: the thread pointing at another site.
    await db.threads.update([forum.url, '1828'], { url: 'https://attacker.example/t/x/1828' });
    const asked: string[] = [];
    await runCheck({
      ...deps(),
      fetch: (input, init) => (asked.push(input instanceof Request ? input.url : input.toString()), fetch(input, init)),
    });
    expect(asked).toEqual([]);
    expect((await db.threads.get([forum.url, '1828']))!.check.lastError).toBe(NOT_A_THREAD_ADDRESS);
  });

  it('takes the forum’s count as the truth, so an inflated record can show new replies again', async () => {
    // As a hostile page's report or an odd file could have left it: read to post 500 of 8.
    await save(1828, 500);
    await runCheck(deps());
    expect(await db.threads.get([forum.url, '1828'])).toMatchObject({ highestPostNumber: 8, lastReadPostNumber: 8 });
    forum.addReply(1828, { username: 'Sara', text: 'An update from me.' });
    clock += 60 * 60_000;
    await runCheck(deps());
    expect(newReplies((await db.threads.get([forum.url, '1828']))!)).toBe(1);
  });

  it('Check now asks a forum still waiting after a failure, and says it did; a Retry-After it still obeys', async () => {
    await save(1828, 8);
    forum.setFault({ match: '.json', kind: '500', times: 1 });
    const failed = await runCheck(deps());
    expect(failed.forums).toEqual([
      expect.objectContaining({ origin: forum.url, kind: 'failed', error: 'server', nextTry: clock + 60_000 }),
    ]);
    forum.addReply(1828, { username: 'Sara', text: 'Scan clear.' });

    // A timed check within the wait asks nothing, and says why rather than "no new replies".
    forum.clearRequests();
    const timed = await runCheck(deps());
    expect(forum.requests()).toEqual([]);
    expect(timed.forums).toEqual([{ origin: forum.url, kind: 'waiting', until: clock + 60_000, rateLimited: false }]);

    // The reader's Check now asks at once.
    const asked = await runCheck({ ...deps(), readerAsked: true });
    expect(apiRequests()).toHaveLength(1);
    expect(asked.forums).toEqual([
      { origin: forum.url, kind: 'checked', threads: 1, newReplies: 1, overrodeWait: true },
    ]);
    // It went through: the forum's wait is over for the timed checks too.
    const afterwards = await runCheck(deps());
    expect(afterwards.forums[0]).toMatchObject({ kind: 'checked' });

    clock += 15 * 60_000;
    forum.setFault({ match: '.json', kind: '429', retryAfter: 600 });
    await runCheck({ ...deps(), readerAsked: true });
    forum.clearRequests();
    const limited = await runCheck({ ...deps(), readerAsked: true });
    expect(forum.requests()).toEqual([]);
    expect(limited.forums[0]).toMatchObject({ kind: 'waiting', rateLimited: true });
  });

  it('asks nothing of a forum it has no access to or the reader turned off, and says so', async () => {
    await save(1828, 8);
    const report = await runCheck({ ...deps(), access: () => Promise.resolve('no-access') });
    expect(forum.requests()).toEqual([]);
    expect(report.forums).toEqual([{ origin: forum.url, kind: 'no-access' }]);
    const off = await runCheck({ ...deps(), access: () => Promise.resolve('turned-off') });
    expect(forum.requests()).toEqual([]);
    expect(off.forums).toEqual([{ origin: forum.url, kind: 'turned-off' }]);
  });

  it('reports its progress, and stops when the reader says so', async () => {
    for (const id of [1828, 1902, 1955]) await save(id, 5);
    const stop = new AbortController();
    const seen: Array<[number, number]> = [];
    const report = await runCheck({
      ...deps(),
      signal: stop.signal,
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (done === 2) stop.abort();
      },
    });
    expect(seen).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(apiRequests()).toHaveLength(2);
    expect(report.forums).toEqual([{ origin: forum.url, kind: 'stopped' }]);
    // Not a failure: the next check goes ahead at once.
    expect((await db.forums.get(forum.url))!.nextAttemptAt).toBe(0);
  });
});
