import { browser } from 'wxt/browser';
import { KNOWN_FORUMS } from '../forums/known-forums';

/**
 * Sites beyond the known forums: Threadside runs there only after the reader grants that
 * one site, at that moment. webext-dynamic-content-scripts (in the background) then
 * registers the content script there and keeps it across restarts.
 */
export const originPattern = (origin: string) => `${origin}/*`;

export function isKnownForum(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return KNOWN_FORUMS.some((f) => f.host === host);
  } catch {
    return false;
  }
}

export function webOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

export const hasSite = (origin: string) => browser.permissions.contains({ origins: [originPattern(origin)] });

/** Must run from a click: browsers only ask for permissions in answer to the reader. */
export const enableSite = (origin: string) => browser.permissions.request({ origins: [originPattern(origin)] });

export const disableSite = (origin: string) => browser.permissions.remove({ origins: [originPattern(origin)] });

/** Sites the reader has enabled, beyond the known forums. */
export async function enabledSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins
    .filter((o) => o !== '*://*/*')
    .map((o) => o.replace(/\/\*$/, ''))
    .filter((o) => !isKnownForum(o.replace('*://', 'https://')));
}
