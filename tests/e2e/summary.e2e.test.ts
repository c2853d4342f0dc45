import { describe, expect, it } from 'vitest';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { closeSummary } from './summary-panel';

const env = useForumAndBrowser();

describe('thread summary', () => {
  it('reads every post of the 1,000-post thread, showing progress, then shows all sections', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/t/long-running-support-thread/2000');
    env.forum.clearRequests();
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    await poll(() => panel.isVisible()).toBe(true);
    const status = inPage(page).locator('threadside-summary [data-testid=summary-status]');
    await poll(() => status.textContent()).toMatch(/^Reading [\d,]+ of 1,000 posts…$/);
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe('1,000 posts read on this computer.');

    // Every post came through the forum's JSON API, one batch after another.
    const postsRequests = env.forum.requests().filter((r) => r.path === '/t/2000/posts.json');
    expect(postsRequests).toHaveLength(Math.ceil((1000 - 20) / 20));
    for (const section of ['question', 'points', 'mentioned', 'support'])
      expect(await panel.locator(`details[data-section=${section}]`).count(), section).toBe(1);
    expect(await panel.locator('details[data-section=points] li').count()).toBeGreaterThanOrEqual(3);
    expect(await panel.locator('details[data-section=mentioned] li').count()).toBeGreaterThan(5);

    // A key point takes the reader to its post.
    const link = panel.locator('details[data-section=points] .ts-post-link').first();
    const target = Number((await link.getAttribute('href'))!.replace('#post_', ''));
    expect(target).toBeGreaterThan(0);
    await page.close();
  }, 90_000);

  it('summarises the CAR-T thread with its helpline, and reopens instantly from the cache', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/t/what-is-car-t-therapy/1828');
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    // The panel was left open by the previous test: it comes back open.
    await poll(() => panel.isVisible()).toBe(true);
    await poll(() => panel.locator('details[data-section=support]').textContent()).toContain('0808 2080 888');
    expect(await panel.locator('details[data-section=question]').textContent()).toMatch(/eligible/);
    // Back by itself, it leaves focus where the reader has it (in the page, not the panel).
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');

    env.forum.clearRequests();
    await page.reload();
    await poll(() => panel.locator('details[data-section=support]').textContent()).toContain('0808 2080 888');
    expect(env.forum.requests().filter((r) => r.path.endsWith('.json'))).toEqual([]);
    // Escape closes it; so does the close button, after the bar's Summary opens it again.
    await inPage(page).locator('threadside-summary .ts-panel-head button').focus();
    await page.keyboard.press('Escape');
    await poll(() => panel.isVisible()).toBe(false);
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    await poll(() => panel.isVisible()).toBe(true);
    await closeSummary(env.browser, page);
    await poll(() => panel.isVisible()).toBe(false);

    // The options page empties the cache: the next summary reads the thread again.
    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Clear cached summaries' }).click();
    await poll(() => options.getByText('Cached summaries cleared.').count()).toBe(1);
    // The count is a live query: it follows the clearing a moment after the message.
    await poll(() => options.getByText(/kept so they open at once: 0 summaries now/).count()).toBe(1);
    env.forum.clearRequests();
    await page.reload();
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    await poll(() => panel.locator('[data-testid=summary-status]').textContent()).toMatch(/read on this computer/);
    expect(env.forum.requests().filter((r) => r.path === '/t/1828.json')).toHaveLength(1);
    await closeSummary(env.browser, page);
    await Promise.all([page.close(), options.close()]);
  });

  it('shows a summary the browser cannot keep (its storage full), and reads the thread again next time', async () => {
    // The background's database refuses summaries, as a full disk does; threads still store.
    const refuseSummaries = (on: boolean) =>
      env.browser.serviceWorker.evaluate((refuse) => {
        type Put = (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) => IDBRequest<IDBValidKey>;
        const kept = globalThis as unknown as { realPut?: Put };
        kept.realPut ??= Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!.value as Put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<Put>) {
          if (refuse && this.name === 'summaries') throw new DOMException('The disk is full.', 'QuotaExceededError');
          return kept.realPut!.apply(this, args);
        };
      }, on);
    const page = await env.browser.context.newPage();
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    const status = panel.locator('[data-testid=summary-status]');
    await refuseSummaries(true);
    try {
      await page.goto(env.forum.url + '/t/neutropenic-diet-questions/1977');
      await inPage(page).locator('threadside-bar [data-testid=summary]').click();
      await poll(() => status.textContent()).toMatch(/read on this computer/);
      expect(await panel.locator('details[data-section=question]').textContent()).toContain('Neutropenic and confused');
      // Nothing was kept: opened again, the thread is read again (and shown again).
      await closeSummary(env.browser, page);
      env.forum.clearRequests();
      await page.reload();
      await inPage(page).locator('threadside-bar [data-testid=summary]').click();
      await poll(() => status.textContent()).toMatch(/read on this computer/);
      expect(env.forum.requests().filter((r) => r.path === '/t/1977.json')).toHaveLength(1);
    } finally {
      await refuseSummaries(false);
    }
    await closeSummary(env.browser, page);
    await page.close();
  });

  it('leads with where to get help when a post speaks of suicide, and keeps the safety advice apart', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/t/low-mood-after-stem-cell-transplant/2101');
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    await poll(() => panel.locator('[data-testid=summary-status]').textContent()).toBe(
      '18 posts read on this computer.',
    );
    // The calm line comes first, before any section.
    const first = panel.locator('.ts-panel-body > *').first();
    expect(await first.getAttribute('data-testid')).toBe('signpost');
    expect(await first.textContent()).toMatch(/Samaritans are free on 116 123, day or night/);
    // Safety advice has its own section, before the key points, each item linked to its post.
    const titles = await inPage(page).evaluate<string[]>(
      `[...chrome.dom.openOrClosedShadowRoot(document.querySelector('threadside-summary')).querySelectorAll('details > summary')].map((s) => s.textContent)`,
    );
    expect(titles.indexOf('Safety advice in this thread')).toBeGreaterThan(-1);
    expect(titles.indexOf('Safety advice in this thread')).toBeLessThan(titles.indexOf('Key points'));
    expect(await panel.locator('details[data-section=safety] li').count()).toBeGreaterThanOrEqual(3);
    // The post itself is never cut up into key points.
    const points = panel.locator('details[data-section=points] .ts-post-link');
    for (let i = 0; i < (await points.count()); i++)
      expect(await points.nth(i).getAttribute('href')).not.toBe('#post_6');
    await closeSummary(env.browser, page);
    await page.close();
  });

  it('offers a gist where the browser has an on-device model (a stand-in here), written from the key points only', async () => {
    await env.browser.serviceWorker.evaluate(() => chrome.storage.local.set({ summaryGist: true }));
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/t/what-is-car-t-therapy/1828');
    await poll(() => inPage(page).locator('threadside-bar [data-testid=summary]').isVisible()).toBe(true);
    // Chrome's Summarizer API, stood in for in Threadside's own world (a page's look-alike
    // would not be seen there): it records what it was given.
    await inPage(page).evaluate(`(globalThis.__given = [], globalThis.Summarizer = {
      availability: async () => 'available',
      create: async () => ({
        summarize: async (text) => (globalThis.__given.push(text), 'CAR-T uses your own immune cells to attack the lymphoma. One member said the tumour had halved and then gone after the cells were transfused.'),
        destroy() {},
      }),
    }, true)`);
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    const gist = panel.locator('[data-testid=gist]');
    await poll(() => gist.isVisible()).toBe(true);
    await gist.locator('button').click();
    await poll(() => gist.textContent()).toMatch(/^CAR-T uses your own immune cells/);
    expect(await gist.textContent()).toMatch(/Written by this browser’s on-device model from the key points below/);
    expect(await gist.locator('.ts-post-link').count()).toBeGreaterThan(0);
    // What the model was given: the key points, nothing else from the page.
    const given = await inPage(page).evaluate<string[]>('globalThis.__given');
    const points = await panel.locator('details[data-section=points] > ul > li').count();
    expect(given).toHaveLength(1);
    expect(given[0].split('\n')).toHaveLength(points);
    expect(given[0]).not.toMatch(/welcome to (the|our) forum/i);
    await env.browser.serviceWorker.evaluate(() => chrome.storage.local.set({ summaryGist: false }));
    await closeSummary(env.browser, page);
    await page.close();
  });
});
