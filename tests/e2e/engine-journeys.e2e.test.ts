import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForum, type ForumLab } from '../forum-lab/server';
import { ENGINE_LABS } from '../forum-lab/other-engines';
import { lastPostOfPage } from '../forum-lab/engines/engine-lab';
import { poll } from './harness';
import { launchReader, type Reader } from './reader';
import { readUpToInPage } from './saved-records';

/**
 * The other engines' threads of several pages in Firefox: the count a reader sees on a
 * middle page, and the jump button landing on a post of another page (Chromium takes the
 * fuller walk in engine-pages.e2e.test.ts: every page kind, Open in the popup, summaries).
 * The demo forums answer 404 for addresses their engine does not have.
 */
const bar = 'threadside-bar';

describe('a reader in firefox on the other engines', () => {
  let forum: ForumLab;
  let reader: Reader;
  beforeAll(async () => {
    forum = await startForum({ port: 0 });
    reader = await launchReader('firefox');
  }, 60_000);
  afterAll(async () => {
    await reader?.close();
    await forum?.close();
  });

  for (const lab of ENGINE_LABS.filter((l) => l.demo)) {
    const demo = lab.demo!;
    const middle = Math.ceil(demo.pages / 2);
    it(`${lab.engine}: sees the count on a middle page, saves, and jumps to the first new reply on its page`, async () => {
      const page = await reader.open(forum.url + demo.pagePath(middle));
      const title = () => page.ui.locator(`${bar} [data-testid=thread-title]`).textContent();
      await poll(title).toBe(demo.title);
      await poll(() => page.ui.locator(`${bar} [data-testid=post-count]`).textContent()).toBe(demo.barCount(middle));

      await page.goto(forum.url + demo.pagePath(1));
      await poll(title).toBe(demo.title);
      const save = page.ui.locator(`${bar} [data-testid=save]`);
      await poll(() => save.isEnabled()).toBe(true);
      await save.click();
      await poll(() => save.textContent()).toBe('Saved');

      const target = lastPostOfPage(demo, middle);
      const popup = await reader.open(reader.extensionUrl('popup.html'));
      await popup.evaluate(readUpToInPage, [demo.title, target - 1] as const);
      await popup.close();
      await page.reload();
      const jump = page.ui.locator(`${bar} [data-testid=jump-new]`);
      await poll(() => jump.isVisible()).toBe(true);
      await jump.click();
      await poll(() =>
        page.evaluate((selector) => {
          const r = document.querySelector(selector)?.getBoundingClientRect();
          return !!r && r.top >= -1 && r.top < window.innerHeight;
        }, demo.postSelector(target)),
      ).toBe(true);
      expect(await page.evaluate(() => location.pathname + location.search, null)).toContain(
        demo.postPath?.(target) ?? demo.pagePath(demo.pageOf(target)).replace(/#.*$/, ''),
      );
      await page.close();
    }, 60_000);
  }

  it('logged no error from Threadside on the way', () => {
    expect(reader.threadsideErrors()).toEqual([]);
  });
});
