/** A request for one site's access, asked from the popup at `at` (ms since the epoch). */
export interface SiteRequest {
  origin: string;
  at: number;
}

/** Older than this, a question is stale: the reader has moved on. */
const REMEMBERED_MS = 10 * 60_000;

/**
 * The line the popup shows on opening for a question it asked but could not see answered,
 * or null when there is nothing to say for the site now in the tab.
 */
export function siteRequestOutcome(asked: SiteRequest, origin: string, granted: boolean, now: number): string | null {
  if (asked.origin !== origin || now - asked.at > REMEMBERED_MS || now < asked.at) return null;
  return siteAnswerMessage(origin, granted);
}

/** The popup's line for the browser's answer about the site in the tab. */
export const siteAnswerMessage = (origin: string, granted: boolean) =>
  granted ? `Threadside is on for ${new URL(origin).host}.` : 'Threadside was not given access to this site.';
