import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForum, type ForumLab } from '../forum-lab/server';
import { startVirtualDisplay, type VirtualDisplay } from './desktop';
import { poll } from './harness';
import { checkNowIn } from './popup-check';
import { launchReader, type Reader, type ReaderTab } from './reader';

/**
 * New-reply notifications in Firefox ESR, where the background is an event page and the
 * permission is Firefox's own: turned on in the options page (Firefox's prompt granted, as
 * in firefox-sites.e2e.test.ts), a saved thread's replies announced by the next check, by
 * count alone, then with the thread's title once the reader allows titles, and a real click
 * on the notification on screen opening the thread at its first new reply. Firefox runs
 * with a window on a private display, showing its own notifications there (headless, or
 * with no notification service on the desktop, it closes each one at once). Chromium's
 * prompt and clicks: shortcuts-and-notifications.e2e.test.ts.
 */
const THREAD_ID = 1828;
const THREAD = `/t/what-is-car-t-therapy/${THREAD_ID}`;

describe('a reader in firefox turns on notifications', () => {
  let forum: ForumLab;
  let reader: Reader;
  let display: VirtualDisplay;
  beforeAll(async () => {
    forum = await startForum({ port: 0 });
    display = await startVirtualDisplay();
    reader = await launchReader('firefox', {
      grantSiteRequests: true,
      env: display.env,
      // Its own notifications, drawn in place at once (not slid in).
      prefs: { 'alerts.useSystemBackend': false, 'alerts.disableSlidingEffect': true },
    });
  }, 60_000);
  afterAll(async () => {
    await reader?.close();
    await display?.close();
    await forum?.close();
  });

  const checkNow = async (popup: ReaderTab) => expect(await checkNowIn(popup)).toMatch(/^Checked/);
  /** Each notification Threadside has on show: its id, and what it says. */
  const shown = (tab: ReaderTab) =>
    tab.evaluate(async () => {
      const all = await (globalThis as unknown as { browser: typeof chrome }).browser.notifications.getAll();
      // Firefox gives each one's options (Chromium only `true`).
      return Object.entries(all as unknown as Record<string, { title?: string; message?: string }>)
        .map(([id, n]) => `${id}: ${n.title} | ${n.message}`)
        .sort();
    }, null);
  const ids = async (tab: ReaderTab) => (await shown(tab)).map((s) => s.slice(0, s.indexOf(': ')));
  const stored = (tab: ReaderTab, key: string) =>
    tab.evaluate(
      async (k) => (await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(k))[k],
      key,
    );

  it('hears of a saved thread’s new replies: by count, then by title', async () => {
    const options = await reader.open(reader.extensionUrl('options.html'));
    const granted = () =>
      options.evaluate(
        () =>
          (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({
            permissions: ['notifications'],
          }),
        null,
      );
    expect(await granted()).toBe(false);
    await options.click('label.choice', 'Show a notification when a saved thread has new replies');
    await poll(granted).toBe(true);
    await poll(() =>
      options.evaluate(() => document.querySelectorAll<HTMLInputElement>('label.choice input')[0].checked, null),
    ).toBe(true);

    const page = await reader.open(forum.url + THREAD);
    const save = page.ui.locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    await page.close();

    const popup = await reader.open(reader.extensionUrl('popup.html'));
    await checkNow(popup);
    expect(await ids(popup)).toEqual([]);
    forum.addReply(THREAD_ID, { username: 'Maggie', text: 'The fatigue lifted for me at about six months.' });
    forum.addReply(THREAD_ID, { username: 'Dev', text: 'Same here, gentle walks helped.' });
    await checkNow(popup);
    // Titles can show on a locked screen: by default only how many threads have news.
    await poll(() => ids(popup)).toEqual(['threadside:new-replies']);
    const [byCount] = await shown(popup);
    expect(byCount).toMatch(/1 saved thread has new replies/);
    expect(byCount).not.toContain('CAR-T');
    await popup.evaluate(
      () => (globalThis as unknown as { browser: typeof chrome }).browser.notifications.clear('threadside:new-replies'),
      null,
    );

    await options.click(
      'label.choice',
      'Show thread titles in notifications (they can appear on a locked screen; without them a notification says only how many saved threads have new replies)',
    );
    // Stored before the check that reads it.
    await poll(() => stored(options, 'notificationTitles')).toBe(true);
    await poll(() => display.notifications()).toEqual([]);
    forum.addReply(THREAD_ID, { username: 'Maggie', text: 'And walking every day helped too.' });
    await checkNow(popup);
    await poll(() => ids(popup)).toEqual([`threadside:${new URL(forum.url).origin} ${THREAD_ID}`]);
    expect((await shown(popup))[0]).toContain('What is CAR-T therapy?');

    // The reader clicks the one Firefox shows: the thread opens at the first new reply.
    // Drawn on screen a moment after Firefox lists it.
    await poll(async () => (await display.notifications()).length).toBe(1);
    await display.click((await display.notifications())[0]);
    const threadTabs = () =>
      popup.evaluate(
        async (prefix) =>
          (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({}))
            .filter((t) => t.url?.startsWith(prefix))
            .map((t) => ({ id: t.id!, path: new URL(t.url!).pathname })),
        forum.url + THREAD,
      );
    await poll(async () => (await threadTabs()).map((t) => t.path)).toEqual([`${THREAD}/9`]);
    const [tab] = await threadTabs();
    const inView = (post: number) =>
      popup.evaluate(
        async ({ tabId, post }) => {
          const [{ result }] = await (
            globalThis as unknown as { browser: typeof chrome }
          ).browser.scripting.executeScript({
            target: { tabId },
            args: [post],
            func: (n: number) => {
              const r = document.querySelector(`#post_${n}`)?.getBoundingClientRect();
              return !!r && r.top < innerHeight && r.bottom > 0;
            },
          });
          return result;
        },
        { tabId: tab.id, post },
      );
    await poll(() => inView(9)).toBe(true);
    expect(await inView(1)).toBe(false);
    await poll(() => display.notifications()).toEqual([]);
    await Promise.all([options.close(), popup.close()]);
  }, 90_000);

  it('logged no error from Threadside on the way', () => {
    expect(reader.threadsideErrors()).toEqual([]);
  });
});
