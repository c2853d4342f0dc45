import { browser } from 'wxt/browser';
import type { SavedThread } from '../db/saved-thread';
import { threadRefFromUrl } from '../forums/registry';
import { firstUnreadUrl } from '../saved-list';

/** Switch to the tab already showing this thread, or open it at the first unread post. */
export async function openThread(t: SavedThread): Promise<void> {
  const tabs = await browser.tabs.query({ url: `${t.origin}/*` });
  const open = tabs.find((tab) => {
    const ref = tab.url ? threadRefFromUrl(tab.url) : null;
    return ref?.origin === t.origin && ref.threadId === t.threadId;
  });
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  const url = firstUnreadUrl(t);
  if (url) await browser.tabs.create({ url });
}
