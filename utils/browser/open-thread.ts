import { browser, type Browser } from 'wxt/browser';
import type { SavedThread } from '../db/saved-thread';
import { threadRefFromUrl } from '../forums/registry';
import { sitePattern } from '../forums/match-pattern';
import { landingInOpenTab, landingPost, threadUrlAt } from '../saved-list';
import { askTab } from './messages';
import { expectLanding } from './landings';

/**
 * In the background. Open the thread at post `post` (by default the first new reply, else
 * the first unread post): at the engine's address for that post, and Threadside scrolls the
 * rest of the way where the engine addresses only pages. A tab already showing the thread
 * is brought forward instead, and taken to the first new reply if there is one.
 */
export async function openThread(t: SavedThread, post: number | null = landingPost(t)): Promise<void> {
  const tabs = await browser.tabs.query({ url: sitePattern(t.origin) });
  const open = tabs.find((tab) => shows(tab, t));
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
    await showInTab(t, open.id);
    return;
  }
  const url = threadUrlAt(t, post);
  if (!url) return;
  // Before the tab exists: a quick forum page may ask for its landing before create() returns.
  if (post) await expectLanding({ tabId: null, origin: t.origin, threadId: t.threadId, post });
  await browser.tabs.create({ url });
}

const shows = (tab: Browser.tabs.Tab | null, t: SavedThread) => {
  const ref = tab?.url ? threadRefFromUrl(tab.url) : null;
  return ref?.origin === t.origin && ref.threadId === t.threadId;
};

/**
 * The page itself goes to the post: it scrolls when the post is drawn there, and loads the
 * post's page only when it is not. Only a discarded or loading tab, where Threadside is not
 * running (yet), is sent to the post's address from here; a page that has moved on to
 * another thread is left alone.
 */
async function showInTab(t: SavedThread, tabId: number) {
  const post = landingInOpenTab(t);
  if (!post) return;
  if ((await askTab(tabId, 'showPost', { threadId: t.threadId, post })) !== null) return;
  const url = threadUrlAt(t, post);
  // Looked at again: the reader may have gone elsewhere in that tab meanwhile. Loaded only
  // when nothing there can be lost (a tab the browser discarded, or one still loading): a
  // loaded page where Threadside does not answer (turned off there, or left over from an
  // update) may hold a half-written reply, so it is only brought forward.
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!url || !tab || !shows(tab, t) || !(tab.discarded || tab.status === 'loading')) return;
  await expectLanding({ tabId, origin: t.origin, threadId: t.threadId, post });
  await browser.tabs.update(tabId, { url });
}
