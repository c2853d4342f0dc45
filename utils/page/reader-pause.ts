/**
 * Work that only matters to a reader who has stopped to read (underlining the posts on
 * screen) waits until the page has stood still for `quietMs`: a reader skimming past a
 * thousand posts is not made to pay for underlines they never stop to look at.
 *
 * Each move only notes its time. While the page moves, one ticker looks every `quietMs` at
 * how long ago the last move was: a timer reset at every scroll would cost a call into the
 * page's timers for each step of a skim; a look per `quietMs` costs one call into this
 * script, and none at all while the page stands still. A stop is known between `quietMs`
 * and twice that after the last move (a single jump: `quietMs` after it).
 *
 * Where the page's timers never run (Chromium runs none with the page's scripts turned
 * off, not even an extension's), nothing could wait: the work runs at once. Clock and
 * timers are injected for tests.
 */
export interface ReaderPause {
  /**
   * The page moved (a scroll, a resize), at `at` on the clock of `now` when the event says
   * (an event's own time stamp: the listener then needs no clock of its own).
   */
  moved(at?: number): void;
  /**
   * Run `work` once the page has been still for the quiet time (at once if it is not
   * moving); asked again before then, it still runs once.
   */
  whenStill(work: () => void): void;
  /**
   * True from a move until the page is found still: work run at the limit (`maxWaitMs`)
   * runs while the page is still moving.
   */
  moving(): boolean;
  /** For good: the page is gone, or Threadside is off there. Nothing waits or runs after. */
  stop(): void;
}

export interface ReaderPauseOptions {
  /** Still for this long, the page is being read. */
  quietMs: number;
  /**
   * Work waits at most about this long (whole looks), however the page keeps moving (a
   * reader scrolling slowly as they read, a page scrolled by a script).
   */
  maxWaitMs?: number;
  /** False while timers are not known to run: then nothing waits. */
  timersRun: () => boolean;
  /**
   * True while the reader is only passing by (skimming past everything read at the last
   * stop): the limit does not hold for them, the work waits for their stop.
   */
  passingBy?: () => boolean;
  now?: () => number;
  setTicker?: (fn: () => void, ms: number) => unknown;
  clearTicker?: (id: unknown) => void;
}

export function watchReaderPause(opts: ReaderPauseOptions): ReaderPause {
  const {
    quietMs,
    maxWaitMs = Infinity,
    timersRun,
    passingBy = () => false,
    now = () => performance.now(),
    setTicker = (fn, ms) => setInterval(fn, ms),
    clearTicker = (id) => clearInterval(id as ReturnType<typeof setInterval>),
  } = opts;
  // Several parts wait for the same stop (underlines, reading progress): each runs once.
  const pending = new Set<() => void>();
  let lastMove = -Infinity;
  // Set from a move until the look that finds the page still.
  let ticker: unknown;
  // Looks the waiting work has sat through while the page moved.
  let waited = 0;
  const waitLimit = Math.max(1, Math.ceil(maxWaitMs / quietMs));
  let over = false;

  // One part failing (underlines) must not cost the others (reading progress) their stop.
  const runAlone = (work: () => void) => {
    try {
      work();
    } catch (e) {
      queueMicrotask(() => {
        throw e;
      });
    }
  };
  const run = () => {
    waited = 0;
    const work = [...pending];
    pending.clear();
    for (const w of work) runAlone(w);
  };
  const stopTicker = () => {
    if (ticker !== undefined) clearTicker(ticker);
    ticker = undefined;
  };
  const end = () => {
    over = true;
    pending.clear();
    stopTicker();
  };

  const look = () => {
    if (over) return stopTicker();
    let still: boolean;
    try {
      still = now() - lastMove >= quietMs;
    } catch {
      // Firefox can still fire a timer of a page it is tearing down, where its clock throws.
      return end();
    }
    if (still) {
      stopTicker();
      return run();
    }
    if (!pending.size || ++waited < waitLimit) return;
    // A limit's worth again: a reader who slows down to read as they scroll gets their work.
    if (passingBy()) waited = 0;
    else run();
  };

  return {
    moved(at) {
      if (over) return;
      if (ticker === undefined) {
        try {
          ticker = setTicker(look, quietMs);
        } catch {
          // Firefox throws from a timer set in a page it tears down: nothing waits there.
          return end();
        }
      }
      lastMove = at ?? now();
    },
    whenStill(work) {
      if (over) return;
      if (!timersRun() || ticker === undefined) {
        pending.delete(work);
        work();
        return;
      }
      pending.add(work);
    },
    moving: () => ticker !== undefined,
    stop: end,
  };
}
