import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inView, poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { readOnlyTo, saveFromBar } from './saved-records';

const env = useForumAndBrowser();
const THREAD = '/t/what-is-car-t-therapy/1828';
const TITLE = 'What is CAR-T therapy?';
const popupUrl = () => `chrome-extension://${env.browser.extensionId}/popup.html`;
const badge = () => env.browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));

async function checkNow(popup: Page) {
  await popup.getByRole('button', { name: 'Check now' }).click();
  await poll(() => popup.locator('.check-status').textContent()).toMatch(/^(Checked|Not checked)/);
}

describe('landing on what is new', () => {
  it('Open goes to the first new reply, not the first unread post; Mark as read in the popup and the bar', async () => {
    await saveFromBar(env.browser.context, env.forum.url + THREAD);
    let popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    await checkNow(popup);
    await readOnlyTo(popup, 4, 8);
    env.forum.addReply(1828, { username: 'Sara', text: 'Scan clear, starting CAR-T next month.' });
    env.forum.addReply(1828, { username: 'Fozzie', text: 'Wonderful news, good luck.' });
    await checkNow(popup);
    let row = popup.locator('.thread-row', { hasText: TITLE });
    await poll(() => row.locator('.row-new').textContent()).toBe('2');

    // Open: at post 9, the first of the two new replies (post 5 is merely unread).
    const opened = env.browser.context.waitForEvent('page');
    await row.locator('.row-open').click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(`${THREAD}/9`);
    // Where the page comes to rest (it scrolls there smoothly, past post 5 on the way).
    await poll(async () => [await inView(tab, '#post_9'), await inView(tab, '#post_5')]).toEqual([true, false]);
    await tab.close();

    // Mark as read in the popup (opened anew: Open closed it): the count and the badge go.
    popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    row = popup.locator('.thread-row', { hasText: TITLE });
    await readOnlyTo(popup, 4, 8);
    await popup.reload();
    await poll(() => row.locator('.row-new').textContent()).toBe('2');
    await row.getByRole('button', { name: `Mark “${TITLE}” as read` }).click();
    await poll(() => row.locator('.row-new').count()).toBe(0);
    await poll(badge).toBe('');

    // …and in the bar, on a short screen where reading has not reached the new replies.
    await readOnlyTo(popup, 4, 8);
    await popup.reload();
    await poll(() => row.locator('.row-new').textContent()).toBe('2');
    const thread = await env.browser.context.newPage();
    await thread.setViewportSize({ width: 1280, height: 500 });
    await thread.goto(env.forum.url + THREAD);
    const markRead = inPage(thread).locator('threadside-bar [data-testid=mark-read]');
    await poll(() => markRead.isVisible()).toBe(true);
    await markRead.click();
    await poll(() => inPage(thread).locator('threadside-bar [data-testid=jump-new]').isVisible()).toBe(false);
    expect(await markRead.isVisible()).toBe(false);
    await poll(() => row.locator('.row-new').count()).toBe(0);
    await poll(badge).toBe('');
    await thread.close();
    await popup.close();
  });

  it('Open on a thread already open in a tab brings that tab to the first new reply', async () => {
    const popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    await readOnlyTo(popup, 4, 8);
    // The reader has the thread open at its top; a value left in the page shows whether it is
    // loaded again (a half-written reply would be lost).
    const thread = await env.browser.context.newPage();
    await thread.setViewportSize({ width: 1280, height: 500 });
    await thread.goto(env.forum.url + THREAD);
    await poll(() => inPage(thread).locator('threadside-bar [data-testid=jump-new]').isVisible()).toBe(true);
    await thread.evaluate(() => ((window as unknown as { draft: string }).draft = 'half a reply'));
    const draft = () => thread.evaluate(() => (window as unknown as { draft?: string }).draft);
    expect(await inView(thread, '#post_9')).toBe(false);

    await popup.reload();
    await popup.locator('.thread-row', { hasText: TITLE }).locator('.row-open').click();
    // The same tab, not loaded again, at post 9.
    // Where the page comes to rest (it scrolls there smoothly, past post 5 on the way).
    await poll(async () => [await inView(thread, '#post_9'), await inView(thread, '#post_5')]).toEqual([true, false]);
    expect(await draft()).toBe('half a reply');
    expect(env.browser.context.pages().filter((p) => p.url().startsWith(env.forum.url))).toEqual([thread]);

    // Replies that came after the tab was loaded are not on it: the tab loads them, at the first.
    await thread.evaluate(() => window.scrollTo(0, 0));
    env.forum.addReply(1828, { username: 'Sara', text: 'First week of CAR-T done, tired but fine.' });
    env.forum.addReply(1828, { username: 'Fozzie', text: 'So glad to hear it.' });
    const again = await env.browser.context.newPage();
    await again.goto(popupUrl());
    await checkNow(again);
    await readOnlyTo(again, 4, 10);
    await again.reload();
    const row = again.locator('.thread-row', { hasText: TITLE });
    await poll(() => row.locator('.row-new').textContent()).toBe('2');
    expect(await thread.locator('#post_11').count()).toBe(0);
    await row.locator('.row-open').click();
    await poll(() => new URL(thread.url()).pathname).toBe(`${THREAD}/11`);
    await poll(() => inView(thread, '#post_11')).toBe(true);
    expect(await inView(thread, '#post_9')).toBe(false);
    expect(env.browser.context.pages().filter((p) => p.url().startsWith(env.forum.url))).toEqual([thread]);
    await thread.close();
  });

  it('a long note can be read whole; the note box says what to write and how to save', async () => {
    const popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    const row = popup.locator('.thread-row', { hasText: TITLE });
    await row.getByRole('button', { name: /Note on/ }).click();
    const box = row.getByRole('textbox', { name: /Note on/ });
    expect(await box.getAttribute('placeholder')).toMatch(/note for yourself/);
    const hint = await box.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent);
    expect(hint).toBe('Ctrl+Enter (⌘+Enter on a Mac) saves, Esc cancels');
    const note =
      'Ask the consultant about the CAR-T eligibility criteria, whether the trial in Manchester is still ' +
      'recruiting, and what the travel costs would be for a month away from home. The last line matters most.';
    await box.fill(note);
    await box.press('Control+Enter');
    const shown = row.locator('.row-note');
    await poll(() => shown.textContent()).toBe(note);
    const clipped = () => shown.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(await clipped()).toBe(true);
    const more = row.getByRole('button', { name: 'Show whole note' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await clipped()).toBe(false);
    expect(await row.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    await popup.close();
  });
});
