import { describe, expect, it } from 'vitest';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { closeSummary } from './summary-panel';

const env = useForumAndBrowser();

const PAGES = [
  {
    engine: 'phpBB',
    path: '/phpbb/viewtopic.php?f=2&t=314',
    title: 'Just started R-CHOP - what helped you?',
    term: 'DLBCL',
    expect: 'diffuse large B-cell lymphoma',
  },
  {
    engine: 'XenForo',
    path: '/xf/threads/picc-line-or-port.2718/',
    title: 'PICC line or port for myeloma treatment?',
    term: 'myeloma',
    expect: 'myeloma',
  },
  {
    engine: 'Reddit',
    path: '/r/lymphoma/comments/1abc2de/just_diagnosed_with_follicular_lymphoma/',
    title: 'Just diagnosed with follicular lymphoma, on watch and wait',
    term: 'follicular lymphoma',
    expect: 'follicular lymphoma',
  },
];

describe('beyond Discourse', () => {
  for (const p of PAGES)
    it(`explains terms and saves the thread on ${p.engine}`, async () => {
      const page = await env.browser.context.newPage();
      await page.goto(env.forum.url + p.path);
      await poll(() => inPage(page).locator('threadside-bar [data-testid=thread-title]').textContent()).toBe(p.title);

      const term = page.locator('[data-threadside-term]', { hasText: p.term }).first();
      await term.waitFor({ timeout: 10_000 });
      await term.hover();
      const tip = inPage(page).locator('threadside-tooltip .ts-tooltip .ts-term').first();
      await poll(() => tip.textContent()).toBe(p.expect);

      const save = inPage(page).locator('threadside-bar [data-testid=save]');
      await poll(() => save.isEnabled()).toBe(true);
      await save.click();
      await poll(() => save.textContent()).toBe('Saved');
      const popup = await env.browser.context.newPage();
      await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
      await poll(() => popup.locator('.thread-row', { hasText: p.title }).count()).toBe(1);
      await popup.close();
      await page.close();
    });

  it('never marks the composer, quotes of code or form fields on other engines', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/phpbb/viewtopic.php?t=314');
    await page.locator('[data-threadside-term]').first().waitFor();
    expect(await page.locator('textarea [data-threadside-term], code [data-threadside-term]').count()).toBe(0);
    expect(await page.locator('textarea').inputValue()).toBe('R-CHOP');
    await page.close();
  });

  it('works on any page with schema.org DiscussionForumPosting markup, and not on other articles', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/stories/stem-cell-transplant-one-year-on');
    await poll(() => inPage(page).locator('threadside-bar [data-testid=post-count]').textContent()).toBe('3 posts');
    await poll(() => page.locator('[data-threadside-term]', { hasText: 'GvHD' }).count()).toBe(1);

    await page.goto(env.forum.url + '/news/parking');
    await page.waitForTimeout(1500);
    expect(await inPage(page).locator('threadside-bar').count()).toBe(0);
    await page.close();
  });

  it('follows a per-site glossary choice', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/xf/threads/picc-line-or-port.2718/');
    await page.locator('[data-threadside-term]').first().waitFor();
    const host = new URL(env.forum.url).host;
    await env.browser.serviceWorker.evaluate(
      (h) => chrome.storage.local.set({ glossarySiteModes: { [h]: 'off' } }),
      host,
    );
    await poll(() => page.locator('[data-threadside-term]').count()).toBe(0);
    await env.browser.serviceWorker.evaluate(() => chrome.storage.local.set({ glossarySiteModes: {} }));
    await poll(() => page.locator('[data-threadside-term]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('summarises the posts on the page where an engine has no API to read', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/phpbb/viewtopic.php?t=314');
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    await poll(() => panel.locator('[data-testid=summary-status]').textContent()).toBe(
      '4 posts read on this computer.',
    );
    expect(await panel.locator('details[data-section=question]').textContent()).toMatch(/What helped you/);
    expect(await panel.locator('details[data-section=mentioned]').textContent()).toMatch(/R-CHOP/);
    await closeSummary(env.browser, page);
    await page.close();
  });
});
