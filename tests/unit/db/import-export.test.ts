import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThreadsideDb } from '../../../utils/db/database';
import { buildExport, MAX_IMPORT_BYTES, parseImport } from '../../../utils/db/export-format';
import { importReportText, importThreads } from '../../../utils/db/import-merge';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { applyCounts } from '../../../utils/checks/apply';

const O = 'https://forum.bloodcancer.org.uk';
const DAY_ONE = Date.parse('2026-10-01T09:00:00Z');
const thread = (over: Partial<SavedThread> = {}): SavedThread => ({
  origin: O,
  threadId: '1828',
  url: `${O}/t/what-is-car-t-therapy/1828`,
  title: 'What is CAR-T therapy?',
  engine: 'discourse',
  savedAt: DAY_ONE,
  lastVisitedAt: DAY_ONE + 2000,
  lastReadPostNumber: 5,
  postCount: 8,
  highestPostNumber: 8,
  lastActivityAt: DAY_ONE + 3000,
  note: '',
  baselinePostNumber: 0,
  deletedSeen: 0,
  check: { checkedAt: null, seenInSweep: null, gone: false, lastError: null },
  ...over,
});

let db: ThreadsideDb;
let n = 0;
beforeEach(() => {
  db = new ThreadsideDb(`threadside-import-${++n}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const fileOf = (threads: unknown[]) =>
  JSON.stringify({
    format: 'threadside-saved-threads',
    version: 1,
    exportedAt: '2026-11-25T00:00:00Z',
    // The checker's state stays in the browser; files never carry it.
    threads: threads.map((t) => {
      const { check: _check, ...rest } = t as SavedThread;
      return rest;
    }),
  });

describe('export and import', () => {
  it('round-trips an export into a fresh database', async () => {
    const text = JSON.stringify(
      buildExport([thread(), thread({ threadId: '2000', url: `${O}/t/long/2000` })], new Date()),
    );
    const parsed = parseImport(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(await importThreads(db, parsed.threads)).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(await db.threads.count()).toBe(2);
  });

  it('restores a backup taken after a hostile forum’s answers, and after records stored before bounds were kept', () => {
    const now = DAY_ONE + 86_400_000;
    const answered = (threadId: string, c: Parameters<typeof applyCounts>[1]) =>
      applyCounts(thread({ threadId, url: `${O}/t/x/${threadId}` }), c, now, true);
    const wild = [
      // A last post in 2999 would pin the thread atop the list "in 974 years".
      answered('1', { posts_count: 9, highest_post_number: 9, last_posted_at: '2999-01-01T00:00:00Z' }),
      answered('2', { posts_count: 1.2e20, highest_post_number: 1.2e20, title: 'x'.repeat(1000) }),
      // More posts than the highest number: Flarum's lastPostNumber under its commentCount.
      answered('3', { posts_count: 12, highest_post_number: 9 }),
      // Stored by an earlier Threadside, as it was then.
      thread({ threadId: '4', url: `${O}/t/x/4`, lastActivityAt: Date.parse('2999-01-01'), postCount: 30 }),
    ];
    expect(wild[0].lastActivityAt).toBe(DAY_ONE + 3000);
    expect(wild[2].highestPostNumber).toBeGreaterThanOrEqual(wild[2].postCount);
    const parsed = parseImport(JSON.stringify(buildExport(wild, new Date(now))), undefined, now);
    expect(parsed.ok && parsed.threads.map((t) => t.threadId)).toEqual(['1', '2', '3', '4']);
  });

  it('keeps both notes when this browser and the file wrote different ones, and the fuller one when one holds the other', async () => {
    await db.threads.put(thread({ note: 'Ask about dose' }));
    await db.threads.put(thread({ threadId: '9', url: `${O}/t/x/9`, note: 'Bring the diary' }));
    const file = fileOf([
      thread({ note: 'Ring the nurse about the rash' }),
      thread({ threadId: '9', url: `${O}/t/x/9`, note: 'Bring the diary (and the letter)' }),
    ]);
    const parsed = parseImport(file);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await importThreads(db, parsed.threads)).toEqual({ added: 0, updated: 2, skipped: 0 });
    expect((await db.threads.get([O, '1828']))?.note).toBe('Ask about dose\n\nRing the nurse about the rash');
    expect((await db.threads.get([O, '9']))?.note).toBe('Bring the diary (and the letter)');
    // The same file again changes nothing.
    expect(await importThreads(db, parsed.threads)).toEqual({ added: 0, updated: 0, skipped: 2 });
  });

  it('merges by thread: no duplicates, the later read position wins, the note is kept', async () => {
    await db.threads.put(thread({ lastReadPostNumber: 3, note: 'my note' }));
    const parsed = parseImport(
      fileOf([
        thread({ lastReadPostNumber: 7, lastVisitedAt: DAY_ONE + 9000 }),
        thread({ threadId: '9', url: `${O}/t/x/9` }),
      ]),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await importThreads(db, parsed.threads)).toEqual({ added: 1, updated: 1, skipped: 0 });
    expect(await db.threads.get([O, '1828'])).toMatchObject({
      lastReadPostNumber: 7,
      note: 'my note',
      lastVisitedAt: DAY_ONE + 9000,
    });
    expect(await db.threads.count()).toBe(2);
  });

  it('skips what it already has', async () => {
    await db.threads.put(thread());
    const parsed = parseImport(fileOf([thread({ lastReadPostNumber: 2 })]));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await importThreads(db, parsed.threads)).toEqual({ added: 0, updated: 0, skipped: 1 });
  });

  it.each([
    ['a truncated file', fileOf([thread()]).slice(0, 120), /cut short/],
    ['another program’s JSON', JSON.stringify({ bookmarks: [] }), /not a Threadside export/],
    [
      'a future format version',
      JSON.stringify({ format: 'threadside-saved-threads', version: 9, threads: [] }),
      /^This export was made by a newer Threadside \(format version 9\)\. Update Threadside, then import the file again\./,
    ],
    [
      'no format version',
      JSON.stringify({ format: 'threadside-saved-threads', threads: [] }),
      /^This file does not say which format version it is \(a whole number\), so Threadside cannot read it\./,
    ],
    [
      'a format version written as text',
      JSON.stringify({ format: 'threadside-saved-threads', version: '1', threads: [] }),
      /^This file does not say which format version it is/,
    ],
    [
      'wrong types',
      fileOf([thread(), { ...thread(), postCount: 'eight' }]),
      /^Thread 2: the number of posts should be a number, not text\. Nothing was imported\.$/,
    ],
    [
      'half a post',
      fileOf([thread({ lastReadPostNumber: 1.5 })]),
      /^Thread 1: the last post read should be a whole number, not 1\.5\./,
    ],
    [
      'a missing title',
      fileOf([{ ...thread(), title: undefined }]),
      /^Thread 1: the title is missing\. Nothing was imported\.$/,
    ],
    [
      'a number for a title, and more',
      fileOf([{ ...thread(), title: 7, note: 5 }]),
      /^Thread 1: the title should be text, not a number \(and 1 more problem\)\./,
    ],
    [
      'a link to another site',
      fileOf([thread({ url: 'https://evil.example/t/x/1828' })]),
      /this thread on its own forum/,
    ],
    ['a javascript: origin', fileOf([thread({ origin: 'javascript:alert(1)' })]), /must be a web address like/],
    [
      'an address that grows past 2,000 characters as the browser writes it',
      fileOf([thread({ url: `${O}/t/${'é'.repeat(700)}/1828` })]),
      /^Thread 1: the thread’s address is too long/,
    ],
    [
      'this computer',
      fileOf([thread({ origin: 'http://localhost:8080', url: 'http://localhost:8080/t/x/1828' })]),
      /the forum’s address is on this computer or a private network: turn that site on under “Sites” first/,
    ],
    [
      'a private network',
      fileOf([thread({ origin: 'http://192.168.1.20', url: 'http://192.168.1.20/t/x/1828' })]),
      /private network/,
    ],
    [
      'a user name and password',
      fileOf([thread({ url: 'https://jo:secret@forum.bloodcancer.org.uk/t/x/1828' })]),
      /own forum/,
    ],
    // A shared "list of threads" aiming the checker, signed in, at other addresses of a
    // known forum: a page at any path, a vBulletin thread number on any path.
    [
      'a known forum’s page under another engine',
      fileOf([
        thread({
          engine: 'schema-org',
          threadId: '/t/what-is-car-t-therapy/1828/unsubscribe',
          url: `${O}/t/what-is-car-t-therapy/1828/unsubscribe?confirm=1`,
        }),
      ]),
      /this thread on its own forum/,
    ],
    [
      'a vBulletin thread number on a page that is not a thread',
      fileOf([thread({ engine: 'vbulletin', threadId: '7', url: `${O}/u/me/preferences/account?t=7` })]),
      /this thread on its own forum/,
    ],
    ['a visit in 2058', fileOf([thread({ lastVisitedAt: Date.parse('2058-01-01') })]), /in the future/],
    ['activity at the end of time', fileOf([thread({ lastActivityAt: 8.64e15 })]), /in the future/],
    ['ten million posts', fileOf([thread({ highestPostNumber: 10_000_000 })]), /the highest post number is too large/],
    [
      'a read position past the last post',
      fileOf([thread({ lastReadPostNumber: 99 })]),
      /the highest post number must be at least the last post read/,
    ],
    [
      'unknown fields',
      fileOf([{ ...thread(), __proto__x: 1, colour: 'red' }]),
      /^Thread 1 has fields Threadside does not know: “__proto__x”, “colour”\. If the file comes from a newer Threadside, update this one, then import it again\. Nothing/,
    ],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const parsed = parseImport(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(message);
      expect(parsed.message).toMatch(/Nothing was imported/);
    }
  });

  it('takes a forum address written with capitals or a closing slash as the browser writes it, and merges it with the same thread saved here', async () => {
    await importThreads(db, [thread({ note: 'saved here' })]);
    const text = fileOf([
      thread({
        origin: 'https://Forum.BloodCancer.org.uk/',
        url: 'https://FORUM.bloodcancer.org.uk/t/what-is-car-t-therapy/1828',
        note: 'from the file',
      }),
    ]);
    const parsed = parseImport(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.threads[0]).toMatchObject({ origin: O, url: `${O}/t/what-is-car-t-therapy/1828` });
    expect(await importThreads(db, parsed.threads)).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect(await db.threads.count()).toBe(1);
  });

  it.each([
    'https://forum.bloodcancer.org.uk/t',
    'https://forum.bloodcancer.org.uk/?x=1',
    'https://jo@forum.bloodcancer.org.uk',
    'https://@forum.bloodcancer.org.uk',
    'https://forum.bloodcancer.org.uk/./',
    ' https://forum.bloodcancer.org.uk',
    'https:forum.bloodcancer.org.uk',
  ])('still refuses %s as a forum’s address', (origin) => {
    const parsed = parseImport(fileOf([thread({ origin })]));
    expect(!parsed.ok && parsed.message).toMatch(/must be a web address like/);
  });

  it('restores threads of a forum on the reader’s own network where they added that site, and says what to do where not', () => {
    const home = thread({ origin: 'http://forum.lan', url: 'http://forum.lan/t/x/1828' });
    const office = thread({ origin: 'http://10.1.2.3:8080', url: 'http://10.1.2.3:8080/t/x/1828' });
    const file = JSON.stringify(buildExport([home, office, thread()], new Date()));
    // Added on this browser: the reader's own backup comes back whole.
    const added = parseImport(file, file.length, Date.now(), new Set(['http://forum.lan', 'http://10.1.2.3:8080']));
    expect(added.ok && added.threads.map((t) => t.origin)).toEqual(['http://forum.lan', 'http://10.1.2.3:8080', O]);
    // One of them not added (a new browser): nothing is imported, and the reader is told how.
    const notYet = parseImport(file, file.length, Date.now(), new Set(['http://forum.lan']));
    expect(!notYet.ok && notYet.message).toMatch(
      /^Thread 2: the forum’s address is on this computer or a private network: turn that site on under “Sites” first, then import the file again\. Nothing was imported\.$/,
    );
  });

  it('reads an export from before new-reply checks, treating what it had as already seen', () => {
    const { baselinePostNumber: _b, deletedSeen: _d, ...old } = thread({ highestPostNumber: 12, postCount: 11 });
    const parsed = parseImport(fileOf([old]));
    expect(parsed.ok && parsed.threads[0]).toMatchObject({
      baselinePostNumber: 12,
      deletedSeen: 1,
      check: { checkedAt: null },
    });
  });

  it('takes direction controls out of imported titles', () => {
    const parsed = parseImport(fileOf([thread({ title: 'Fatigue \u202Eafter chemo\u202C, months on' })]));
    expect(parsed.ok && parsed.threads[0].title).toBe('Fatigue after chemo, months on');
  });

  it('rejects a 50 MB file before reading it', () => {
    const parsed = parseImport('{}', 50 * 1024 * 1024);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/too large \(50 MB\)/);
    expect(MAX_IMPORT_BYTES).toBeLessThan(50 * 1024 * 1024);
  });

  it('keeps a script in a title as plain text, which the UI renders as text', () => {
    const parsed = parseImport(fileOf([thread({ title: '<script>alert(1)</script>' })]));
    expect(parsed.ok && parsed.threads[0].title).toBe('<script>alert(1)</script>');
  });

  it('leaves the database untouched when an import fails half-way', async () => {
    await db.threads.put(thread({ note: 'keep me' }));
    const good = thread({ threadId: '2', url: `${O}/t/x/2` });
    // A record the database itself refuses (no key) after a good one: all or nothing.
    const bad = { ...thread({ threadId: '3' }), origin: undefined } as unknown as SavedThread;
    await expect(importThreads(db, [good, bad])).rejects.toThrow();
    expect(await db.threads.count()).toBe(1);
    expect(await db.threads.get([O, '1828'])).toMatchObject({ note: 'keep me' });
  });

  it('writes the import result with thousands separators', () => {
    expect(importReportText('saved.json', { added: 12_345, updated: 1_000, skipped: 23_456 })).toBe(
      'Imported “saved.json”: 12,345 threads added, 1,000 updated, 23,456 already up to date.',
    );
  });
});
