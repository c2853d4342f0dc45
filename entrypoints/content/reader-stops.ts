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
 * as every post passes by. The reader moves the document, or a box the posts scroll in (`holdsPosts`); a carousel
 * or a chat box scrolling beside them is not the reader moving on. A resize, a zoom or a
 * turned phone moves the posts too.
 */
export function watchReaderStops(ctx: ContentScriptContext, holdsPosts: (el: Element) => boolean): ReaderStops {
  let timersRun = false;
  setTimeout(() => (timersRun = true), 0);
  const pause = watchReaderPause({ quietMs: STILL_MS, maxWaitMs: MAX_WAIT_MS, timersRun: () => timersRun });
  const eachStop = new Set<() => void>();
  const eachMove = new Set<() => void>();
  // Set from the first move to the stop it comes to: a scroll event between them only
  // notes the time (a page scrolls many times a second; the work waiting is already queued).
  let moving = false;
  const stopped = () => (moving = false);
  const moved = () => {
    pause.moved();
    if (moving) return;
    moving = true;
    // Queued first, so a move listener that throws cannot leave the page moving for good.
    pause.whenStill(stopped);
    // Before the stop's works: what a move listener queues (reading the stream anew) runs
    // before them (measuring the posts it read).
    for (const work of eachMove) work();
    for (const work of eachStop) pause.whenStill(work);
  };
  // Scroll events of boxes do not bubble: caught on the way down.
  ctx.addEventListener(
    document,
    'scroll',
    (e) => {
      const target = e.target;
      if (target === document || (target instanceof Element && holdsPosts(target))) moved();
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(window, 'resize', moved, { passive: true });
  onStop(ctx, () => pause.stop());
  return {
    whenStill: (work) => pause.whenStill(work),
    afterEachStop: (work) => void eachStop.add(work),
    onMove: (work) => void eachMove.add(work),
    timersRun: () => timersRun,
  };
}
