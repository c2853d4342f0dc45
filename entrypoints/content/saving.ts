import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ThreadView } from '../../utils/forums/adapter';
import { reportVisit, requestSave, requestSavedState, requestUnsave, TOGGLE_SAVE } from '../../utils/browser/messages';
import { highestReadPost, snapshotOf } from '../../utils/page/snapshot';

/**
 * Save / Saved for the thread on the page, and the reader's progress through it: the
 * highest post read to its end is sent (every few seconds at most) while the thread is saved.
 */
export function startSaving(ctx: ContentScriptContext, onSavedChange: (saved: boolean | null) => void) {
  let thread: ThreadView | null = null;
  let saved: boolean | null = null;
  let readTo = 0;
  let reported = 0;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  let scrollQueued = false;

  const setSaved = (value: boolean | null) => {
    saved = value;
    onSavedChange(value);
  };

  const refreshState = async () => {
    if (!thread) return;
    const record = await requestSavedState(thread.origin, thread.threadId).catch(() => null);
    setSaved(!!record);
    if (record) scheduleReport(0);
  };

  const scheduleReport = (delay = 3000) => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (!thread || !saved) return;
      reported = readTo;
      void reportVisit(snapshotOf(thread, readTo)).catch(() => undefined);
    }, delay);
  };

  const measure = () => {
    scrollQueued = false;
    if (!thread) return;
    readTo = highestReadPost(thread.posts, window.innerHeight, readTo);
    if (saved && readTo > reported) scheduleReport();
  };

  const onScroll = () => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(measure);
  };
  ctx.addEventListener(window, 'scroll', onScroll, { passive: true });
  // Back to this tab: the popup may have saved or removed the thread meanwhile.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshState();
  });

  const toggle = async () => {
    if (!thread || saved === null) return;
    const was = saved;
    setSaved(null);
    try {
      if (was) await requestUnsave(thread.origin, thread.threadId);
      else await requestSave(snapshotOf(thread, readTo));
      setSaved(!was);
    } catch {
      setSaved(was);
    }
  };

  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === TOGGLE_SAVE) void toggle();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    clearTimeout(reportTimer);
    browser.runtime.onMessage.removeListener(onMessage);
  });

  return {
    toggle,
    /** The thread as the page shows it now (new posts, a new title, another topic). */
    update(next: ThreadView) {
      const changed = !thread || thread.origin !== next.origin || thread.threadId !== next.threadId;
      thread = next;
      if (changed) {
        readTo = 0;
        reported = 0;
        setSaved(null);
        void refreshState();
      }
      measure();
      if (saved && !changed) scheduleReport();
    },
  };
}
