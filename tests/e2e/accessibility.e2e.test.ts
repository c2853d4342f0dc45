import { describe, expect, it } from 'vitest';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { violations, violationsInPage } from './axe';

// axe-core, the checker browsers' own accessibility tools build on, run against what the
// reader meets: the popup, the options page, and Threadside's bar, tooltip and summary
// panel on a forum thread (inside their shadow roots).
const env = useForumAndBrowser();
describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('the popup and the options page have no violations', async () => {
    const thread = await env.browser.context.newPage();
    await thread.goto(env.forum.url + '/t/what-is-car-t-therapy/1828');
    const save = inPage(thread).locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');

    const popup = await env.browser.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    await popup.locator('.thread-row').first().waitFor();
    expect(await violations(popup)).toEqual([]);

    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
    expect(await violations(options)).toEqual([]);
    await Promise.all([thread.close(), popup.close(), options.close()]);
  });

  it("Threadside's bar, an open tooltip and the summary panel have no violations", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/t/what-is-car-t-therapy/1828');
    await inPage(page).locator('threadside-bar [data-testid=thread-title]').waitFor();
    const term = page.locator('[data-threadside-term]', { hasText: 'SCT' }).first();
    await term.waitFor();
    await term.focus();
    await inPage(page).locator('threadside-tooltip .ts-tooltip').waitFor();
    // axe must really see inside the closed roots: a button with no name planted there is found.
    expect((await violationsInPage(page, 'threadside-bar', true)).join('\n')).toMatch(/^button-name/m);
    expect(await violationsInPage(page, 'threadside-bar')).toEqual([]);
    expect(await violationsInPage(page, 'threadside-tooltip')).toEqual([]);
    expect(await violationsInPage(page, '[data-threadside-term]')).toEqual([]);

    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const status = inPage(page).locator('threadside-summary [data-testid=summary-status]');
    await poll(() => status.textContent()).toBe('8 posts read on this computer.');
    expect(await violationsInPage(page, 'threadside-summary')).toEqual([]);
    await page.close();
  });
});
