import type { BrowserContext, Page } from 'playwright-core';
import type { SavedThread } from '../../utils/db/saved-thread';
import { poll } from './harness';
import { inPage } from './in-page-ui';

/** The reader opens the thread and presses Save in the bar; the tab is closed after. */
export async function saveFromBar(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  const save = inPage(page).locator('threadside-bar [data-testid=save]');
  await poll(() => save.isEnabled()).toBe(true);
  await save.click();
  await poll(() => save.textContent()).toBe('Saved');
  await page.close();
}

/** Every saved thread, read straight from the extension's database (from one of its pages). */
export const savedThreads = (extensionPage: Page) =>
  extensionPage.evaluate(
    () =>
      new Promise<SavedThread[]>((resolve, reject) => {
        const open = indexedDB.open('threadside');
        open.onsuccess = () => {
          const all = open.result.transaction('threads').objectStore('threads').getAll();
          all.onsuccess = () => resolve(all.result as SavedThread[]);
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
  );

/** Records written straight into the database, as an import from another browser would leave them. */
export const putThreads = (extensionPage: Page, records: SavedThread[]) =>
  extensionPage.evaluate(
    (rs) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('threadside');
        open.onsuccess = () => {
          const tx = open.result.transaction('threads', 'readwrite');
          for (const r of rs) tx.objectStore('threads').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
    records,
  );

/** The reader had read only to post `read` of the `baseline` there were when they last caught up. */
export const readOnlyTo = async (extensionPage: Page, read: number, baseline: number) =>
  putThreads(
    extensionPage,
    (await savedThreads(extensionPage)).map((t) => ({ ...t, lastReadPostNumber: read, baselinePostNumber: baseline })),
  );

/**
 * Runs in an extension page: the saved record of the thread titled `title` changed as if the
 * reader had read up to post `read` (and seen the thread up to there).
 */
export const readUpToInPage = ([title, read]: readonly [string, number]) =>
  new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('threadside');
    open.onsuccess = () => {
      const store = open.result.transaction('threads', 'readwrite').objectStore('threads');
      const all = store.getAll();
      all.onsuccess = () => {
        const record = (all.result as Array<Record<string, unknown>>).find((r) => r.title === title);
        if (!record) return reject(new Error(`no saved thread titled ${title}`));
        store.put({ ...record, lastReadPostNumber: read, baselinePostNumber: read });
        store.transaction.oncomplete = () => resolve();
      };
    };
    open.onerror = () => reject(new Error(String(open.error)));
  });
