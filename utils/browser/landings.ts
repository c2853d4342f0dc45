import { storage } from 'wxt/utils/storage';

/**
 * Where a tab Threadside opened (or a page Threadside left) should land: a post number the
 * address alone may not reach, since most engines address pages, not post numbers. Kept in
 * the background's session storage, never in the address or the page, so the forum does not
 * learn why the page was opened. Each is taken once, by the same tab on the same thread.
 */
export interface Landing {
  /** Null for a tab about to be opened: it may load before its id is known here. */
  tabId: number | null;
  origin: string;
  threadId: string;
  post: number;
  at: number;
}

/** Long enough for a slow forum page to load; a landing older than this is forgotten. */
const LANDING_TTL_MS = 60_000;
const MAX_LANDINGS = 20;

const landingsItem = storage.defineItem<Landing[]>('session:landings', { fallback: [] });

const fresh = (all: Landing[], now: number) => all.filter((l) => now - l.at < LANDING_TTL_MS);

export async function expectLanding(landing: Omit<Landing, 'at'>, now = Date.now()): Promise<void> {
  const kept = fresh(await landingsItem.getValue(), now).filter(
    (l) =>
      l.tabId !== landing.tabId ||
      (l.tabId === null && (l.origin !== landing.origin || l.threadId !== landing.threadId)),
  );
  await landingsItem.setValue([...kept, { ...landing, at: now }].slice(-MAX_LANDINGS));
}

/** The post this tab should scroll to on this thread, once; null when there is none. */
export async function takeLanding(tabId: number, origin: string, threadId: string, now = Date.now()) {
  const all = fresh(await landingsItem.getValue(), now);
  const found = all.find(
    (l) => (l.tabId === tabId || l.tabId === null) && l.origin === origin && l.threadId === threadId,
  );
  if (found) await landingsItem.setValue(all.filter((l) => l !== found));
  return found?.post ?? null;
}
