import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { putThreads, saveFromBar, savedThreads } from './saved-records';

const env = useForumAndBrowser();
const THREAD = '/t/what-is-car-t-therapy/1828';
const popupUrl = () => `chrome-extension://${env.browser.extensionId}/popup.html`;
const apiRequests = () => env.forum.requests().filter((r) => r.path.endsWith('.json'));

/** Check now, then the headline once the answer is in (it says "Checking…" until then). */
async function checkNow(popup: Page) {
  await popup.getByRole('button', { name: 'Check now' }).click();
  await poll(() => popup.locator('.check-status').textContent()).toMatch(/^(Checked|Not checked|Stopped)/);
  return (await popup.locator('.check-status').textContent())!;
}
const lines = (popup: Page) => popup.getByTestId('forum-outcome').allTextContents();

const savedRecord = async (popup: Page, origin: string, threadId: string) =>
  (await savedThreads(popup)).find((t) => t.origin === origin && t.threadId === threadId)!;

describe('the popup says what each check did', () => {
  it('never says "no new replies" for a forum it did not ask; Check now asks at once after a failure', async () => {
    await saveFromBar(env.browser.context, env.forum.url + THREAD);
    const popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    expect(await checkNow(popup)).toBe('Checked: no new replies.');

    env.forum.addReply(1828, { username: 'Sara', text: 'Scan clear, starting CAR-T next month.' });
    env.forum.setFault({ match: '.json', kind: '500' });
    expect(await checkNow(popup)).toBe('Not checked: Threadside demo forum.');
    const [failed] = await lines(popup);
    expect(failed).toMatch(
      /^Threadside demo forum had a problem \(error 500\)\. Next try in (under a minute|60 seconds)\.$/,
    );

    // The fault is gone; the forum is still in its wait, but the reader asked.
    env.forum.clearFaults();
    env.forum.clearRequests();
    expect(await checkNow(popup)).toBe('Checked: 1 new reply.');
    expect(apiRequests().length).toBeGreaterThan(0);
    expect(await lines(popup)).toEqual([
      'Threadside demo forum: checked 1 thread, 1 new reply. Asked now, without waiting for its next try.',
    ]);

    // A forum Threadside has no access to: said, with a way to give it; never asked.
    const there = await savedRecord(popup, env.forum.url, '1828');
    const elsewhere = env.forum.url.replace('127.0.0.1', 'localhost');
    await putThreads(popup, [{ ...there, origin: elsewhere, threadId: '1902', url: `${elsewhere}/t/x/1902` }]);
    env.forum.clearRequests();
    const host = new URL(elsewhere).host;
    expect(await checkNow(popup)).toBe(`Checked 1 of 2 forums: 1 new reply. Not checked: ${host}.`);
    expect(await lines(popup)).toContain(
      `Threadside has no access to ${host}, so it was not asked. Allow access to ${host}`,
    );
    expect(await popup.getByRole('button', { name: `Allow access to ${host}` }).isVisible()).toBe(true);
    expect(env.forum.requests().filter((r) => r.path.includes('1902'))).toEqual([]);

    // Reopened, the popup still says what the last check did.
    await popup.reload();
    await poll(() => popup.locator('.check-status').textContent()).toBe(
      `Checked 1 of 2 forums: 1 new reply. Not checked: ${host}.`,
    );
    await popup.close();
  });

  it('shows how far a long check has got, also when reopened, and stops when asked', async () => {
    const popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    const there = await savedRecord(popup, env.forum.url, '1828');
    // Twenty threads never checked: one request each, a second apart.
    await putThreads(
      popup,
      Array.from({ length: 20 }, (_, i) => ({
        ...there,
        threadId: String(5000 + i),
        url: `${env.forum.url}/t/x/${5000 + i}`,
        check: { checkedAt: null, seenInSweep: null, gone: false, lastError: null },
      })),
    );
    env.forum.clearRequests();
    await popup.getByRole('button', { name: 'Check now' }).click();
    await poll(() => popup.locator('.check-status').textContent()).toMatch(
      /^Checked [1-9]\d* of 2\d · (about \d+ minutes?|less than a minute) left$/,
    );
    await popup.close();

    const again = await env.browser.context.newPage();
    await again.goto(popupUrl());
    await poll(() => again.locator('.check-status').textContent()).toMatch(/^Checked \d+ of 2\d · /);
    await again.getByRole('button', { name: 'Stop checking' }).click();
    await poll(() => again.locator('.check-status').textContent()).toMatch(/^Stopped\. /);
    // Stopped well before the twenty were asked.
    expect(apiRequests().length).toBeLessThan(20);
    expect(await lines(again)).toContain('Threadside demo forum: stopped before all its threads were checked.');
    await again.close();
  });

  it('a known forum can be turned off like any other site: no bar, no underlines, no checks; and on again', async () => {
    const tab = await env.browser.context.newPage();
    await tab.goto(env.forum.url + THREAD);
    const bar = inPage(tab).locator('threadside-bar [data-testid=thread-title]');
    await poll(() => bar.count()).toBe(1);

    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const known = options
      .getByRole('list', { name: 'Known forums' })
      .getByRole('listitem')
      .filter({ hasText: 'Threadside demo forum' });
    await known.getByRole('button', { name: 'Turn off Threadside demo forum' }).click();
    await poll(() => known.textContent()).toContain('Off');
    // Off in the open tab at once, and on pages opened after.
    await poll(() => bar.count()).toBe(0);
    expect(await tab.locator('[data-threadside-term]').count()).toBe(0);
    const later = await env.browser.context.newPage();
    await later.goto(env.forum.url + THREAD);
    await later.waitForTimeout(1500);
    expect(await inPage(later).locator('threadside-bar').count()).toBe(0);
    expect(await later.locator('[data-threadside-term], threadside-mark').count()).toBe(0);

    const popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    env.forum.clearRequests();
    await popup.getByRole('button', { name: 'Check now' }).click();
    await poll(() => lines(popup)).toContain(
      'Threadside is turned off for Threadside demo forum, so it was not asked.',
    );
    expect(apiRequests()).toEqual([]);

    await known.getByRole('button', { name: 'Turn on Threadside demo forum' }).click();
    await poll(() => known.textContent()).toContain('On');
    await later.reload();
    await poll(() => inPage(later).locator('threadside-bar [data-testid=thread-title]').count()).toBe(1);
    await Promise.all([tab.close(), later.close(), options.close(), popup.close()]);
  });
});
