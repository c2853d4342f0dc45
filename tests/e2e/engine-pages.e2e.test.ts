import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { closeSummary } from './summary-panel';
import { readUpToInPage } from './saved-records';
import { ENGINE_LABS } from '../forum-lab/other-engines';
import { lastPostOfPage, postAddress } from '../forum-lab/engines/engine-lab';

/**
 * Every engine's demo thread of several pages, as a reader meets it: the bar's count on the
 * first, a middle and the last page, then links to posts on other pages (Open in the popup,
 * the jump button, the summary's question) landing on the post itself. The demo forums
 * answer 404 for addresses their engine does not have, so a link of the wrong shape fails.
 */
const env = useForumAndBrowser();

const popupUrl = () => `chrome-extension://${env.browser.extensionId}/popup.html`;

/** Whether the post's element is on screen (its top within the viewport). */
const inView = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight;
    })
    .catch(() => false);

/** Changes the saved record of the thread titled `title`, as if the reader had read up to `read`. */
const setReadUpTo = (popup: Page, title: string, read: number) =>
  popup.evaluate(readUpToInPage, [title, read] as const);

async function saveFromPage(page: Page) {
  const save = inPage(page).locator('threadside-bar [data-testid=save]');
  await poll(() => save.isEnabled()).toBe(true);
  if ((await save.textContent()) !== 'Saved') await save.click();
  await poll(() => save.textContent()).toBe('Saved');
}

for (const lab of ENGINE_LABS.filter((l) => l.demo)) {
  const demo = lab.demo!;
  const middle = Math.ceil(demo.pages / 2);
  describe(`${lab.engine}: a thread of ${demo.pages} pages`, () => {
    it('shows the thread and its count on the first, a middle and the last page', async () => {
      const page = await env.browser.context.newPage();
      for (const k of [1, middle, demo.pages]) {
        await page.goto(env.forum.url + demo.pagePath(k));
        await poll(() => inPage(page).locator('threadside-bar [data-testid=thread-title]').textContent()).toBe(
          demo.title,
        );
        await poll(() => inPage(page).locator('threadside-bar [data-testid=post-count]').textContent()).toBe(
          demo.barCount(k),
        );
      }
      // Underlines come where the reader stops: read down the page, a screen at a time.
      const underlined = page.locator('[data-threadside-term]', { hasText: demo.term });
      for (let y = 0; (await underlined.count()) === 0 && y < 20_000; y += 600) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(400);
      }
      await poll(() => underlined.count()).toBeGreaterThan(0);
      await page.close();
    });

    it('opens the first unread post from the popup, and jumps to the first new reply, on its page', async () => {
      const target = lastPostOfPage(demo, middle);
      const page = await env.browser.context.newPage();
      await page.goto(env.forum.url + demo.pagePath(1));
      await saveFromPage(page);
      await page.close();

      const popup = await env.browser.context.newPage();
      await popup.goto(popupUrl());
      await setReadUpTo(popup, demo.title, target - 1);
      await popup.reload();
      const opened = env.browser.context.waitForEvent('page');
      await popup.locator('.thread-row', { hasText: demo.title }).locator('.row-open').click();
      const tab = await opened;
      await tab.waitForLoadState();
      expect(new URL(tab.url()).pathname + new URL(tab.url()).search).toContain(postAddress(demo, target));
      await poll(() => inView(tab, demo.postSelector(target))).toBe(true);

      // The jump button on page 1 takes the reader to the same post on its page. Where a post's
      // address shows the posts after it too (Flarum, NodeBB), the visit read those: start again.
      await tab.goto(env.forum.url + demo.pagePath(1));
      const state = await env.browser.context.newPage();
      await state.goto(popupUrl());
      await setReadUpTo(state, demo.title, target - 1);
      await state.close();
      await tab.reload();
      const jump = inPage(tab).locator('threadside-bar [data-testid=jump-new]');
      await poll(() => jump.isVisible()).toBe(true);
      await jump.click();
      await poll(() => new URL(tab.url()).href).not.toBe(new URL(env.forum.url + demo.pagePath(1)).href);
      await poll(() => inView(tab, demo.postSelector(target))).toBe(true);
      await tab.close();
      if (!popup.isClosed()) await popup.close();
    });

    it('summarises a later page from its own posts and the question from page 1', async () => {
      const page = await env.browser.context.newPage();
      await page.goto(env.forum.url + demo.pagePath(middle));
      // The thread was saved above: once the bar knows, a jump button joins it. Click after
      // that, as a reader's eye would, not at where "Summary" stood a moment before.
      await poll(() => inPage(page).locator('threadside-bar [data-testid=save]').textContent()).toBe('Saved');
      await inPage(page).locator('threadside-bar [data-testid=summary]').click();
      const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
      try {
        await poll(() => panel.locator('[data-testid=summary-status]').textContent()).toMatch(
          /^Posts \d+–\d+ \(this page, and the question from page 1\) read on this computer\.$/,
        );
        // The question is post 1's, which only page 1 holds; its link goes through the same
        // landing as the jump button above.
        await poll(() => panel.locator('details[data-section=question] .ts-post-link').textContent()).toMatch(
          /post 1$/,
        );
      } finally {
        // The panel stays open on a site once opened: close it for the other engines' tests.
        await closeSummary(env.browser, page);
        await page.close();
      }
    });
  });
}
