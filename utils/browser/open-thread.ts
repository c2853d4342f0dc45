import { browser } from 'wxt/browser';
import type { SavedThread } from '../db/saved-thread';
import { threadRefFromUrl } from '../forums/registry';
import { sitePattern } from '../forums/match-pattern';
import { landingPost, threadUrlAt } from '../saved-list';
import { expectLanding } from './landings';

/**
 * In the background. Switch to the tab already showing this thread, or open it at post
 * `post` (by default the first new reply, else the first unread post): at the engine's address for that post, and
 * Threadside scrolls the rest of the way where the engine addresses only pages.
 */
export async function openThread(t: SavedThread, post: number | null = landingPost(t)): Promise<void> {
  const tabs = await browser.tabs.query({ url: sitePattern(t.origin) });
  const open = tabs.find((tab) => {
    const ref = tab.url ? threadRefFromUrl(tab.url) : null;
    return ref?.origin === t.origin && ref.threadId === t.threadId;
  });
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  const url = threadUrlAt(t, post);
  if (!url) return;
  // Before the tab exists: a quick forum page may ask for its landing before create() returns.
  if (post) await expectLanding({ tabId: null, origin: t.origin, threadId: t.threadId, post });
  await browser.tabs.create({ url });
}
