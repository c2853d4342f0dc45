// Registers the manifest's content script on every site the reader grants, and keeps it
// registered across restarts.
import 'webext-dynamic-content-scripts';
import addPermissionToggle from 'webext-permission-toggle';
import { liveQuery } from 'dexie';
import { loadGlossary } from '../utils/glossary/load';
import { compileMatcher, matcherFrom, type Matcher } from '../utils/glossary/matcher';
import { readMatcherFiles } from '../utils/browser/glossary-files';
import { badgeText, threadsWithMoreReplies } from '../utils/badge';
import { runCheck } from '../utils/checks/run-check';
import { checkStatusItem, type CheckStatus } from '../utils/browser/check-status';
import { getDb } from '../utils/browser/db';
import { SUMMARY_FORMAT } from '../utils/db/database';
import { pruneSummaries, putSummary } from '../utils/db/summary-cache';
import { createSummariser } from '../utils/summary/summaries';
import { checkSummaryRequest } from '../utils/summary/input';
import { shortcutOf } from '../utils/browser/shortcuts';
import { keepRemoved, takeRemoved } from '../utils/browser/removed-threads';
import {
  answerBackgroundMessages,
  tellTab,
  type BackgroundHandlers,
  type PageSender,
  type CheckSummary,
  type ThreadPostsResult,
} from '../utils/browser/messages';
import { createDiscourseClient } from '../utils/forums/discourse-api';
import { createPoliteFetch } from '../utils/forums/polite-fetch';
import { fetchDiscourseThread } from '../utils/summary/fetch-thread';
import type { DiscoursePost } from '../utils/forums/discourse-schemas';
import {
  checkIntervalSetting,
  clampInterval,
  knownForumsOffSetting,
  turnedOffSitesSetting,
  notificationsSetting,
  notificationTitlesSetting,
} from '../utils/browser/settings';
import { ALL_NEW_REPLIES, notificationsFor } from '../utils/notifications';
import type { SavedThread } from '../utils/db/saved-thread';
import { getThread, markRead, recordVisit, removeThread, saveThread } from '../utils/db/threads-repo';
import { openThread } from '../utils/browser/open-thread';
import { expectLanding, takeLanding } from '../utils/browser/landings';
import { runsOnSite, sitesGranted, siteState } from '../utils/browser/site-access';
import { checkSnapshot, postNumber } from '../utils/db/thread-bounds';
import { duration } from '../utils/words';
import { fetchText } from '../utils/forums/fetch-text';
import { isThreadAddress } from '../utils/forums/registry';
import { addExplainMenu, EXPLAIN_MENU } from '../utils/browser/explain-menu';
import { lookUp } from '../utils/glossary/lookup';
import type { EngineId } from '../utils/forums/adapter';

const ALARM = 'threadside-check';
let running: Promise<CheckSummary> | null = null;
let stopRunning: AbortController | null = null;

/**
 * One check at a time; a second request while one runs gets the same result. The reader's
 * Check now asks forums still waiting after a failure (a Retry-After is obeyed all the same).
 * Progress and the outcome go to session storage, for the popup however often it is reopened;
 * writing them also keeps the worker awake through a check of thousands of threads.
 */
function checkNow(readerAsked = false): Promise<CheckSummary> {
  running ??= (async () => {
    const db = getDb();
    const stop = (stopRunning = new AbortController());
    const startedAt = Date.now();
    let lastWrite = 0;
    // Every status write in order, each of the whole status: a late progress write must
    // never land after the outcome (the popup would show a check running for ever).
    const previous = (await checkStatusItem.getValue()).last;
    let writes = Promise.resolve();
    const write = (status: CheckStatus) =>
      (writes = writes.then(() => checkStatusItem.setValue(status)).catch(() => undefined));
    try {
      const before = await db.threads.toArray();
      const report = await runCheck({
        db,
        fetch: (input, init) => fetch(input, init),
        now: Date.now,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        random: Math.random,
        readerAsked,
        access: siteState,
        signal: stop.signal,
        onProgress: (done, total) => {
          // At most once a second: a long check writes a few thousand times, not tens of thousands.
          if (done > 0 && done < total && Date.now() - lastWrite < 1000) return;
          lastWrite = Date.now();
          void write({ last: previous, progress: { done, total, startedAt } });
        },
      });
      const after = await db.threads.toArray();
      await updateBadge(after);
      await notify(threadsWithMoreReplies(before, after));
      const summary: CheckSummary = { forums: report.forums, stopped: stop.signal.aborted };
      await write({
        progress: null,
        last: { forums: report.forums, finishedAt: Date.now(), stopped: summary.stopped },
      });
      return summary;
    } catch (e) {
      await write({ last: previous, progress: null });
      throw e;
    } finally {
      running = null;
      stopRunning = null;
    }
  })();
  return running;
}

async function updateBadge(threads?: SavedThread[]) {
  const text = badgeText(threads ?? (await getDb().threads.toArray()));
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: '#0f6e6a' });
}

async function notify(threads: SavedThread[]) {
  if (threads.length === 0 || !(await notificationsSetting.getValue())) return;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  for (const n of notificationsFor(threads, await notificationTitlesSetting.getValue()))
    await browser.notifications.create(n.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: n.title,
      message: n.message,
    });
}

/** A click on a notification opens the thread it was about; sync, as the listener must be. */
function openFromNotification(id: string) {
  void openThreadOf(id);
}

async function openThreadOf(id: string) {
  if (id === ALL_NEW_REPLIES) {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    await browser.notifications.clear(id);
    return;
  }
  if (!id.startsWith('threadside:')) return;
  const [origin, threadId] = id.slice('threadside:'.length).split(' ');
  const t = await getThread(getDb(), [origin, threadId]);
  if (!t) return;
  await openThread(t);
  await browser.notifications.clear(id);
}

async function scheduleChecks() {
  const minutes = clampInterval(await checkIntervalSetting.getValue());
  const existing = await browser.alarms.get(ALARM);
  if (existing?.periodInMinutes !== minutes)
    await browser.alarms.create(ALARM, { periodInMinutes: minutes, delayInMinutes: 1 });
}

/** Gap between a summary's requests: one at a time, well under Discourse's rate limits. */
const SUMMARY_GAP_MS = 250;

/**
 * Posts read for a summary whose reading stopped on a fault: the next try (the reader's
 * "Try again", or opening the panel again) asks only for the rest. A few threads, in memory.
 */
const partialReads = new Map<string, Map<number, DiscoursePost>>();
const PARTIAL_READS_KEPT = 5;

/**
 * The whole thread for a summary, through the forum's JSON API (validated here, so the
 * content script stays small). Post HTML goes back as is: the page turns it into text,
 * since a service worker has no HTML parser.
 */
async function threadPosts(origin: string, threadId: string, tabId: number | undefined): Promise<ThreadPostsResult> {
  // A forum that told the checker to wait is not asked for a whole thread either.
  const forum = await getDb().forums.get(origin);
  const key = `${origin} ${threadId}`;
  const known = partialReads.get(key);
  if (forum && forum.nextAttemptAt > Date.now()) {
    const seconds = (forum.nextAttemptAt - Date.now()) / 1000;
    return {
      ok: false,
      message: `The forum asked Threadside to wait. Try again in ${duration(seconds)}.`,
      read: known?.size ?? 0,
    };
  }
  const client = createDiscourseClient({
    origin,
    fetch: createPoliteFetch({
      fetch: (input, init) => fetch(input, init),
      gapMs: SUMMARY_GAP_MS,
      now: Date.now,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    }),
  });
  let progress = { read: known?.size ?? 0, total: 0 };
  const tell = (retryIn?: number) => {
    if (tabId !== undefined) void tellTab(tabId, 'threadPostsProgress', { threadId, ...progress, retryIn });
  };
  const res = await fetchDiscourseThread(
    client,
    threadId,
    (html) => html,
    (read, total) => {
      progress = { read, total };
      tell();
    },
    { known, onRetry: (seconds) => tell(seconds) },
  );
  partialReads.delete(key);
  if (res.ok) return { ok: true, thread: res.thread, highestPostNumber: res.highestPostNumber };
  if (res.read.size) {
    partialReads.set(key, res.read);
    for (const old of partialReads.keys()) if (partialReads.size > PARTIAL_READS_KEPT) partialReads.delete(old);
  }
  return { ok: false, message: res.error.message, read: res.read.size };
}

/**
 * Page 1 of a thread on the sender's own forum, for a summary read on a later page: one
 * request, and none while the forum has asked Threadside to wait.
 */
async function firstPage(origin: string, engine: EngineId, threadId: string, url: string) {
  if (!isThreadAddress(engine, origin, threadId, url))
    return { ok: false as const, message: 'That is not an address of this thread.' };
  const forum = await getDb().forums.get(origin);
  if (forum && forum.nextAttemptAt > Date.now())
    return { ok: false as const, message: 'The forum asked Threadside to wait.' };
  const res = await fetchText(url, { fetch: (i, init) => fetch(i, init), expects: 'html', now: Date.now });
  return res.ok ? { ok: true as const, html: res.data } : { ok: false as const, message: res.error.message };
}

/**
 * The matcher, compiled when the extension is built (wxt.config.ts writes the glossary's
 * files) and read once per service-worker life: compiling 1,000 entries here took most of a
 * second, during which every page's messages waited. Compiled here only if the files are
 * missing or not what this code reads.
 */
let ready: Matcher | null = null;
let matcherRead: Promise<Matcher> | null = null;
const matcherReady = () =>
  (matcherRead ??= readMatcherFiles().then(
    (compiled) => (ready = matcherFrom(compiled ?? compileMatcher(loadGlossary().entries))),
  ));
const summaries = createSummariser(loadGlossary, () => ready);

/** A page's report of its thread, checked against the page it came from before it is stored. */
function pageSnapshot(snapshot: unknown, page: PageSender) {
  const checked = checkSnapshot(snapshot, page.origin, Date.now());
  if (!checked.ok) throw new Error(checked.message);
  return checked.snapshot;
}

/**
 * A part of the page's script kept out of what every forum page compiles at start (the
 * glossary, the summary panel, other engines' readers), put into the asking frame's content-script world.
 */
async function injectPart(page: PageSender, file: '/summary-panel.js' | '/glossary-part.js' | '/forum-readers.js') {
  await browser.scripting.executeScript({ target: { tabId: page.tabId, frameIds: [page.frameId] }, files: [file] });
  return null;
}

/** What each message to the background does (the maps in messages.ts say which exist). */
const handlers: BackgroundHandlers = {
  page: {
    explain: async ({ selected, context, thread }) => {
      await matcherReady();
      const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
      return lookUp(ready!, text(selected, 2000), text(context, 100_000), text(thread, 500));
    },
    savedState: async ({ threadId }, page) => {
      const [thread, saveKey] = await Promise.all([
        getThread(getDb(), [page.origin, threadId]),
        shortcutOf('toggle-save').catch(() => null),
      ]);
      return { thread: thread ?? null, saveKey };
    },
    save: async ({ snapshot }, page) => {
      const snap = pageSnapshot(snapshot, page);
      const unsaved = await takeRemoved([snap.origin, snap.threadId]).catch(() => undefined);
      return saveThread(getDb(), snap, Date.now(), unsaved);
    },
    unsave: async ({ threadId }, page) => {
      const removed = await removeThread(getDb(), [page.origin, threadId]);
      // Best effort: the thread is unsaved either way.
      if (removed) await keepRemoved(removed).catch(() => undefined);
      return null;
    },
    markRead: async ({ threadId }, page) => {
      await markRead(getDb(), [page.origin, String(threadId)]);
      return null;
    },
    visit: async ({ snapshot }, page) => (await recordVisit(getDb(), pageSnapshot(snapshot, page), Date.now())) ?? null,
    cachedSummary: async ({ threadId, highestPostNumber, firstNew }, page) => {
      await matcherReady();
      const cached = await getDb().summaries.get([page.origin, threadId]);
      if (cached?.format !== SUMMARY_FORMAT || cached.highestPostNumber !== highestPostNumber) return null;
      return { whole: cached.summary, since: summaries.since(cached.thread, firstNew) };
    },
    summarise: async (request, page) => {
      await matcherReady();
      const { threadId, highestPostNumber, firstNew, thread, partial } = checkSummaryRequest(request);
      const whole = summaries.whole(thread);
      const entry = { origin: page.origin, threadId, highestPostNumber, thread, summary: whole, createdAt: Date.now() };
      // Not kept in place of the whole thread's: the next open tries the whole thread again.
      // Kept only to be quicker next time: a browser that cannot store it (a full disk)
      // still shows the summary it has made.
      if (!partial) await putSummary(getDb(), entry).catch(() => undefined);
      return { whole, since: summaries.since(thread, firstNew) };
    },
    threadPosts: ({ threadId }, page) => threadPosts(page.origin, threadId, page.tabId),
    summaryPanel: (_, page) => injectPart(page, '/summary-panel.js'),
    glossaryPart: (_, page) => injectPart(page, '/glossary-part.js'),
    forumReaders: (_, page) => injectPart(page, '/forum-readers.js'),
    firstPage: ({ engine, threadId, url }, page) => firstPage(page.origin, engine, threadId, url),
    landing: ({ threadId }, page) => takeLanding(page.tabId, page.origin, threadId),
    landAt: async ({ threadId, post }, page) => {
      await expectLanding({ tabId: page.tabId, origin: page.origin, threadId, post: postNumber.min(1).parse(post) });
      return null;
    },
  },
  extension: {
    checkNow: () => checkNow(true),
    stopCheck: () => {
      stopRunning?.abort();
      return null;
    },
    openThread: async ({ origin, threadId }) => {
      const t = await getThread(getDb(), [String(origin), String(threadId)]);
      if (t) await openThread(t);
      return null;
    },
  },
  runsOn: (origin) => runsOnSite(origin),
};

export default defineBackground(() => {
  // "Enable Threadside on this domain" in the toolbar button's menu (asks the browser first).
  addPermissionToggle({ title: 'Enable Threadside on this site' });

  answerBackgroundMessages(handlers);
  // A worker that stopped mid-check left its progress behind: no check runs now.
  void checkStatusItem.getValue().then((s) => s.progress && checkStatusItem.setValue({ ...s, progress: null }));

  // Turning a site off (popup, options page or toolbar menu) takes Threadside off its open
  // tabs too, not only future ones. Each tab's script decides whether it is on such a site:
  // the background can no longer read those tabs' addresses.
  const tellSitesDisabled = async (origins: string[]) => {
    for (const tab of await browser.tabs.query({}))
      if (tab.id !== undefined) await tellTab(tab.id, 'sitesDisabled', { origins });
  };
  browser.permissions.onRemoved.addListener(({ origins }) => {
    if (origins?.length) void addExplainMenu();
    if (origins?.length) void tellSitesDisabled(origins);
  });
  // A known forum turned off keeps its access (it came with the install): the list says so.
  knownForumsOffSetting.watch((now, before) => {
    const newlyOff = now.filter((host) => !(before ?? []).includes(host));
    if (newlyOff.length) void tellSitesDisabled(newlyOff.map((host) => `*://${host}/*`));
    void addExplainMenu();
  });
  // A site turned off, or on again, keeps its access: the menu follows it.
  turnedOffSitesSetting.watch(() => void addExplainMenu());

  // The keyboard shortcut acts on the thread in the active tab.
  const toggleSaveInActiveTab = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await tellTab(tab.id, 'toggleSave');
  };
  const explainInActiveTab = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await tellTab(tab.id, 'explainSelection');
  };
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-save') void toggleSaveInActiveTab();
    if (command === 'explain-selection') void explainInActiveTab();
  });
  void addExplainMenu();
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === EXPLAIN_MENU && tab?.id !== undefined) void tellTab(tab.id, 'explainSelection');
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void checkNow();
    void pruneSummaries(getDb(), Date.now());
  });
  checkIntervalSetting.watch(() => void scheduleChecks());
  void scheduleChecks();

  // The badge follows every change to saved threads, whoever made it (page, popup, check).
  liveQuery(() => getDb().threads.toArray()).subscribe({ next: (threads) => void updateBadge(threads) });

  // The notifications API exists only once the reader has granted it (optional permission).
  const listenToNotifications = () => {
    if (!browser.notifications || browser.notifications.onClicked.hasListener(openFromNotification)) return;
    browser.notifications.onClicked.addListener(openFromNotification);
  };
  listenToNotifications();
  browser.permissions.onAdded.addListener(({ origins }) => {
    listenToNotifications();
    if (origins?.length) void addExplainMenu();
    if (origins?.length) void sitesGranted(origins);
  });
});
