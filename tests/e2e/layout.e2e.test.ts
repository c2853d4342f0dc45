import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { layoutProblems } from './layout-check';
import { violations, violationsInPage } from './axe';
import { putThreads, saveFromBar, savedThreads } from './saved-records';

/**
 * Every screen at a phone's width (360 px), at 200% zoom (a 1280 × 900 window shows
 * 640 × 450 CSS pixels, each drawn twice as large), in light and dark: nothing runs off
 * the screen, is cut off, or is drawn over something else. With the worst titles forums
 * send: 500 characters without a space.
 */
const env = useForumAndBrowser();
const THREAD = '/t/what-is-car-t-therapy/1828';
const LONG_TITLE = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(11).slice(0, 500);
const SCREENS = [
  { name: '360 px', width: 360, height: 740, scale: 1 },
  { name: '200% zoom', width: 640, height: 450, scale: 2 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

async function emulate(page: Page, screen: (typeof SCREENS)[number], scheme: (typeof SCHEMES)[number]) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: screen.width,
    height: screen.height,
    deviceScaleFactor: screen.scale,
    mobile: false,
  });
  await page.emulateMedia({ colorScheme: scheme });
}

const onPage = (page: Page, roots: string[]) => page.evaluate(layoutProblems, roots);
const inThreadside = (page: Page, roots: string[]) =>
  inPage(page).evaluate<string[]>(
    `(${layoutProblems.toString()})(${JSON.stringify(roots)}, (h) => chrome.dom.openOrClosedShadowRoot(h))`,
  );

describe('layout on small screens, at 200% zoom, light and dark', () => {
  it('the popup, with many threads, a 500-character title, a long note and a check report', async () => {
    await saveFromBar(env.browser.context, env.forum.url + THREAD);
    const popup = await env.browser.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    const [saved] = await savedThreads(popup);
    await putThreads(popup, [
      { ...saved, title: LONG_TITLE, note: 'Ask about eligibility '.repeat(12) },
      ...Array.from({ length: 6 }, (_, i) => ({
        ...saved,
        threadId: String(1900 + i),
        url: `${env.forum.url}/t/x/${1900 + i}`,
        title: `Saved thread number ${i + 1} about living with myeloma`,
        highestPostNumber: 12,
        postCount: 12,
      })),
    ]);
    // A check that fails: a report with a line per forum under the headline.
    env.forum.setFault({ match: '.json', kind: '500' });
    await popup.reload();
    await popup.getByRole('button', { name: 'Check now' }).click();
    await poll(() => popup.getByTestId('forum-outcome').count()).toBeGreaterThan(0);
    env.forum.clearFaults();
    for (const screen of SCREENS)
      for (const scheme of SCHEMES) {
        await emulate(popup, screen, scheme);
        await popup.reload();
        await popup.locator('.thread-row').first().waitFor();
        await popup.locator('.row-note').first().waitFor();
        expect(await onPage(popup, ['document']), `popup, ${screen.name}, ${scheme}`).toEqual([]);
        // Light is checked in accessibility.e2e; dark's colours are checked here.
        if (scheme === 'dark') expect(await violations(popup), `popup, ${screen.name}, dark`).toEqual([]);
      }
    await popup.close();
  });

  it('the options page', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    for (const screen of SCREENS)
      for (const scheme of SCHEMES) {
        await emulate(options, screen, scheme);
        await options.reload();
        await options.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
        expect(await onPage(options, ['document']), `options, ${screen.name}, ${scheme}`).toEqual([]);
        if (scheme === 'dark') expect(await violations(options), `options, ${screen.name}, dark`).toEqual([]);
      }
    await options.close();
  });

  it('the bar with a 500-character title, a tooltip, and the summary panel beside the bar', async () => {
    env.forum.setTitle(1828, LONG_TITLE);
    const page = await env.browser.context.newPage();
    for (const screen of SCREENS)
      for (const scheme of SCHEMES) {
        const where = `${screen.name}, ${scheme}`;
        await emulate(page, screen, scheme);
        await page.goto(env.forum.url + THREAD);
        const title = inPage(page).locator('threadside-bar [data-testid=thread-title]');
        await poll(() => title.textContent()).toBe(LONG_TITLE);
        expect(await inThreadside(page, ['threadside-bar']), `bar, ${where}`).toEqual([]);

        const term = page.locator('[data-threadside-term]', { hasText: 'SCT' }).first();
        await term.scrollIntoViewIfNeeded();
        await term.focus();
        await inPage(page).locator('threadside-tooltip .ts-tooltip').waitFor();
        expect(await inThreadside(page, ['threadside-tooltip']), `tooltip, ${where}`).toEqual([]);
        if (scheme === 'dark') {
          expect(await violationsInPage(page, 'threadside-bar'), `bar, ${where}`).toEqual([]);
          expect(await violationsInPage(page, 'threadside-tooltip'), `tooltip, ${where}`).toEqual([]);
        }
        await page.keyboard.press('Escape');

        await inPage(page).locator('threadside-bar [data-testid=summary]').click();
        const status = inPage(page).locator('threadside-summary [data-testid=summary-status]');
        // (From the page alone while the forum is in its wait after the popup test’s failed check.)
        await poll(() => status.textContent()).toMatch(/posts read on this computer|From the 8 posts on this page/);
        expect(await inThreadside(page, ['threadside-bar', 'threadside-summary']), `summary, ${where}`).toEqual([]);
        if (scheme === 'dark')
          expect(await violationsInPage(page, 'threadside-summary'), `summary, ${where}`).toEqual([]);
        await inPage(page).locator('threadside-summary .ts-panel-head button').click();
      }
    await page.close();
  });
});
