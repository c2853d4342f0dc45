import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchReaderPause } from '../../utils/page/reader-pause';
import { onStop } from './lifecycle';

/** Still for this long, the page is being read rather than scrolled past. */
const STILL_MS = 200;
/** A page that never stands still (scrolled by a script) is still measured this often. */
const MAX_WAIT_MS = 2000;

export interface ReaderStops {
  /** Run `work` once the page stands still (at once if it does now). */
  whenStill(work: () => void): void;
  /** Run `work` each time the page comes to a stop after scrolling. */
  afterEachStop(work: () => void): void;
  /** Run `work` as the page starts to move (the first scroll or resize after a stop). */
  onMove(work: () => void): void;
  /** False until the page's timers are seen to run (Chromium runs none with scripts off). */
  timersRun(): boolean;
  /** The thread's posts as last read: a reader who scrolls past all of them is skimming. */
  watchPosts(posts: readonly Element[]): void;
}

/**
 * Where the reader stops: work that matters only to a reader who is reading waits for it
 * (underlining the posts that came near, measuring how far the reader has read), not done
 * as every post passes by. The reader moves the document, or a box the posts scroll in
 * (`holdsPosts`); a carousel or a chat box scrolling beside them is not the reader moving
 * on. A resize, a zoom or a turned phone moves the posts too.
 */
export function watchReaderStops(ctx: ContentScriptContext, holdsPosts: (el: Element) => boolean): ReaderStops {
  let timersRun = false;
  setTimeout(() => (timersRun = true), 0);
  // The first and the last post read at the last reading of the thread, and where each was
  // at the browser's last word: above the screen (-1), on it (0) or below it (1). A reader
  // still scrolling when the limit comes, with the last of them gone above the screen (or
  // the first below it), has moved past all the forum had loaded around them in two
  // seconds: skimming, not reading as they scroll, so the work waits for their stop. Told
  // by an observer, which the browser answers from the layout it makes anyway (asking where
  // the page is scrolled would make it lay out a page the forum had just changed), and on
  // those two posts only: on each post read, it was called at every step of a skim.
  let first: Element | null = null;
  let last: Element | null = null;
  const where = new Map<Element, -1 | 0 | 1>();
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) {
      // Taken off the page by the forum (unloaded, or drawn anew): where it was last seen stands.
      if (!e.target.isConnected) continue;
      const above = e.boundingClientRect.bottom <= (e.rootBounds?.top ?? 0);
      where.set(e.target, e.isIntersecting ? 0 : above ? -1 : 1);
    }
  });
  const passingBy = () => (!!last && where.get(last) === -1) || (!!first && where.get(first) === 1);
  const pause = watchReaderPause({
    quietMs: STILL_MS,
    maxWaitMs: MAX_WAIT_MS,
    timersRun: () => timersRun,
    passingBy,
  });
  const eachStop = new Set<() => void>();
  const eachMove = new Set<() => void>();
  // Set from the first move to the stop it comes to.
  let moving = false;
  const startMove = () => {
    if (moving) return;
    moving = true;
    // Queued first, so a move listener that throws cannot leave the page moving for good.
    pause.whenStill(stopped);
    // Before the stop's works: what a move listener queues (reading the stream anew) runs
    // before them (measuring the posts it read).
    for (const work of eachMove) work();
    for (const work of eachStop) pause.whenStill(work);
  };
  // What the reader is scrolling: its frames still count though the posts in it have since
  // been drawn anew (a box that no longer holds the first post read).
  let scrolling: EventTarget | null = null;
  const counts = (target: EventTarget | null) =>
    target === document || target === scrolling || (target instanceof Element && holdsPosts(target));
  // A scroll sends an event every frame (60 a second under a wheel or a finger): each is
  // one call into this script, which only notes the move's time (the pause looks at it
  // every fifth of a second).
  // Adding a listener at each step instead (one that hears one event and is gone) cost
  // more than the calls it saved: adding a scroll listener is among the dearest calls a
  // page makes, about 80 µs in the middle of a busy forum's work.
  // Scroll events of boxes do not bubble: caught on the way down. A carousel beside the
  // posts, or an event the page made up (a page could hold every stop off), is not a move.
  ctx.addEventListener(
    document,
    'scroll',
    (e) => {
      if (!e.isTrusted || !counts(e.target)) return;
      scrolling = e.target;
      pause.moved(e.timeStamp);
      startMove();
    },
    { passive: true, capture: true },
  );
  const stopped = () => {
    moving = false;
    forgetBox();
  };
  // Kept through a stop the two-second limit forced, while the reader still scrolls it;
  // forgotten when the page is still (where timers never run, every frame is a stop).
  const forgetBox = () => {
    if (timersRun && pause.moving()) pause.whenStill(forgetBox);
    else scrolling = null;
  };
  ctx.addEventListener(
    window,
    'resize',
    (e) => {
      if (!e.isTrusted) return;
      pause.moved(e.timeStamp);
      startMove();
    },
    { passive: true },
  );
  // The reader leaves the page for good: nothing waits for a stop there (Firefox can still
  // fire a timer of a page it is tearing down). A page kept in the back-forward cache has
  // its timers held, and goes on where it was.
  ctx.addEventListener(window, 'pagehide', (e) => {
    if (!e.persisted) pause.stop();
  });
  onStop(ctx, () => {
    pause.stop();
    seen.disconnect();
  });
  return {
    whenStill: (work) => pause.whenStill(work),
    afterEachStop: (work) => void eachStop.add(work),
    onMove: (work) => void eachMove.add(work),
    timersRun: () => timersRun,
    watchPosts(posts) {
      const f = posts[0] ?? null;
      const l = posts.at(-1) ?? null;
      if (f === first && l === last) return;
      seen.disconnect();
      where.clear();
      first = f;
      last = l;
      if (f) seen.observe(f);
      if (l && l !== f) seen.observe(l);
    },
  };
}
