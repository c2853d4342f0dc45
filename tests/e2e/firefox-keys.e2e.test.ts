import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startVirtualDisplay, type VirtualDisplay } from './desktop';
import { inFirefoxPage, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox-browser';
import { poll } from './harness';
import { startForum, type ForumLab } from '../forum-lab/server';

// Firefox with a window on a private display, and the keys pressed as a reader presses them:
// extension shortcuts go through Firefox's own key handling (its menus' letters come first),
// which no page event reaches.
let forum: ForumLab;
let display: VirtualDisplay;
let f: FirefoxWithExtension;
beforeAll(async () => {
  forum = await startForum({ port: 0 });
  display = await startVirtualDisplay();
  f = await launchFirefoxWithExtension({}, { env: display.env });
});
afterAll(async () => {
  await f?.close();
  await display?.close();
  await forum?.close();
});

async function openThread(path: string): Promise<Page> {
  const page = await f.browser.newPage();
  await page.goto(forum.url + path);
  await page.bringToFront();
  return page;
}

describe('Firefox on a real keyboard', () => {
  it('Alt+Shift+K saves the thread being read, and pressed again unsaves it', async () => {
    const page = await openThread('/t/fatigue-months-after-chemo/1955');
    const save = inFirefoxPage(page, f.bidi).locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await display.press('alt+shift+k');
    await poll(() => save.textContent()).toBe('Saved');
    await display.press('alt+shift+k');
    await poll(() => save.textContent()).toBe('Save');
    await page.close();
  });

  it('Alt+Shift+G explains the word the reader double-clicked', async () => {
    const page = await openThread('/t/neuts-low-again/2011');
    await page.waitForSelector('#post_3 .cooked [data-threadside-term]');
    // "temperature" is a word everyone knows: not underlined, but explained when asked.
    const at = await page.evaluate(() => {
      const p = document.querySelector('#post_3 .cooked p')!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf('temperature');
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 'temperature'.length);
        (n.parentElement ?? p).scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    });
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y, { count: 2 });
    expect(await page.evaluate(() => getSelection()?.toString().trim())).toBe('temperature');
    await display.press('alt+shift+g');
    const tip = inFirefoxPage(page, f.bidi).locator('threadside-tooltip .ts-tooltip');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('temperature');
    await page.close();
  });

  it('logged no error from Threadside on the way', () => {
    expect(f.threadsideErrors()).toEqual([]);
  });
});
