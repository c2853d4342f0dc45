import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './extension-browser';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { closeSummary } from './summary-panel';

// Discourse as a browser with scripts on gets it: the shell (preloaded data, the posts in
// <noscript>), the topic drawn by the app's scripts later, and links followed inside the
// app. Also as a reader with scripts off gets it.
const env = useForumAndBrowser();
afterEach(() => {
  env.forum.setBoot(null);
  env.forum.setStream('glimmer');
});

const CAR_T = '/t/what-is-car-t-therapy/1828';
const title = (page: Page) => inPage(page).locator('threadside-bar [data-testid=thread-title]');

describe('Discourse as it boots', () => {
  for (const delay of [1500, 5000])
    it(`finds a topic drawn ${delay / 1000} s after the page loaded, without a reload`, async () => {
      env.forum.setBoot(delay);
      const page = await env.browser.context.newPage();
      await page.goto(env.forum.url + CAR_T);
      await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));
      expect(await inPage(page).locator('threadside-bar').count()).toBe(0);

      await expect.poll(() => title(page).textContent(), { timeout: delay + 10_000 }).toBe('What is CAR-T therapy?');
      expect(await inPage(page).locator('threadside-bar [data-testid=post-count]').textContent()).toBe('8 posts');
      await poll(() => page.locator('#post_5 [data-threadside-term]').count()).toBeGreaterThan(0);
      await inPage(page).locator('threadside-bar [data-testid=summary]').click();
      await poll(() => inPage(page).locator('threadside-summary [data-testid=summary-status]').textContent()).toBe(
        '8 posts read on this computer.',
      );
      await closeSummary(env.browser, page);
      expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);
      await page.close();
    }, 30_000);

  it('reads the widget post stream of Discourse up to 3.4, also posts loaded as the reader scrolls', async () => {
    env.forum.setStream('widget');
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + CAR_T);
    expect(await page.locator('div.topic-post[data-post-number]').count()).toBe(0);
    await poll(() => title(page).textContent()).toBe('What is CAR-T therapy?');
    expect(await inPage(page).locator('threadside-bar [data-testid=post-count]').textContent()).toBe('8 posts');
    await poll(() => page.locator('#post_5 [data-threadside-term]').count()).toBeGreaterThan(0);

    // The long thread: posts the app adds while scrolling are read too.
    await page.goto(env.forum.url + '/t/long-running-support-thread/2000');
    await poll(() => title(page).textContent()).toBe('Going through treatment this year - support thread');
    const loaded = () => inPage(page).locator('threadside-bar [data-testid=post-count]').textContent();
    const before = await loaded();
    // The app keeps only the posts near the screen: post 30 is drawn once the reader nears it.
    // Scrolled on until it is drawn, then kept in the middle of the screen.
    await poll(async () => {
      await page.evaluate(() => {
        const post = document.querySelector('article#post_30');
        if (post) post.scrollIntoView({ block: 'center' });
        else window.scrollBy(0, 600);
      });
      return page.locator('article#post_30 threadside-mark').count();
    }).toBeGreaterThan(0);
    expect(before).toMatch(/1,000 posts/);
    await page.close();
  });

  it('reads the posts a reader with scripts off gets, inside <noscript>', async () => {
    env.forum.setBoot(1500);
    const noScripts = await launchWithExtension({ javaScriptEnabled: false });
    try {
      const page = await noScripts.context.newPage();
      await page.goto(env.forum.url + CAR_T);
      await poll(() => title(page).textContent()).toBe('What is CAR-T therapy?');
      expect(await inPage(page).locator('threadside-bar [data-testid=post-count]').textContent()).toBe('8 posts');
      await poll(() => page.locator('div.crawler-post [data-threadside-term]').count()).toBeGreaterThan(0);
    } finally {
      await noScripts.close();
    }
  });
});

describe('Discourse as the reader moves around in it', () => {
  it('always shows the topic now on screen: home → topic, topic → topic, back', async () => {
    env.forum.setBoot(800);
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/latest');
    await page.getByRole('link', { name: 'What is CAR-T therapy?' }).click();
    await poll(() => title(page).textContent()).toBe('What is CAR-T therapy?');

    // A suggested topic, followed inside the app: the old title must not stay.
    const next = page.locator('#suggested-topics a').first();
    const nextTitle = (await next.textContent())!;
    await next.click();
    await poll(() => title(page).textContent()).toBe(nextTitle);

    await page.goBack();
    await poll(() => title(page).textContent()).toBe('What is CAR-T therapy?');
    await page.goBack();
    await poll(() => inPage(page).locator('threadside-bar').count()).toBe(0);
    await page.close();
  });

  it('summarises the topic now on screen when the reader moves on while the last one is being read', async () => {
    env.forum.setBoot(800);
    const page = await env.browser.context.newPage();
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    const status = panel.locator('[data-testid=summary-status]');
    const question = () => panel.locator('details[data-section=question]').textContent();
    // A topic no other test has summarised (a summary kept from before would show at once).
    await page.goto(env.forum.url + CAR_T);
    const first = page.locator('#suggested-topics a').first();
    const firstTitle = (await first.textContent())!;
    const firstPath = new URL((await first.getAttribute('href'))!, env.forum.url).pathname;
    await page.goto(env.forum.url + firstPath);
    await poll(() => title(page).textContent()).toBe(firstTitle);
    // The forum is slow to give this topic's posts: the reader does not wait for them.
    env.forum.setFault({ match: `/t/${firstPath.split('/').pop()}.json`, kind: 'slow', delayMs: 3000, times: 1 });
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    // Said from the start, while the forum holds its answer back: with the count the page
    // shows once the forum's app has drawn it, without a total before.
    await poll(() => status.textContent()).toMatch(/^Reading (the posts|0 of \d+ posts)…$/);
    const next = page.locator('#suggested-topics a').first();
    const nextTitle = (await next.textContent())!;
    await next.click();
    await poll(() => title(page).textContent()).toBe(nextTitle);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/read on this computer/);
    // Long after the first topic's posts came: still the topic on screen.
    await page.waitForTimeout(1000);
    const shown = await question();

    // The same topic opened on its own gives that very question; the first topic's differs.
    const alone = async (path: string) => {
      const p = await env.browser.context.newPage();
      await p.goto(env.forum.url + path);
      const s = inPage(p).locator('threadside-summary [data-testid=summary-panel]');
      // Left open on this forum: the panel opens by itself.
      await poll(() => s.locator('[data-testid=summary-status]').textContent()).toMatch(/read on this computer/);
      const q = await s.locator('details[data-section=question]').textContent();
      await p.close();
      return q;
    };
    expect(shown).toBe(await alone(new URL(page.url()).pathname));
    expect(shown).not.toBe(await alone(firstPath));
    await closeSummary(env.browser, page);
    await page.close();
  });
});
