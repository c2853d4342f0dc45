import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { KNOWN_FORUMS } from '../forums/known-forums';
import { matchesPattern, sitePattern } from '../forums/match-pattern';
import { patternHost, siteRows, type SiteRow } from '../sites/site-list';
import { siteRequestOutcome, type SiteRequest } from '../sites/site-request';
import { knownForumsOffSetting, turnedOffSitesSetting } from './settings';

/**
 * Sites beyond the known forums: Threadside runs there only after the reader grants that
 * one site, at that moment. webext-dynamic-content-scripts (in the background) then
 * registers the content script there and keeps it across restarts. A site is always named
 * by `sitePattern` (scheme and host), the one form both browsers read alike.
 */

const isKnownHost = (host: string) => KNOWN_FORUMS.some((f) => f.host === host);

export function isKnownForum(origin: string): boolean {
  try {
    return isKnownHost(new URL(origin).hostname);
  } catch {
    return false;
  }
}

export const hasSite = (origin: string) => browser.permissions.contains({ origins: [sitePattern(origin)] });

/**
 * Which of these origins are sites the reader added (on or off): an imported file's threads
 * there are theirs to restore. At most `max` are asked about; a file naming more is not a
 * reader's backup.
 */
export async function sitesAdded(origins: string[], max = 200): Promise<Set<string>> {
  const added = new Set<string>();
  for (const origin of origins.slice(0, max)) {
    try {
      if (await hasSite(origin)) added.add(origin);
    } catch {
      // An address that is no origin at all is not a site of theirs (the import says why).
    }
  }
  return added;
}

const hostnameOf = (origin: string) => {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
};

/** Whether the reader turned this known forum off. */
export const knownForumTurnedOff = async (origin: string) =>
  isKnownForum(origin) && (await knownForumsOffSetting.getValue()).includes(hostnameOf(origin));

/** A known forum on or off: no browser prompt either way (its access came with the install). */
export async function setKnownForumOn(origin: string, on: boolean): Promise<void> {
  const host = hostnameOf(origin);
  if (!isKnownHost(host)) return;
  const off = await knownForumsOffSetting.getValue();
  const next = on ? off.filter((h) => h !== host) : off.includes(host) ? off : [...off, host];
  if (next.length !== off.length) await knownForumsOffSetting.setValue(next);
}

/** Whether Threadside runs on this site now: granted (known or added) and not turned off. */
export const runsOnSite = async (origin: string) => (await siteState(origin)) === 'yes';

/** Whether Threadside may work on this site now: turned off by the reader, not granted, or yes. */
export async function siteState(origin: string): Promise<'yes' | 'no-access' | 'turned-off'> {
  if ((await turnedOffSitesSetting.getValue()).includes(sitePattern(origin)) || (await knownForumTurnedOff(origin)))
    return 'turned-off';
  return (await hasSite(origin)) ? 'yes' : 'no-access';
}

async function forgetTurnedOff(patterns: string[]) {
  const off = await turnedOffSitesSetting.getValue();
  const kept = off.filter((p) => !patterns.includes(p));
  if (kept.length !== off.length) await turnedOffSitesSetting.setValue(kept);
}

/**
 * For the background, when the browser grants sites: whoever asked may be gone by then (the
 * popup closes as the browser's prompt takes the focus), so the grant itself turns them on.
 */
export const sitesGranted = (origins: string[]) => forgetTurnedOff(origins);

async function rememberTurnedOff(pattern: string) {
  const off = await turnedOffSitesSetting.getValue();
  if (!off.includes(pattern)) await turnedOffSitesSetting.setValue([...off, pattern]);
}

/**
 * Must be called straight from the reader's click, before any other await: browsers only
 * ask for permissions in answer to the reader.
 */
export async function turnOnSite(pattern: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [pattern] });
  // Also done by the background on the grant; here too, so the caller's list is right at once.
  if (granted) await forgetTurnedOff([pattern]);
  return granted;
}

/**
 * The popup's question to the browser, kept for this browser session: the popup closes when
 * the prompt takes the focus, so it learns the answer only when the reader opens it again.
 */
const SITE_REQUEST_KEY = 'siteRequest';
const siteRequestItem = storage.defineItem<SiteRequest | null>(`session:${SITE_REQUEST_KEY}`, { fallback: null });

/**
 * Like `turnOnSite`, from the popup: the question is remembered before the popup can close.
 * It stays remembered after the answer too: a popup that saw the answer can still close
 * before the reader read it (the focus going back to the page), so the next popup says it.
 */
export function askForSiteFromPopup(origin: string): Promise<boolean> {
  // Sent to storage at once, straight from the click and before the browser is asked (no
  // await between them: the prompt needs the click). The prompt can close the popup at
  // once; a write that waited on the storage item's own start-up was lost with it.
  const request: SiteRequest = { origin, at: Date.now() };
  void browser.storage.session.set({ [SITE_REQUEST_KEY]: request });
  return turnOnSite(sitePattern(origin));
}

/** What became of a question the popup asked before it closed: a line for the reader, once. */
export async function earlierSiteAnswer(origin: string, granted: boolean): Promise<string | null> {
  const asked = await siteRequestItem.getValue();
  if (!asked) return null;
  await siteRequestItem.removeValue();
  return siteRequestOutcome(asked, origin, granted, Date.now());
}

/** Off, but remembered on the options page so it can be turned on again. */
export async function turnOffSite(pattern: string): Promise<void> {
  await browser.permissions.remove({ origins: [pattern] });
  await rememberTurnedOff(pattern);
}

/**
 * Off for the site of an open tab, whatever form its grant took (the toolbar menu and the
 * popup grant "origin/*", but a broader grant may cover it too): it is remembered as off.
 */
export async function turnOffOrigin(origin: string): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const covering = origins.filter((p) => {
    const host = patternHost(p);
    return host !== null && !isKnownHost(host) && matchesPattern(p, `${origin}/`);
  });
  if (covering.length) await browser.permissions.remove({ origins: covering });
  await rememberTurnedOff(sitePattern(origin));
}

/** Off and forgotten. */
export async function removeSite(pattern: string): Promise<void> {
  await forgetTurnedOff([pattern]);
  await browser.permissions.remove({ origins: [pattern] });
}

/** Sites the reader added, on or off, beyond the known forums. */
export async function listSites(): Promise<SiteRow[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return siteRows(origins, await turnedOffSitesSetting.getValue(), isKnownHost);
}
