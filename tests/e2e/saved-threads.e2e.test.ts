import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ExportFile } from '../../utils/db/export-format';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { launchWithExtension, type ExtensionBrowser } from './extension-browser';

const env = useForumAndBrowser();
const THREAD = '/t/what-is-car-t-therapy/1828';

const popupUrl = () => `chrome-extension://${env.browser.extensionId}/popup.html`;
const optionsUrl = (b: ExtensionBrowser) => `chrome-extension://${b.extensionId}/options.html`;

describe('saving threads', () => {
  it('saves from the page, then the popup lists, finds, opens, removes and restores it', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + THREAD);
    const save = inPage(page).locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    expect(await save.textContent()).toBe('Save');
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    expect(await save.getAttribute('aria-pressed')).toBe('true');

    const popup = await env.browser.context.newPage();
    await popup.goto(popupUrl());
    const row = popup.locator('.thread-row', { hasText: 'What is CAR-T therapy?' });
    await poll(() => row.count()).toBe(1);
    expect(await row.locator('.row-meta').textContent()).toContain('Threadside demo forum');

    // Search by title, then for something that is not there.
    await popup.getByPlaceholder('Search titles and notes').fill('car-t');
    await poll(() => row.count()).toBe(1);
    await popup.getByPlaceholder('Search titles and notes').fill('hickman');
    await poll(() => popup.locator('.thread-row').count()).toBe(0);
    await popup.getByPlaceholder('Search titles and notes').fill('');

    // A note, found by search too.
    await row.getByRole('button', { name: /Note on/ }).click();
    await row.locator('textarea').fill('Ask about eligibility at clinic');
    await row.getByRole('button', { name: 'Save note' }).click();
    await popup.getByPlaceholder('Search titles and notes').fill('eligibility clinic');
    await poll(() => popup.locator('.thread-row .row-note').textContent()).toBe('Ask about eligibility at clinic');
    await popup.getByPlaceholder('Search titles and notes').fill('');

    // Opening switches to the tab that already shows the thread instead of opening another.
    const pagesBefore = env.browser.context.pages().length;
    await row.locator('.row-open').click();
    await poll(() => page.evaluate(() => document.visibilityState)).toBe('visible');
    expect(env.browser.context.pages().filter((p) => p.url().includes('/t/what-is-car-t-therapy/1828'))).toHaveLength(
      1,
    );
    expect(env.browser.context.pages().length).toBeLessThanOrEqual(pagesBefore);

    // Remove, then undo.
    const popup2 = await env.browser.context.newPage();
    await popup2.goto(popupUrl());
    const row2 = popup2.locator('.thread-row', { hasText: 'What is CAR-T therapy?' });
    await row2.getByRole('button', { name: /Remove/ }).click();
    await poll(() => row2.count()).toBe(0);
    await popup2.getByRole('button', { name: 'Undo' }).click();
    await poll(() => row2.count()).toBe(1);
    expect(await row2.locator('.row-note').textContent()).toBe('Ask about eligibility at clinic');

    // Unsaved from the bar, then saved again: the bar's toggle is its own undo, and the
    // note comes back with the thread.
    await page.reload();
    await poll(() => save.textContent()).toBe('Saved');
    await save.click();
    await poll(() => save.textContent()).toBe('Save');
    await poll(() => row2.count()).toBe(0);
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    await poll(() => row2.count()).toBe(1);
    expect(await row2.locator('.row-note').textContent()).toBe('Ask about eligibility at clinic');
    await popup2.close();
    await page.close();
  });

  it('exports to a file that restores the list in a fresh profile', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(optionsUrl(env.browser));
    await poll(() => options.getByText(/You have 1 saved thread\./).count()).toBe(1);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export to a file' }).click(),
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'threadside-export-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'export.json');
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as ExportFile;
    expect(exported).toMatchObject({ format: 'threadside-saved-threads', version: 1 });
    expect(exported.threads[0]).toMatchObject({
      title: 'What is CAR-T therapy?',
      note: 'Ask about eligibility at clinic',
    });

    const fresh = await launchWithExtension();
    try {
      const freshOptions = await fresh.context.newPage();
      await freshOptions.goto(optionsUrl(fresh));
      await poll(() => freshOptions.getByText(/You have 0 saved threads\./).count()).toBe(1);
      await freshOptions.getByTestId('import-file').setInputFiles(file);
      await poll(() => freshOptions.getByTestId('data-message').textContent()).toContain('1 thread added');
      const popup = await fresh.context.newPage();
      await popup.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
      await poll(() => popup.locator('.thread-row', { hasText: 'What is CAR-T therapy?' }).count()).toBe(1);

      // A broken file changes nothing and says why.
      const broken = join(dir, 'broken.json');
      await writeFile(broken, (await readFile(file, 'utf8')).slice(0, 60));
      await freshOptions.getByTestId('import-file').setInputFiles(broken);
      await poll(() => freshOptions.getByTestId('data-message').textContent()).toContain('Nothing was imported');
      expect(await freshOptions.getByTestId('data-message').getAttribute('role')).toBe('alert');
      await poll(() => freshOptions.getByText(/You have 1 saved thread\./).count()).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
