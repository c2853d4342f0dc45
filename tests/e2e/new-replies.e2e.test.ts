import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ForumState } from '../../utils/db/forum-state';
import { inView, poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { readOnlyTo, saveFromBar } from './saved-records';

const env = useForumAndBrowser();
const THREAD = '/t/what-is-car-t-therapy/1828';
const badge = () => env.browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
const popupUrl = () => `chrome-extension://${env.browser.extensionId}/popup.html`;
const apiRequests = () => env.forum.requests().filter((r) => r.path.endsWith('.json'));

async function checkNow(popup: Page) {
  await popup.getByRole('button', { name: 'Check now' }).click();
  await poll(() => popup.locator('.check-status').textContent()).toMatch(/^(Checked|Not checked|Stopped)/);
}

/** What the checker remembers about the demo forum, read straight from the database. */
const forumState = (page: Page, origin: string) =>
  page.evaluate(
    (o) =>
      new Promise<ForumState>((resolve) => {
        const open = indexedDB.open('threadside');
        open.onsuccess = () => {
          const req = open.result.transaction('forums').objectStore('forums').get(o);
          req.onsuccess = () => resolve(req.result as ForumState);
        };
      }),
    origin,
  );

describe('new replies', () => {
  it('badge and popup show replies that arrived, the page marks them, reading clears them', async () => {
    await saveFromBar(env.browser.context, env.forum.url + THREAD);
    const popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    await checkNow(popup); // first check: asks about the topic itself
    expect(await badge()).toBe('');
    // The reader had read only to post 4 of the 8 there were.
    await readOnlyTo(popup, 4, 8);

    env.forum.addReply(1828, { username: 'Sara', text: 'My PET scan was clear! Starting CAR-T next month.' });
    env.forum.addReply(1828, { username: 'Fozzie', text: 'Wonderful news Sara, good luck.' });
    await checkNow(popup);
    await poll(() => badge()).toBe('2');
    const row = popup.locator('.thread-row', { hasText: 'What is CAR-T therapy?' });
    await poll(() => row.locator('.row-new').textContent()).toBe('2');

    const thread = await env.browser.context.newPage();
    await thread.setViewportSize({ width: 1280, height: 500 });
    await thread.goto(env.forum.url + THREAD);
    const jump = inPage(thread).locator('threadside-bar [data-testid=jump-new]');
    await poll(() => jump.textContent()).toBe('Jump to first new reply (2)');
    // Every post carries a mark; only Threadside can see which of them say "New".
    const marked = () =>
      inPage(thread).evaluate<string[]>(`[...document.querySelectorAll('threadside-mark')]
        .filter((m) => getComputedStyle(chrome.dom.openOrClosedShadowRoot(m).querySelector('.ts-new')).visibility === 'visible')
        .map((m) => m.closest('article')?.id)`);
    await poll(marked).toEqual(['post_9', 'post_10']);

    // To the first new reply, not to post 5, merely unread.
    expect(await inView(thread, '#post_9')).toBe(false);
    await jump.click();
    // Where the page comes to rest (it scrolls there smoothly, past post 5 on the way).
    await poll(async () => [await inView(thread, '#post_9'), await inView(thread, '#post_5')]).toEqual([true, false]);
    await thread.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => badge(), { timeout: 15_000 }).toBe('');
    await popup.reload();
    await poll(() => row.count()).toBe(1);
    expect(await row.locator('.row-new').count()).toBe(0);
    await thread.close();
    await popup.close();
  });

  it('obeys 429 Retry-After: no request until then, the wait is recorded, counts stay', async () => {
    const popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    env.forum.addReply(1828, { username: 'Sara', text: 'One more update.' });
    env.forum.setFault({ match: '.json', kind: '429', retryAfter: 120 });
    env.forum.clearRequests();

    const before = Date.now();
    await checkNow(popup);
    expect(apiRequests().map((r) => r.status)).toEqual([429]);
    const state = await forumState(popup, env.forum.url);
    expect(state.nextAttemptAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(state.nextAttemptAt).toBeLessThanOrEqual(Date.now() + 120_000);
    expect(state.lastError).toMatch(/asked Threadside to slow down/);
    await poll(() => popup.getByTestId('forum-outcome').textContent()).toBe(
      'Threadside demo forum asked Threadside to slow down. Next try in 2 minutes.',
    );

    env.forum.clearRequests();
    await checkNow(popup);
    expect(apiRequests()).toEqual([]);
    expect(await badge()).toBe('');
    env.forum.clearFaults();
    await popup.close();
  });
});
