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
  const pause = watchReaderPause({ quietMs: STILL_MS, maxWaitMs: MAX_WAIT_MS, timersRun: () => timersRun });
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
  const counts = (target: EventTarget | null) =>
    target === document || (target instanceof Element && holdsPosts(target));
  // A scroll sends an event every frame (60 a second under a wheel or a finger), each one a
  // call into this script: the first says the page moves, and the scroll's end says when it
  // stopped ("scrollend", after the last frame), so the frames between are not listened to
  // (a listener for one event, added again at the end).
  const SCROLL = { passive: true, capture: true } as const;
  const FIRST_SCROLL = { ...SCROLL, once: true };
  let listening = false;
  let over = false;
  // What the reader is scrolling: its end is the stop, even if the posts have since been
  // drawn anew (a box that no longer holds the first post read).
  let scrolling: EventTarget | null = null;
  const listen = () => {
    if (listening || over) return;
    listening = true;
    document.addEventListener('scroll', onScroll, FIRST_SCROLL);
  };
  // Scroll events of boxes do not bubble: caught on the way down.
  const onScroll = (e: Event) => {
    listening = false;
    // A carousel beside the posts, or an event the page made up (a page could hold every
    // stop off, or end one mid-scroll): listened for again once this event is done with.
    if (!e.isTrusted || !counts(e.target)) return queueMicrotask(listen);
    scrolling = e.target;
    pause.hold(e.timeStamp);
    startMove();
  };
  const stopped = () => {
    moving = false;
    listen();
  };
  listen();
  ctx.addEventListener(
    document,
    'scrollend',
    (e) => {
      if (!e.isTrusted || (e.target !== scrolling && !counts(e.target))) return;
      scrolling = null;
      pause.ended(e.timeStamp);
      // Another scroll before the stop moves it on.
      listen();
    },
    SCROLL,
  );
  ctx.addEventListener(
    window,
    'resize',
    (e) => {
      if (!e.isTrusted) return;
      // Not the end of a scroll under way: that still holds until its own end.
      pause.moved(e.timeStamp);
      startMove();
    },
    { passive: true },
  );
  // The reader leaves the page for good: nothing waits for a stop there (Firefox can still
  // fire a timer of a page it is tearing down, where reading its clock throws). A page kept
  // in the back-forward cache has its timers held, and goes on where it was.
  ctx.addEventListener(window, 'pagehide', (e) => {
    if (!e.persisted) pause.stop();
  });
  onStop(ctx, () => {
    over = true;
    pause.stop();
    document.removeEventListener('scroll', onScroll, FIRST_SCROLL);
  });
  return {
    whenStill: (work) => pause.whenStill(work),
    afterEachStop: (work) => void eachStop.add(work),
    onMove: (work) => void eachMove.add(work),
    timersRun: () => timersRun,
  };
}
