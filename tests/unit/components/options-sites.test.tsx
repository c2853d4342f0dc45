// @vitest-environment happy-dom
import { browser } from 'wxt/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SitesSection } from '../../../components/options/SitesSection';
import { openPage } from './extension-page';

type Commands = { commands?: unknown };
const commands = (browser as unknown as Commands).commands;
afterEach(() => {
  (browser as unknown as Commands).commands = commands;
  vi.restoreAllMocks();
});

/** The sites section as the reader's browser has its keys: `shortcut` opens Threadside. */
async function howToAddASite(shortcut: string) {
  const permissions = browser.permissions as unknown as { getAll: () => Promise<unknown> };
  vi.spyOn(permissions, 'getAll').mockResolvedValue({ origins: [], permissions: [] });
  (browser as unknown as Commands).commands = {
    getAll: () => Promise.resolve([{ name: '_execute_action', shortcut }]),
  };
  const page = openPage(<SitesSection />);
  const text = () => [...page.host.querySelectorAll('p')].find((p) => p.textContent?.startsWith('To use it'));
  // A few turns of the page's updates: the browser's answer is drawn by then, key or none.
  let turns = 0;
  await page.until(() => text()?.textContent?.includes('press') || ++turns > 5);
  const said = text()!.textContent.replace(/\s+/g, ' ');
  page.close();
  return said;
}

describe('options: adding a site', () => {
  it('names the key that opens Threadside as the reader’s browser has it, or none when it has none', async () => {
    expect(await howToAddASite('Ctrl+Shift+Y')).toContain(
      'click the Threadside button in the toolbar (or press Ctrl+Shift+Y) and choose',
    );
    expect(await howToAddASite('')).toContain('click the Threadside button in the toolbar and choose');
  });
});
