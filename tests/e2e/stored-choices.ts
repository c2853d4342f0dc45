import type { ExtensionBrowser } from './extension-browser';

/**
 * Whether the bar's "folded on this site" is stored for `host`. The bar folds at once and the
 * choice is stored a moment later; a page loaded in between starts as it was before.
 */
export const barFoldedStored = (browser: ExtensionBrowser, host: string) =>
  browser.serviceWorker.evaluate(async (h) => {
    const { barHiddenOn } = await chrome.storage.local.get('barHiddenOn');
    return ((barHiddenOn as string[] | undefined) ?? []).includes(h);
  }, host);
