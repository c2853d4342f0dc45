import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ThreadView } from '../../utils/forums/adapter';
import { askBackground, hearFromBackground } from '../../utils/browser/messages';
import { snapshotOf } from '../../utils/page/snapshot';
import { readUpTo } from '../../utils/page/reading-progress';
import { firstNewPostNumber, newReplies } from '../../utils/db/saved-thread';
import { markPosts, unmarkPosts } from '../../utils/page/new-markers';
import { showPost } from './landing';
import { onStop } from './lifecycle';
import type { ReaderStops } from './reader-stops';

/**
 * Save / Saved for the thread on the page, and the reader's progress through it: the
 * highest post read to its end is sent (every few seconds at most) while the thread is saved.
 */
export interface SavingCallbacks {
  onSavedChange: (saved: boolean | null) => void;
  /** A save or an unsave the reader asked for: done (saved or not now), or failed (was it saved). */
  onToggled?: (saved: boolean) => void;
  onToggleFailed?: (wasSaved: boolean) => void;
  /** New replies since the last visit, counted once when the thread opens. */
  onNewReplies: (count: number) => void;
  /** The reader's key for Save, as the thread opens and as they come back to the tab. */
  onSaveKey?: (key: string | null) => void;
}

export function startSaving(ctx: ContentScriptContext, stops: ReaderStops, callbacks: SavingCallbacks) {
  const onSavedChange = callbacks.onSavedChange;
  // Posts from this number on were new when the reader opened the thread; they keep their
  // marker for the whole visit even as reading catches up.
  let firstNew: number | null = null;
  let thread: ThreadView | null = null;
  let saved: boolean | null = null;
  let readTo = 0;
  let reported = 0;
  let reportTimer: number | undefined;
  // A measure waiting for the next frame (below), and the visit's report waiting for it.
  let measureQueued = false;
  let reportWhenMeasured = false;

  const setSaved = (value: boolean | null) => {
    saved = value;
    onSavedChange(value);
  };

  const refreshState = async () => {
    if (!thread) return;
    const state = await askBackground('savedState', { threadId: thread.threadId }).catch(() => null);
    const record = state?.thread ?? null;
    if (state) callbacks.onSaveKey?.(state.saveKey);
    setSaved(!!record);
    if (record && firstNew === null) {
      // Counted against what the page shows now: it may know of replies a check has not seen.
      const current = {
        ...record,
        highestPostNumber: Math.max(record.highestPostNumber, snapshotOf(thread, 0).highestPostNumber),
        postCount: Math.max(record.postCount, thread.postCount),
      };
      firstNew = firstNewPostNumber(current);
      callbacks.onNewReplies(newReplies(current));
      markPosts(thread.posts, firstNew);
    }
    // The visit is told at once, with how far the reader is: after the first measure when
    // it waits for a frame.
    if (record) {
      if (measureQueued) reportWhenMeasured = true;
      else scheduleReport(0);
    }
  };

  // A plain timer, put off again on each reading: WXT's ctx.setTimeout would leave one more
  // listener on the context each time, for the page's life.
  const scheduleReport = (delay = 3000) => {
    clearTimeout(reportTimer);
    reportTimer = window.setTimeout(() => {
      if (!thread || !saved || ctx.isInvalid) return;
      reported = readTo;
      void askBackground('visit', { snapshot: snapshotOf(thread, readTo) }).catch(() => undefined);
    }, delay);
  };

  // Measured where the reader stops, and after the forum changes the page.
  const measureNow = () => {
    if (!thread || ctx.isInvalid) return;
    readTo = readUpTo(thread.posts, readTo, window.innerHeight, (el) => el.getBoundingClientRect());
    if (saved && readTo > reported) scheduleReport();
  };
  // Just after the browser's next frame, when the page is laid out anyway: measured at once,
  // the boxes would make the browser lay out a page the forum (and the new-reply marks) had
  // just changed, then lay it out again for the frame.
  const measureQueuedNow = () => {
    if (!measureQueued) return;
    measureQueued = false;
    measureNow();
    if (reportWhenMeasured) {
      reportWhenMeasured = false;
      scheduleReport(0);
    }
  };
  // Firefox throws from a frame or a timer asked for in a page it is tearing down: nothing
  // is left to measure there.
  const tryToQueue = (ask: () => void) => {
    try {
      ask();
    } catch {
      measureQueued = false;
      reportWhenMeasured = false;
    }
  };
  const measureReading = () => {
    // A hidden tab draws no frames: it would wait for the reader to come back.
    if (document.visibilityState === 'hidden') return measureNow();
    // Where no frame came for the one queued, this page runs no timers (Chromium with its
    // scripts off): measured at once, as the reader scrolls. The page's first measure is
    // queued like any other: taken at once, as the thread is first read, it made the
    // browser lay out a page still loading.
    if (measureQueued) return stops.timersRun() ? undefined : measureNow();
    measureQueued = true;
    // Plain timers: WXT's would each leave a listener on the context for the page's life.
    tryToQueue(() => requestAnimationFrame(() => tryToQueue(() => setTimeout(measureQueuedNow, 0))));
  };
  stops.afterEachStop(measureReading);
  ctx.addEventListener(document, 'visibilitychange', () => {
    // Back to this tab: the popup may have saved or removed the thread meanwhile.
    if (document.visibilityState === 'visible') void refreshState();
    // Away to another just after a stop: how far they read is taken before the frames stop.
    else measureQueuedNow();
  });

  const toggle = async () => {
    if (!thread || saved === null) return;
    // Saved with how far the reader is, though the page has drawn no frame since (its
    // scripts off in Chromium, where none of its timers runs).
    measureQueuedNow();
    const was = saved;
    setSaved(null);
    try {
      if (was) await askBackground('unsave', { threadId: thread.threadId });
      else await askBackground('save', { snapshot: snapshotOf(thread, readTo) });
      setSaved(!was);
      callbacks.onToggled?.(!was);
    } catch {
      setSaved(was);
      callbacks.onToggleFailed?.(was);
    }
  };

  onStop(
    ctx,
    hearFromBackground('toggleSave', () => void toggle()),
  );
  onStop(ctx, () => {
    clearTimeout(reportTimer);
    unmarkPosts(document);
  });

  return {
    toggle,
    firstNew: () => firstNew,
    /** The thread as the page shows it now (new posts, a new title, another topic). */
    update(next: ThreadView) {
      const changed = !thread || thread.origin !== next.origin || thread.threadId !== next.threadId;
      thread = next;
      if (changed) {
        readTo = 0;
        reported = 0;
        firstNew = null;
        callbacks.onNewReplies(0);
        setSaved(null);
        void refreshState();
      }
      markPosts(next.posts, firstNew);
      stops.whenStill(measureReading);
      if (saved && !changed) scheduleReport();
    },
    /** "Mark as read": nothing in this thread stays new (the marks stay for this visit). */
    async markRead() {
      if (!thread) return;
      // Only once it is stored: the bar must not say "read" when the list still counts them new.
      if (
        await askBackground('markRead', { threadId: thread.threadId }).then(
          () => true,
          () => false,
        )
      )
        callbacks.onNewReplies(0);
    },
    /** Scroll to the first new reply, or load the thread there if the forum has not yet. */
    jumpToNew(byKeyboard: boolean) {
      if (thread && firstNew !== null) showPost(thread, firstNew, byKeyboard);
    },
  };
}
