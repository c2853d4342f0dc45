import { describe, expect, it } from 'vitest';
import { newForumState } from '../../../utils/db/forum-state';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { savedThread } from '../saved-thread-fixture';
import { afterFailure, backoffMs, BACKOFF_CAP_MS } from '../../../utils/checks/backoff';
import { planForum, sweepStep } from '../../../utils/checks/plan';

const O = 'https://forum.bloodcancer.org.uk';
const NOW = Date.parse('2026-11-25T12:00:00Z');
const thread = (id: string, check: Partial<SavedThread['check']> = {}): SavedThread =>
  savedThread(id, {
    url: `${O}/t/x/${id}`,
    baselinePostNumber: 1,
    check: { checkedAt: NOW - 900_000, seenInSweep: true, gone: false, lastError: null, ...check },
  });

describe('check plan', () => {
  it('fetches each newly saved topic on its own the first time', () => {
    const plan = planForum(
      O,
      [thread('1', { checkedAt: null, seenInSweep: null }), thread('2', { checkedAt: null, seenInSweep: null })],
      newForumState(O),
      NOW,
    );
    expect(plan).toEqual({
      origin: O,
      waitUntil: null,
      sweepSince: null,
      topicFetches: ['1', '2'],
      pageFetches: [],
      directAll: true,
    });
  });

  it('then sweeps /latest back to the previous sweep instead of asking topic by topic', () => {
    const forum = { ...newForumState(O), lastSweepAt: NOW - 900_000, lastDirectAt: NOW - 3_600_000 };
    const threads = Array.from({ length: 200 }, (_, i) => thread(String(i)));
    expect(planForum(O, threads, forum, NOW)).toEqual({
      origin: O,
      waitUntil: null,
      sweepSince: NOW - 900_000,
      topicFetches: [],
      pageFetches: [],
      directAll: false,
    });
  });

  it('asks about every saved topic directly once a day, what the sweep shows or not', () => {
    // A muted category, or a private one after the sign-in lapsed, is not in the reader's /latest.
    const threads = [thread('1'), thread('2')];
    const yesterday = { ...newForumState(O), lastSweepAt: NOW - 900_000, lastDirectAt: NOW - 25 * 3_600_000 };
    expect(planForum(O, threads, yesterday, NOW)).toMatchObject({
      sweepSince: NOW - 900_000,
      topicFetches: ['1', '2'],
      directAll: true,
    });
    // Records from before have no such date: asked at the next check.
    const { lastDirectAt: _, ...before } = yesterday;
    expect(planForum(O, threads, before, NOW).directAll).toBe(true);
  });

  it('still asks directly about topics the sweep cannot see, and about new ones', () => {
    const forum = { ...newForumState(O), lastSweepAt: NOW - 900_000, lastDirectAt: NOW - 3_600_000 };
    const plan = planForum(
      O,
      [thread('1'), thread('pm', { seenInSweep: false }), thread('new', { checkedAt: null, seenInSweep: null })],
      forum,
      NOW,
    );
    expect(plan.topicFetches).toEqual(['pm', 'new']);
    expect(plan.sweepSince).toBe(NOW - 900_000);
  });

  it('sends nothing while the forum has asked us to wait', () => {
    const forum = { ...newForumState(O), lastSweepAt: NOW - 900_000, nextAttemptAt: NOW + 120_000 };
    expect(planForum(O, [thread('1')], forum, NOW)).toEqual({
      origin: O,
      waitUntil: NOW + 120_000,
      sweepSince: null,
      topicFetches: [],
      pageFetches: [],
    });
    expect(planForum(O, [thread('1')], forum, NOW + 120_000).sweepSince).not.toBeNull();
  });

  it('asks once per thread on engines without a sweep', () => {
    const reddit = { ...thread('1abc'), engine: 'reddit' as const };
    const forum = { ...newForumState(O), lastSweepAt: NOW - 1000, lastDirectAt: NOW - 1000 };
    expect(planForum(O, [reddit, thread('2')], forum, NOW)).toMatchObject({
      pageFetches: ['1abc'],
      topicFetches: [],
    });
  });

  it('stops asking about a thread the forum says is gone', () => {
    expect(planForum(O, [thread('1', { gone: true, checkedAt: null })], newForumState(O), NOW).topicFetches).toEqual(
      [],
    );
  });

  it('pages the sweep only while topics are newer than the last sweep, and says when it was cut short', () => {
    const page = (iso: string, more = true) => ({
      topics: [{ bumped_at: iso }],
      more_topics_url: more ? '/latest?page=1' : null,
    });
    expect(sweepStep(page('2026-11-25T11:59:00Z'), NOW - 900_000, 1)).toBe('next');
    expect(sweepStep(page('2026-11-25T11:00:00Z'), NOW - 900_000, 1)).toBe('complete');
    expect(sweepStep(page('2026-11-25T11:59:00Z', false), NOW - 900_000, 1)).toBe('complete');
    // At the page limit with topics still newer than the last sweep: the rest were not reached.
    expect(sweepStep(page('2026-11-25T11:59:00Z'), NOW - 900_000, 10)).toBe('cut');
  });

  it('takes no pinned topic for where the list has got to: it heads the list whatever its age', () => {
    const first = {
      topics: [
        { bumped_at: '2024-01-01T00:00:00Z', pinned_globally: true },
        { bumped_at: '2025-06-01T00:00:00Z', pinned: true },
        { bumped_at: '2026-11-25T11:59:00Z' },
      ],
      more_topics_url: '/latest?page=1',
    };
    expect(sweepStep(first, NOW - 900_000, 1)).toBe('next');
    expect(sweepStep({ ...first, topics: first.topics.slice(0, 2) }, NOW - 900_000, 1)).toBe('next');
  });
});

describe('backoff', () => {
  const forum = newForumState(O);
  it('obeys Retry-After to the second', () => {
    const next = afterFailure(
      forum,
      { kind: 'rate-limited', retryAfterSeconds: 120, message: 'slow down' },
      NOW,
      () => 0.5,
    );
    expect(next.nextAttemptAt).toBe(NOW + 120_000);
    expect(next.lastError).toBe('asked Threadside to slow down.');
  });

  it('doubles after each server failure, with jitter, up to six hours', () => {
    expect(backoffMs(1, () => 0)).toBe(30_000);
    expect(backoffMs(1, () => 1)).toBe(60_000);
    expect(backoffMs(2, () => 1)).toBe(120_000);
    expect(backoffMs(5, () => 1)).toBe(960_000);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_CAP_MS);
    let f = forum;
    for (let i = 0; i < 3; i++) f = afterFailure(f, { kind: 'server', status: 503, message: 'x' }, NOW, () => 1);
    expect(f.failures).toBe(3);
    expect(f.nextAttemptAt).toBe(NOW + 240_000);
  });
});
