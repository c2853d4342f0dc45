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
