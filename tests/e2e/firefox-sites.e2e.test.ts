import { describe, expect, it } from 'vitest';
import { useForumAndFirefox } from './firefox-env';
import { poll } from './harness';

/**
 * Enabling a site that is not a known forum, in Firefox ESR. Firefox asks the reader in its
 * own panel, which headless automation cannot answer; with
 * `extensions.webextOptionalPermissionPrompts` off it grants what the add-on asks, so this
 * tests all that follows the reader's "Allow": the site listed, Threadside on the page already
 * open, a phpBB thread there read too, then off and on again, and gone on Remove. (Chromium's prompt itself is answered
 * with real key presses in site-access.e2e.test.ts.) The demo forum answers on localhost
 * too, which is not a known forum: a stand-in for any site.
 */
const THREAD = '/t/what-is-car-t-therapy/1828';

describe('a reader in firefox enables a site from the options page', () => {
  const env = useForumAndFirefox({ grantSiteRequests: true });

  it('turns Threadside on there, off, on again, and removes it', async () => {
    const { forum, reader } = env;
    const site = forum.url.replace('127.0.0.1', 'localhost');
    const host = new URL(site).host;
    const label = `http://${new URL(site).hostname}`;
    const page = await reader.open(site + THREAD);
    const bars = () => page.ui.locator('threadside-bar').count();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)), null);
    expect(await bars()).toBe(0);

    const options = await reader.open(reader.extensionUrl('options.html'));
    const text = (selector: string) =>
      options.evaluate((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);
    const row = '[aria-label="Sites you added"] li';
    await options.fill('input[placeholder="forum.example.org"]', `${site}/phpbb/`);
    await options.click('button', 'Enable Threadside on this site');
    await poll(() => text('[data-testid=sites-message]')).toBe(`Threadside is on for ${host}.`);
    await poll(() => text(row)).toContain(`${label} On`);
    // On the page already open, without a reload.
    await poll(bars).toBe(1);
    expect(await page.ui.locator('threadside-bar [data-testid=post-count]').textContent()).toBe('8 posts');
    // Another engine's thread there: its reader is injected when the page is found to be
    // phpBB's (the start script carries Discourse's alone), and the page is read with it.
    const phpbb = await reader.open(site + '/phpbb/viewtopic.php?t=428&start=20');
    await poll(() => phpbb.ui.locator('threadside-bar [data-testid=post-count]').textContent()).toBe('43 posts');
    await phpbb.close();

    await options.click(`button[aria-label="Turn off ${label}"]`);
    await poll(() => text(row)).toContain(`${label} Off`);
    await poll(bars).toBe(0);
    await options.click(`button[aria-label="Turn on ${label}"]`);
    await poll(() => text(row)).toContain(`${label} On`);
    await poll(bars).toBe(1);

    await options.click(`button[aria-label="Remove ${label}"]`);
    await poll(() => text(row)).toBe(null);
    await poll(bars).toBe(0);
    expect(reader.threadsideErrors()).toEqual([]);
    await Promise.all([page.close(), options.close()]);
  });
});
