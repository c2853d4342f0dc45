import type { ThreadsideDb } from '../db/database';
import { newForumState, type ForumState } from '../db/forum-state';
import { keyOf, type SavedThread } from '../db/saved-thread';
import { createDiscourseClient } from '../forums/discourse-api';
import type { FetchError, FetchResult } from '../forums/http-errors';
import { createPoliteFetch } from '../forums/polite-fetch';
import { fetchText } from '../forums/fetch-text';
import { errorMessages } from '../forums/http-errors';
import { countSource } from './engine-counts';
import { isThreadAddress } from '../forums/registry';
import { applyCounts, markGone, markSweptQuiet, type TopicCounts } from './apply';
import { afterFailure, afterSuccess, MIN_GAP_MS } from './backoff';
import { forumsOf, planForum, sweepContinues } from './plan';

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
}

export interface CheckReport {
  requests: number;
  /** Threads whose counts the forum updated. */
  updated: SavedThread[];
  /** Forums skipped because they asked us to wait, with until when. */
  waiting: Array<{ origin: string; until: number }>;
  failures: Array<{ origin: string; error: FetchError }>;
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
  const report: CheckReport = { requests: 0, updated: [], waiting: [], failures: [] };
  const threads: SavedThread[] = [];
  // Checked again before every request, whatever stored it: only the forum's own thread
  // addresses are ever asked.
  for (const t of await db.threads.toArray()) {
    if (isThreadAddress(t.engine, t.origin, t.threadId, t.url)) threads.push(t);
    else if (t.check.lastError !== NOT_A_THREAD_ADDRESS)
      await update(db, t, (cur) => ({ ...cur, check: { ...cur.check, lastError: NOT_A_THREAD_ADDRESS } }));
  }

  for (const origin of forumsOf(threads)) {
    let forum: ForumState = (await db.forums.get(origin)) ?? newForumState(origin);
    const plan = planForum(origin, threads, forum, now());
    if (plan.waitUntil !== null) {
      report.waiting.push({ origin, until: plan.waitUntil });
      continue;
    }
    if (plan.sweepSince === null && plan.topicFetches.length === 0 && plan.pageFetches.length === 0) continue;

    // A 429 is not waited out here: it is recorded, and the plan keeps away until then.
    const pacedFetch = createPoliteFetch({
      fetch: (input, init) => {
        report.requests++;
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

    if (plan.sweepSince !== null) {
      const sweepStartedAt = now();
      const seen = new Set<string>();
      for (let page = 0; ; page++) {
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
        if (!sweepContinues(res.data.topic_list, plan.sweepSince, page + 1)) break;
      }
      if (!failed) {
        for (const t of byId.values())
          if (t.check.seenInSweep === true && !t.check.gone && !seen.has(t.threadId))
            await update(db, t, (cur) => markSweptQuiet(cur, now()));
        forum = { ...forum, lastSweepAt: sweepStartedAt };
      }
    } else if (forum.lastSweepAt === null) {
      // The first sweep would have nothing to stop at: start its clock now.
      forum = { ...forum, lastSweepAt: now() };
    }

    // One thread's answer: counts in, a 404 marks it gone, any other failure stops this forum.
    const settle = async (t: SavedThread, res: FetchResult<TopicCounts & { listed?: boolean }>) => {
      if (res.ok) {
        const next = await update(db, t, (cur) => applyCounts(cur, res.data, now(), res.data.listed ?? null));
        if (next) report.updated.push(next);
        return null;
      }
      if (res.error.kind === 'not-found') {
        await update(db, t, (cur) => markGone(cur, res.error.message, now()));
        return null;
      }
      return res.error;
    };

    for (const id of failed ? [] : plan.topicFetches) {
      const res = await client.getTopic(id);
      const { archetype, visible } = (res.ok ? res.data : {}) as { archetype?: unknown; visible?: unknown };
      const listed = (archetype === undefined || archetype === 'regular') && visible !== false;
      if ((failed = await settle(byId.get(id)!, res.ok ? { ok: true, data: { ...res.data, listed } } : res))) break;
    }

    for (const id of failed ? [] : plan.pageFetches) {
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

    if (failed) {
      forum = afterFailure(forum, failed, now(), deps.random);
      report.failures.push({ origin, error: failed });
    } else forum = afterSuccess(forum);
    await db.forums.put(forum);
  }
  return report;
}
