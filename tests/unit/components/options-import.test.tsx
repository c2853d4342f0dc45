// @vitest-environment happy-dom
import { act } from 'react';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { getDb } from '../../../utils/browser/db';
import { buildExport } from '../../../utils/db/export-format';
import { savedThread } from '../saved-thread-fixture';
import { openPage } from './extension-page';

let page: ReturnType<typeof openPage>;
let host: HTMLElement;
beforeEach(async () => {
  // The sites section lists what the reader granted: nothing here.
  const permissions = browser.permissions as unknown as { getAll: () => Promise<unknown> };
  vi.spyOn(permissions, 'getAll').mockResolvedValue({ origins: [], permissions: [] });
  await getDb().threads.clear();
  page = openPage(<OptionsApp />);
  host = page.host;
});
afterEach(() => {
  page.close();
  vi.restoreAllMocks();
});

const until = (done: () => unknown) => page.until(done);
const message = () => host.querySelector('[data-testid=data-message]')?.textContent;

/** The reader picks `file` in the import field. */
async function choose(file: File) {
  await until(() => host.querySelector('[data-testid=import-file]'));
  const input = host.querySelector<HTMLInputElement>('[data-testid=import-file]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(message);
}

describe('options: importing the reader’s own backup with a forum on their network', () => {
  const backup = () => {
    const saved = Date.parse('2026-10-01T09:00:00Z');
    const home = savedThread('1828', { origin: 'http://forum.lan', savedAt: saved, note: 'Ask about dose' });
    const text = JSON.stringify(buildExport([home, savedThread('1902', { savedAt: saved })], new Date(saved + 1000)));
    return new File([text], 'threadside-backup.json', { type: 'application/json' });
  };

  it('restores it where the reader added that site', async () => {
    const permissions = browser.permissions as unknown as { contains: (p: { origins: string[] }) => Promise<boolean> };
    vi.spyOn(permissions, 'contains').mockImplementation((p) => Promise.resolve(p.origins[0] === 'http://forum.lan/*'));
    await choose(backup());
    expect(message()).toBe('Imported “threadside-backup.json”: 2 threads added, 0 updated, 0 already up to date.');
    // Only the forum on the reader's network is asked about; a known forum needs no asking.
    expect(vi.mocked(permissions.contains).mock.calls).toEqual([[{ origins: ['http://forum.lan/*'] }]]);
    expect((await getDb().threads.get(['http://forum.lan', '1828']))?.note).toBe('Ask about dose');
  });

  it('says to add the site first where the reader has not, and imports nothing', async () => {
    const permissions = browser.permissions as unknown as { contains: () => Promise<boolean> };
    vi.spyOn(permissions, 'contains').mockResolvedValue(false);
    await choose(backup());
    expect(message()).toMatch(/^Thread 1: .* turn that site on under “Sites” first, then import the file again\./);
    expect(await getDb().threads.count()).toBe(0);
  });
});

describe('options: importing a file the browser cannot store', () => {
  it('says nothing was imported, that the saved threads are as they were, and what to try', async () => {
    const saved = Date.parse('2026-10-01T09:00:00Z');
    const file = new File(
      [JSON.stringify(buildExport([savedThread('1828', { savedAt: saved })], new Date(saved + 1000)))],
      'threads.json',
      { type: 'application/json' },
    );
    await until(() => host.querySelector('[data-testid=import-file]'));
    const input = host.querySelector<HTMLInputElement>('[data-testid=import-file]')!;
    vi.spyOn(getDb(), 'transaction').mockImplementationOnce(() => {
      throw new Error('QuotaExceededError');
    });
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(message);
    expect(message()).toMatch(
      /^Threadside could not store the threads from this file\. Nothing was imported, and your saved threads are as they were\. .*QuotaExceededError/,
    );
    expect(await getDb().threads.count()).toBe(0);
  });
});
