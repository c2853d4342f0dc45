import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualDisplay, type VirtualDisplay } from './desktop';
import { poll } from './harness';
import { launchReader, type Reader } from './reader';
import { startForum, type ForumLab } from '../forum-lab/server';

// Firefox with a window on a private display, and the keys pressed as a reader presses them:
// extension shortcuts go through Firefox's own key handling (its menus' letters come first),
// which no page event reaches. A new tab is the one in front, where the keys go.
let forum: ForumLab;
let display: VirtualDisplay;
let reader: Reader;
beforeAll(async () => {
  forum = await startForum({ port: 0 });
  display = await startVirtualDisplay();
  reader = await launchReader('firefox', { env: display.env });
});
afterAll(async () => {
  await reader?.close();
  await display?.close();
  await forum?.close();
});

describe('Firefox on a real keyboard', () => {
  it('Alt+Shift+K saves the thread being read, and pressed again unsaves it', async () => {
    const tab = await reader.open(forum.url + '/t/fatigue-months-after-chemo/1955');
    const save = tab.ui.locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await display.press('alt+shift+k');
    await poll(() => save.textContent()).toBe('Saved');
    await display.press('alt+shift+k');
    await poll(() => save.textContent()).toBe('Save');
    await tab.close();
  });

  it('names the key the reader chose for Save in the bar, and that key saves', async () => {
    // As the reader changes it in Firefox's "Manage Extension Shortcuts".
    const setKey = async (shortcut: string | null) => {
      const page = await reader.open(reader.extensionUrl('options.html'));
      await page.evaluate(async (key) => {
        const { commands } = (globalThis as unknown as { browser: typeof chrome }).browser as unknown as {
          commands: {
            update(d: { name: string; shortcut: string }): Promise<void>;
            reset(name: string): Promise<void>;
          };
        };
        await (key ? commands.update({ name: 'toggle-save', shortcut: key }) : commands.reset('toggle-save'));
      }, shortcut);
      await page.close();
    };
    await setKey('Alt+Shift+J');
    try {
      const tab = await reader.open(forum.url + '/t/fatigue-months-after-chemo/1955');
      const save = tab.ui.locator('threadside-bar [data-testid=save]');
      await poll(() => save.getAttribute('title')).toBe('Save this thread to follow it (Alt+Shift+J)');
      await display.press('alt+shift+j');
      await poll(() => save.textContent()).toBe('Saved');
      expect(await save.getAttribute('title')).toBe('Saved to your Threadside list. Click to remove it (Alt+Shift+J)');
      await display.press('alt+shift+j');
      await poll(() => save.textContent()).toBe('Save');
      await tab.close();
    } finally {
      await setKey(null);
    }
  });

  it('Alt+Shift+G explains the word the reader double-clicked', async () => {
    const tab = await reader.open(forum.url + '/t/neuts-low-again/2011');
    await poll(() =>
      tab.evaluate((s) => document.querySelector(s) !== null, '#post_3 .cooked [data-threadside-term]'),
    ).toBe(true);
    // "temperature" is a word everyone knows: not underlined, but explained when asked.
    await tab.selectWord('#post_3 .cooked p', 'temperature');
    expect(await tab.evaluate(() => getSelection()?.toString().trim(), null)).toBe('temperature');
    await display.press('alt+shift+g');
    const tip = tab.ui.locator('threadside-tooltip .ts-tooltip');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('temperature');
    await tab.close();
  });

  it('logged no error from Threadside on the way', () => {
    expect(reader.threadsideErrors()).toEqual([]);
  });
});
