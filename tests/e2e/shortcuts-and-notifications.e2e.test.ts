import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerPrompt, launchOnDisplay, useDesktop, type DesktopBrowser } from './desktop-harness';
import { inView, poll } from './harness';
import { inPage } from './in-page-ui';
import { readOnlyTo, saveFromBar } from './saved-records';

// What only a real keyboard and the browser's own prompt can show: the save shortcut as the
// reader presses it, and turning notifications on.
const desk = useDesktop();
let b: DesktopBrowser;
beforeAll(async () => {
  b = await launchOnDisplay(desk.display);
});
afterAll(async () => {
  await b?.close();
  if (b) await rm(b.userDataDir, { recursive: true, force: true });
});

const THREAD_ID = 1955;
const THREAD = `/t/fatigue-months-after-chemo/${THREAD_ID}`;

describe('on a real keyboard', () => {
  it('Alt+Shift+K saves the thread being read, and pressed again unsaves it', async () => {
    const page = await b.context.newPage();
    await page.goto(desk.forum.url + THREAD);
    const save = inPage(page).locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await page.bringToFront();
    await desk.display.press('alt+shift+k');
    await poll(() => save.textContent()).toBe('Saved');
    await desk.display.press('alt+shift+k');
    await poll(() => save.textContent()).toBe('Save');
    await page.close();
  });

  it('Alt+Shift+G explains the word the reader double-clicked', async () => {
    const page = await b.context.newPage();
    await page.goto(desk.forum.url + '/t/neuts-low-again/2011');
    await page.locator('#post_3 .cooked [data-threadside-term]').first().waitFor();
    await page.bringToFront();
    // "temperature" is a word everyone knows: not underlined, but explained when asked.
    await page
      .locator('#post_3 .cooked p')
      .dblclick({ position: await wordAt(page, '#post_3 .cooked p', 'temperature') });
    expect(await page.evaluate(() => getSelection()?.toString().trim())).toBe('temperature');
    await desk.display.press('alt+shift+g');
    const tip = inPage(page).locator('threadside-tooltip .ts-tooltip');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('temperature');
    await page.keyboard.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);
    await page.close();
  });
});

/** Where `word` is inside the element, relative to it, for a click on the word itself. */
async function wordAt(page: import('playwright-core').Page, selector: string, word: string) {
  return page.locator(selector).evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { x: r.left - box.left + r.width / 2, y: r.top - box.top + r.height / 2 };
    }
    throw new Error(`no "${w}" in ${el.outerHTML.slice(0, 80)}`);
  }, word);
}

/** The popup, in a tab of its own, and its "Check now", done once the popup says so. */
async function openPopupPage() {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  const button = popup.getByRole('button', { name: 'Check now' });
  const checkNow = async () => {
    await button.click();
    // Done, not under way: a check of several requests says "Checked 0 of 2 · …" meanwhile,
    // and the button stays off until it ends.
    await poll(async () => {
      const status = (await popup.locator('.check-status').textContent()) ?? '';
      return (await button.isEnabled()) && !/ · /.test(status) ? status : 'under way';
    }).toMatch(/^Checked/);
  };
  return { popup, checkNow };
}

describe('notifications', () => {
  it('are asked for when turned on: denied they stay off and say why, allowed they show new replies', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.bringToFront();
    // Playwright pretends its pages always have the focus; the real focus shows when the
    // browser's prompt takes it.
    const cdp = await b.context.newCDPSession(options);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    const box = options.getByLabel('Show a notification when a saved thread has new replies');
    const prompt = { shown: () => options.evaluate(() => !document.hasFocus()), behind: options };
    const granted = () =>
      b.serviceWorker.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }));

    await box.click();
    await answerPrompt(desk.display, prompt, 'deny');
    await poll(() => options.getByRole('status').filter({ hasText: 'Notifications' }).textContent()).toBe(
      'Notifications stay off: the browser permission was not given.',
    );
    expect(await box.isChecked()).toBe(false);
    expect(await granted()).toBe(false);

    await box.click();
    await answerPrompt(desk.display, prompt, 'allow');
    await poll(() => box.isChecked()).toBe(true);
    expect(await granted()).toBe(true);

    // A saved thread gets two replies; the next check announces them.
    const page = await b.context.newPage();
    await page.goto(desk.forum.url + THREAD);
    const save = inPage(page).locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    await page.close();

    const { checkNow } = await openPopupPage();
    await checkNow();
    desk.forum.addReply(THREAD_ID, { username: 'Maggie', text: 'The fatigue lifted for me at about six months.' });
    desk.forum.addReply(THREAD_ID, { username: 'Dev', text: 'Same here, gentle walks helped.' });
    await checkNow();
    // Titles can show on a locked screen: by default only how many threads have news.
    const shown = () => b.serviceWorker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
    await poll(shown).toEqual(['threadside:new-replies']);
    await b.serviceWorker.evaluate(() => chrome.notifications.clear('threadside:new-replies'));

    await options.getByLabel(/Show thread titles in notifications/).check();
    desk.forum.addReply(THREAD_ID, { username: 'Maggie', text: 'And walking every day helped too.' });
    await checkNow();
    const origin = new URL(desk.forum.url).origin;
    await poll(shown).toEqual([`threadside:${origin} ${THREAD_ID}`]);
  });

  it('a click on one opens its thread at the first new reply, and takes the tab already open there', async () => {
    // Needs the test above: notifications allowed, with thread titles.
    await b.serviceWorker.evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
    await poll(() => desk.display.notifications()).toEqual([]);
    const CAR_T = '/t/what-is-car-t-therapy/1828';
    await saveFromBar(b.context, desk.forum.url + CAR_T);
    const { popup, checkNow } = await openPopupPage();
    await checkNow();
    // Read to post 4 of 8; posts 9 and 10 arrive.
    await readOnlyTo(popup, 4, 8);
    desk.forum.addReply(1828, { username: 'Sara', text: 'Scan clear, starting CAR-T next month.' });
    desk.forum.addReply(1828, { username: 'Fozzie', text: 'Wonderful news, good luck.' });
    await checkNow();

    // The reader clicks the notification the browser shows.
    const forumTabs = () => b.context.pages().filter((p) => p.url().startsWith(desk.forum.url));
    expect(forumTabs()).toEqual([]);
    await poll(async () => (await desk.display.notifications()).length).toBe(1);
    await desk.display.click((await desk.display.notifications())[0]);
    await poll(() => forumTabs().length).toBe(1);
    const [tab] = forumTabs();
    await poll(() => new URL(tab.url()).pathname).toBe(`${CAR_T}/9`);
    await poll(() => inView(tab, '#post_9')).toBe(true);
    expect(await inView(tab, '#post_5')).toBe(false);
    await poll(() => desk.display.notifications()).toEqual([]);

    // Another reply while the thread is open but scrolled away: the click takes that tab to it.
    // Caught up first, so the tab's own reading cannot make the reply any less new.
    await tab.evaluate(() => window.scrollTo(0, 0));
    await readOnlyTo(popup, 10, 10);
    desk.forum.addReply(1828, { username: 'Sara', text: 'First week done, tired but fine.' });
    await checkNow();
    await readOnlyTo(popup, 4, 10);
    await poll(async () => (await desk.display.notifications()).length).toBe(1);
    await desk.display.click((await desk.display.notifications())[0]);
    await poll(() => new URL(tab.url()).pathname).toBe(`${CAR_T}/11`);
    await poll(() => inView(tab, '#post_11')).toBe(true);
    expect(await inView(tab, '#post_9')).toBe(false);
    expect(forumTabs()).toEqual([tab]);
    await tab.close();
    await popup.close();
  });
});
