// Registers the manifest's content script on every site the reader grants, and keeps it
// registered across restarts.
import 'webext-dynamic-content-scripts';
import addPermissionToggle from 'webext-permission-toggle';
import { liveQuery } from 'dexie';
import { RAW_GLOSSARY } from '../utils/glossary/data';
import { badgeText, threadsWithMoreReplies } from '../utils/badge';
import { runCheck } from '../utils/checks/run-check';
import { getDb } from '../utils/browser/db';
import {
  isRequest,
  THREAD_POSTS_PROGRESS,
  SITES_DISABLED,
  TOGGLE_SAVE,
  type CheckSummary,
  type Request,
  type ThreadPostsResult,
} from '../utils/browser/messages';
import { createDiscourseClient } from '../utils/forums/discourse-api';
import { createPoliteFetch } from '../utils/forums/polite-fetch';
import { fetchDiscourseThread } from '../utils/summary/fetch-thread';
import { checkIntervalSetting, clampInterval, notificationsSetting } from '../utils/browser/settings';
import { firstNewPostNumber, newReplies, type SavedThread } from '../utils/db/saved-thread';
import { getThread, recordVisit, removeThread, saveThread } from '../utils/db/threads-repo';
import { firstUnreadUrl } from '../utils/saved-list';
import { sitesGranted } from '../utils/browser/site-access';

const ALARM = 'threadside-check';
let running: Promise<CheckSummary> | null = null;

/** One check at a time; a second request while one runs gets the same result. */
function checkNow(): Promise<CheckSummary> {
  running ??= (async () => {
    const db = getDb();
    try {
      const before = await db.threads.toArray();
      const report = await runCheck({
        db,
        fetch: (input, init) => fetch(input, init),
        now: Date.now,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        random: Math.random,
      });
      const after = await db.threads.toArray();
      await updateBadge(after);
      await notify(threadsWithMoreReplies(before, after));
      return {
        requests: report.requests,
        newReplies: after.reduce((n, t) => n + newReplies(t), 0),
        problems: report.failures.map((f) => f.error.message),
      };
    } finally {
      running = null;
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
  for (const t of threads) {
    const n = newReplies(t);
    await browser.notifications.create(`threadside:${t.origin} ${t.threadId}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t.title,
      message: `${n} new ${n === 1 ? 'reply' : 'replies'}`,
    });
  }
}

async function openFromNotification(id: string) {
  if (!id.startsWith('threadside:')) return;
  const [origin, threadId] = id.slice('threadside:'.length).split(' ');
  const t = await getThread(getDb(), [origin, threadId]);
  if (!t) return;
  const first = firstNewPostNumber(t);
  await browser.tabs.create({ url: first ? `${t.url.replace(/\/$/, '')}/${first}` : firstUnreadUrl(t) });
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
 * The whole thread for a summary, through the forum's JSON API (validated here, so the
 * content script stays small). Post HTML goes back as is: the page turns it into text,
 * since a service worker has no HTML parser.
 */
async function threadPosts(origin: string, threadId: string, tabId: number | undefined): Promise<ThreadPostsResult> {
  // A forum that told the checker to wait is not asked for a whole thread either.
  const forum = await getDb().forums.get(origin);
  if (forum && forum.nextAttemptAt > Date.now()) {
    const minutes = Math.max(1, Math.ceil((forum.nextAttemptAt - Date.now()) / 60_000));
    return {
      ok: false,
      message: `The forum asked Threadside to wait. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
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
  const res = await fetchDiscourseThread(
    client,
    threadId,
    (html) => html,
    (read, total) => {
      if (tabId !== undefined)
        void browser.tabs
          .sendMessage(tabId, { type: THREAD_POSTS_PROGRESS, origin, threadId, read, total })
          .catch(() => undefined);
    },
  );
  return res.ok
    ? { ok: true, thread: res.thread, highestPostNumber: res.highestPostNumber }
    : { ok: false, message: res.error.message };
}

async function handle(request: Request, tabId: number | undefined) {
  const db = getDb();
  switch (request.type) {
    case 'threadside:glossary':
      return RAW_GLOSSARY;
    case 'threadside:saved-state':
      return (await getThread(db, [request.origin, request.threadId])) ?? null;
    case 'threadside:save':
      return saveThread(db, request.snapshot, Date.now());
    case 'threadside:unsave':
      await removeThread(db, [request.origin, request.threadId]);
      return null;
    case 'threadside:visit':
      return (await recordVisit(db, request.snapshot, Date.now())) ?? null;
    case 'threadside:check-now':
      return checkNow();
    case 'threadside:summary-get': {
      const cached = await db.summaries.get([request.origin, request.threadId]);
      return cached && cached.highestPostNumber === request.highestPostNumber ? cached : null;
    }
    case 'threadside:summary-put':
      await db.summaries.put(request.entry);
      return null;
    case 'threadside:thread-posts':
      return threadPosts(request.origin, request.threadId, tabId);
  }
}

export default defineBackground(() => {
  // "Enable Threadside on this domain" in the toolbar button's menu (asks the browser first).
  addPermissionToggle({ title: 'Enable Threadside on this site' });

  browser.runtime.onMessage.addListener((message, sender) =>
    isRequest(message) ? handle(message, sender.tab?.id) : undefined,
  );

  // Turning a site off (popup, options page or toolbar menu) takes Threadside off its open
  // tabs too, not only future ones. Each tab's script decides whether it is on such a site:
  // the background can no longer read those tabs' addresses.
  browser.permissions.onRemoved.addListener(async ({ origins }) => {
    if (!origins?.length) return;
    for (const tab of await browser.tabs.query({}))
      if (tab.id !== undefined)
        await browser.tabs.sendMessage(tab.id, { type: SITES_DISABLED, origins }).catch(() => undefined);
  });

  // The keyboard shortcut acts on the thread in the active tab.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-save') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: TOGGLE_SAVE }).catch(() => undefined);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void checkNow();
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
    if (origins?.length) void sitesGranted(origins);
  });
});
