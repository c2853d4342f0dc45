import type { ExtensionBrowser } from './extension-browser';

/**
 * Runs in an extension page or the service worker, in either browser: whether the list of
 * sites stored under `key` (or under its `field`) holds `host`. The bar folds and the panel
 * closes at once, and the choice is stored a moment later: a page loaded in between starts
 * as it was before, so tests wait for this.
 */
export async function hostStoredInPage([key, field, host]: readonly [string, string | null, string]) {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const value = (await api.storage.local.get(key))[key] as Record<string, unknown> | string[] | undefined;
  const list = (field ? (value as Record<string, unknown> | undefined)?.[field] : value) as string[] | undefined;
  return (list ?? []).includes(host);
}

/** The summary panel's "left open on this site" (`summaryPanel.openOn`). */
export const PANEL_LEFT_OPEN = ['summaryPanel', 'openOn'] as const;
/** The bar's "folded on this site" (`barHiddenOn`). */
export const BAR_FOLDED = ['barHiddenOn', null] as const;

export const storedFor = (browser: ExtensionBrowser, [key, field]: readonly [string, string | null], host: string) =>
  browser.serviceWorker.evaluate(hostStoredInPage, [key, field, host] as const);

export const barFoldedStored = (browser: ExtensionBrowser, host: string) => storedFor(browser, BAR_FOLDED, host);
