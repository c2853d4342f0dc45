import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';
import { poll } from './harness';
import { inPage } from './in-page-ui';
import { PANEL_LEFT_OPEN, storedFor } from './stored-choices';

/** Whether the reader's choice "leave the panel open on this forum" is stored for `page`'s site. */
export const panelLeftOpen = (browser: ExtensionBrowser, page: Page) =>
  storedFor(browser, PANEL_LEFT_OPEN, new URL(page.url()).host);

/**
 * Closes the summary panel as the reader does, and waits until that choice is stored. The
 * panel opens by itself on the next page of the same forum otherwise (all the demo forums
 * share one host), where a test's click on Summary would then close it.
 */
export async function closeSummary(browser: ExtensionBrowser, page: Page) {
  // The pointer may rest on a term in the panel, whose tooltip then covers the close
  // button; a reader's pointer leaves the term on its way to the button.
  await page.mouse.move(1, 1);
  await inPage(page).locator('threadside-summary .ts-panel-head button').click();
  await poll(() => panelLeftOpen(browser, page)).toBe(false);
}
