import { describe, expect, it } from 'vitest';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { barFoldedStored } from './stored-choices';

const env = useForumAndBrowser();
const THREAD = '/t/what-is-car-t-therapy/1828';

describe('folding the bar away', () => {
  it('is remembered for the site, and the options page brings the bar back', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + THREAD);
    const ui = inPage(page);
    const title = ui.locator('threadside-bar [data-testid=thread-title]');
    const hide = ui.locator('threadside-bar button[aria-label="Hide Threadside bar"]');
    const show = ui.locator('threadside-bar .ts-bar--collapsed button');
    await poll(() => title.isVisible()).toBe(true);
    await hide.click();
    await poll(() => show.isVisible()).toBe(true);
    expect(await title.isVisible()).toBe(false);
    const host = new URL(env.forum.url).host;
    await poll(() => barFoldedStored(env.browser, host)).toBe(true);

    // Another thread on the same forum, and this one again: folded from the start.
    await page.goto(env.forum.url + '/t/fatigue-months-after-chemo/1955');
    await poll(() => show.isVisible()).toBe(true);
    expect(await title.isVisible()).toBe(false);

    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.getByRole('button', { name: `Show the bar on ${host}` }).click();
    // Back in the open tab at once, and after a reload.
    await poll(() => title.isVisible()).toBe(true);
    await page.reload();
    await poll(() => title.isVisible()).toBe(true);
    expect(await show.isVisible()).toBe(false);

    // Brought back from the page's own small button: remembered as open too.
    await hide.click();
    await poll(() => show.isVisible()).toBe(true);
    await poll(() => barFoldedStored(env.browser, host)).toBe(true);
    await show.click();
    await poll(() => barFoldedStored(env.browser, host)).toBe(false);
    await page.reload();
    await poll(() => title.isVisible()).toBe(true);
    await Promise.all([page.close(), options.close()]);
  });
});
