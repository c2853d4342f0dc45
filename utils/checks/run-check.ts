import type { ThreadsideDb } from '../db/database';
import { newForumState, type ForumState } from '../db/forum-state';
import { keyOf, newReplies, type SavedThread } from '../db/saved-thread';
import { forumReason, type ForumOutcome } from './outcome';
import { createDiscourseClient } from '../forums/discourse-api';
import type { FetchError, FetchResult } from '../forums/http-errors';
import { createPoliteFetch } from '../forums/polite-fetch';
import { fetchText } from '../forums/fetch-text';
import { errorMessages } from '../forums/http-errors';
import { countSource } from './engine-counts';
import { isThreadAddress } from '../forums/registry';
import { applyCounts, markGone, markSweptQuiet, markUnreadable, type TopicCounts } from './apply';
import { afterFailure, afterSuccess, MIN_GAP_MS } from './backoff';
import { forumsOf, planForum, sweepStep, type ForumPlan } from './plan';

/**
 * One check of every saved thread: per forum, the plan's requests one at a time, at least
 * a second apart. A failure stops requests to that forum for this check, is recorded (when
 * to try again, and why) and changes no count or read position.
 */
export interface CheckDeps {
  db: ThreadsideDb;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** The reader pressed Check now: a forum in its backoff wait is asked (a Retry-After is still obeyed). */
  readerAsked?: boolean;
  /** Whether Threadside may ask this forum at all; one it may not is reported, never requested. */
  access?: (origin: string) => Promise<'yes' | 'no-access' | 'turned-off'>;
  /** Requests made so far and (at least) how many the check will make. */
  onProgress?: (done: number, total: number) => void;
  /** The reader stopped the check: no further request is made. */
  signal?: AbortSignal;
}

export interface CheckReport {
  requests: number;
  /** Threads whose counts the forum updated. */
  updated: SavedThread[];
  failures: Array<{ origin: string; error: FetchError }>;
  /** What happened to each forum, in the order they were taken. */
  forums: ForumOutcome[];
}

export const NOT_A_THREAD_ADDRESS =
  'This saved thread’s address is not a thread on its forum, so Threadside does not ask for it.';

/** Re-read the stored record and change it inside one transaction: reading never races a check. */
async function update(db: ThreadsideDb, t: SavedThread, change: (current: SavedThread) => SavedThread) {
  return db.transaction('rw', db.threads, async () => {
    const current = await db.threads.get(keyOf(t));
    if (!current) return null; // removed while we were asking
    const next = change(current);
    await db.threads.put(next);
    return next;
  });
}

export async function runCheck(deps: CheckDeps): Promise<CheckReport> {
  const { db, now } = deps;
  const report: CheckReport = { requests: 0, updated: [], failures: [], forums: [] };
  const threads: SavedThread[] = [];
  // Checked again before every request, whatever stored it: only the forum's own thread
  // addresses are ever asked.
  for (const t of await db.threads.toArray()) {
    if (isThreadAddress(t.engine, t.origin, t.threadId, t.url)) threads.push(t);
    else if (t.check.lastError !== NOT_A_THREAD_ADDRESS)
      await update(db, t, (cur) => ({ ...cur, check: { ...cur.check, lastError: NOT_A_THREAD_ADDRESS } }));
  }

  // Every forum's plan first, so a long check can say how far it has got.
  const plans: Array<{ origin: string; forum: ForumState; plan: ForumPlan | null }> = [];
  for (const origin of forumsOf(threads)) {
    const forum = (await db.forums.get(origin)) ?? newForumState(origin);
    const access = deps.access ? await deps.access(origin) : 'yes';
    if (access !== 'yes') {
      report.forums.push({ origin, kind: access });
      plans.push({ origin, forum, plan: null });
      continue;
    }
    plans.push({ origin, forum, plan: planForum(origin, threads, forum, now(), deps.readerAsked) });
  }
  let total = plans.reduce(
    (n, { plan: p }) =>
      n +
      (p && p.waitUntil === null ? (p.sweepSince !== null ? 1 : 0) + p.topicFetches.length + p.pageFetches.length : 0),
    0,
  );
  const stopped = () => deps.signal?.aborted === true;
  deps.onProgress?.(0, total);

  for (const { origin, plan, forum: stored } of plans) {
    if (!plan) continue;
    let forum = stored;
    const threadsHere = threads.filter((t) => t.origin === origin && !t.check.gone).length;
    const overrodeWait = now() < stored.nextAttemptAt && plan.waitUntil === null;
    if (plan.waitUntil !== null) {
      report.forums.push({
        origin,
        kind: 'waiting',
        until: plan.waitUntil,
        rateLimited: stored.lastErrorKind === 'rate-limited',
      });
      continue;
    }
    if (stopped()) {
      report.forums.push({ origin, kind: 'stopped' });
      continue;
    }
    // Nothing to ask (every thread saved there is gone from the forum): not reported as checked.
    if (plan.sweepSince === null && plan.topicFetches.length === 0 && plan.pageFetches.length === 0) continue;

    // A 429 is not waited out here: it is recorded, and the plan keeps away until then.
    const pacedFetch = createPoliteFetch({
      fetch: (input, init) => {
        report.requests++;
        total = Math.max(total, report.requests);
        deps.onProgress?.(report.requests, total);
        return deps.fetch(input, init);
      },
      gapMs: MIN_GAP_MS,
      now,
      sleep: deps.sleep,
      maxRetries: 0,
    });
    const client = createDiscourseClient({ origin, fetch: pacedFetch, now });
    const byId = new Map(threads.filter((t) => t.origin === origin).map((t) => [t.threadId, t]));
    let failed: FetchError | null = null;
    let interrupted = false;

    // Saved topics a sweep cut short at its page limit did not reach: asked one by one.
    const unreached: string[] = [];
    if (plan.sweepSince !== null) {
      const sweepStartedAt = now();
      const seen = new Set<string>();
      let step: ReturnType<typeof sweepStep> = 'next';
      for (let page = 0; ; page++) {
        if (page > 0 && stopped()) {
          interrupted = true;
          break;
        }
        const res = await client.getLatest({ page });
        if (!res.ok) {
          failed = res.error;
          break;
        }
        for (const topic of res.data.topic_list.topics) {
          const t = byId.get(String(topic.id));
          if (!t) continue;
          seen.add(t.threadId);
          const next = await update(db, t, (cur) => applyCounts(cur, topic, now(), true));
          if (next) report.updated.push(next);
        }
        if ((step = sweepStep(res.data.topic_list, plan.sweepSince, page + 1)) !== 'next') break;
      }
      if (!failed && !interrupted) {
        for (const t of byId.values())
          if (t.check.seenInSweep === true && !t.check.gone && !seen.has(t.threadId)) {
            if (step === 'cut') unreached.push(t.threadId);
            else await update(db, t, (cur) => markSweptQuiet(cur, now()));
          }
        forum = { ...forum, lastSweepAt: sweepStartedAt };
      }
    } else if (forum.lastSweepAt === null) {
      // The first sweep would have nothing to stop at: start its clock now.
      forum = { ...forum, lastSweepAt: now() };
    }

    // One thread's answer: counts in, a 404 marks it gone, a thread moved or a page that
    // states no count is said on that thread (the forum answered: its other threads go on,
    // unless none of them could be read), any other failure stops this forum.
    let threadsRead = 0;
    let unreadable: FetchError | null = null;
    const settle = async (t: SavedThread, res: FetchResult<TopicCounts & { listed?: boolean }>) => {
      if (res.ok) {
        threadsRead++;
        const next = await update(db, t, (cur) => applyCounts(cur, res.data, now(), res.data.listed ?? null));
        if (next) report.updated.push(next);
        return null;
      }
      if (res.error.kind === 'not-found') {
        threadsRead++;
        await update(db, t, (cur) => markGone(cur, res.error.message, now()));
        return null;
      }
      if (res.error.kind === 'moved' || res.error.kind === 'malformed') {
        unreadable = res.error;
        await update(db, t, (cur) => markUnreadable(cur, res.error.message, now()));
        return null;
      }
      return res.error;
    };

    for (const id of failed ? [] : [...plan.topicFetches, ...unreached]) {
      if ((interrupted ||= stopped())) break;
      const res = await client.getTopic(id);
      const { archetype, visible } = (res.ok ? res.data : {}) as { archetype?: unknown; visible?: unknown };
      const listed = (archetype === undefined || archetype === 'regular') && visible !== false;
      if ((failed = await settle(byId.get(id)!, res.ok ? { ok: true, data: { ...res.data, listed } } : res))) break;
    }

    for (const id of failed ? [] : plan.pageFetches) {
      if ((interrupted ||= stopped())) break;
      const t = byId.get(id)!;
      const source = countSource(t);
      if (!source) continue;
      const res = await fetchText(source.url, { fetch: pacedFetch, expects: source.expects, now });
      const c = res.ok ? source.parse(res.data) : null;
      const counted: FetchResult<TopicCounts> = !res.ok
        ? res
        : c
          ? { ok: true, data: { posts_count: c.postCount, highest_post_number: c.highestPostNumber } }
          : {
              ok: false,
              error: {
                kind: 'malformed',
                detail: `no reply count in ${source.url}`,
                message: errorMessages.malformed(source.url),
              },
            };
      if ((failed = await settle(t, counted))) break;
    }

    // Every thread asked was unreadable (a sign-in or maintenance page for all of them, say):
    // the forum's problem, with its backoff, not each thread's.
    if (!failed && !interrupted && unreadable && threadsRead === 0 && plan.sweepSince === null) failed = unreadable;
    if (failed) {
      forum = afterFailure(forum, failed, now(), deps.random);
      report.failures.push({ origin, error: failed });
      report.forums.push({
        origin,
        kind: 'failed',
        error: failed.kind,
        reason: forumReason(failed),
        nextTry: forum.nextAttemptAt,
        overrodeWait,
      });
    } else if (interrupted) {
      report.forums.push({ origin, kind: 'stopped' });
    } else {
      forum = afterSuccess(forum);
      if (plan.directAll) forum = { ...forum, lastDirectAt: now() };
      const after = await db.threads.where('origin').equals(origin).toArray();
      report.forums.push({
        origin,
        kind: 'checked',
        threads: threadsHere,
        newReplies: after.reduce((n, t) => n + newReplies(t), 0),
        overrodeWait,
      });
    }
    await db.forums.put(forum);
  }
  return report;
}
