/**
 * Work that only matters to a reader who has stopped to read (underlining the posts on
 * screen) waits until the page has stood still for `quietMs`: a reader skimming past a
 * thousand posts is not made to pay for underlines they never stop to look at.
 *
 * Where the page's timers never run (Chromium runs none with the page's scripts turned
 * off, not even an extension's), nothing could wait: the work runs at once. Clock and
 * timers are injected for tests.
 */
export interface ReaderPause {
  /**
   * The page moved (a resize, or a scroll whose end is not told), at `at` on the clock of
   * `now` when the event says (an event's own time stamp: the listener then needs no clock
   * of its own). A scroll under way goes on holding.
   */
  moved(at?: number): void;
  /**
   * The page is moving from now until `ended` is told (a scroll under way, whose end will
   * be told), since `at` (as for `moved`): nothing waiting runs meanwhile, up to the limit.
   */
  hold(at?: number): void;
  /** The scroll under way ended at `at` (as for `moved`): the quiet time counts from then. */
  ended(at?: number): void;
  /**
   * Run `work` once the page has been still for the quiet time (at once if it already has);
   * asked again before then, it still runs once.
   */
  whenStill(work: () => void): void;
  /** For good: the page is gone, or Threadside is off there. Nothing waits or runs after. */
  stop(): void;
}

export interface ReaderPauseOptions {
  quietMs: number;
  /** Work waits at most this long, however the page keeps moving. */
  maxWaitMs?: number;
  /** False while timers are not known to run: then nothing waits. */
  timersRun: () => boolean;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export function watchReaderPause(opts: ReaderPauseOptions): ReaderPause {
  const {
    quietMs,
    maxWaitMs = Infinity,
    timersRun,
    now = () => performance.now(),
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  } = opts;
  let lastMove = -Infinity;
  let held = false;
  // Several parts wait for the same stop (underlines, reading progress): each runs once.
  const pending = new Set<() => void>();
  // Two timers: one for the quiet time after the last move, taken down as a scroll starts
  // (it could only fire to find the page moving: one call into the page's world less for
  // each step of a scroll), and one for the limit, set once for the waiting work.
  let quiet: unknown;
  let quietAt = Infinity;
  let limit: unknown;
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

  const dropQuiet = () => {
    if (quiet !== undefined) clearTimer(quiet);
    quiet = undefined;
    quietAt = Infinity;
  };
  const dropTimers = () => {
    dropQuiet();
    if (limit !== undefined) clearTimer(limit);
    limit = undefined;
  };

  const run = () => {
    dropTimers();
    // At the limit, as at a stop: a scroll whose end was never told holds no longer.
    held = false;
    const work = [...pending];
    pending.clear();
    for (const w of work) runAlone(w);
  };

  /** A timer, or none where the page is gone (Firefox throws from a timer set in a page it tears down). */
  const timer = (fn: () => void, ms: number) => {
    try {
      return setTimer(fn, Math.max(0, ms));
    } catch {
      over = true;
      pending.clear();
      return undefined;
    }
  };

  /** The quiet timer for `at`, unless one is set for sooner (it looks again when it fires). */
  const wake = (at: number) => {
    if (over || !pending.size || (quiet !== undefined && quietAt <= at)) return;
    dropQuiet();
    quietAt = at;
    quiet = timer(check, at - now());
  };

  const check = () => {
    quiet = undefined;
    quietAt = Infinity;
    if (!pending.size || held) return;
    const at = lastMove + quietMs;
    if (now() < at) return wake(at);
    run();
  };

  return {
    moved(at) {
      if (over) return;
      lastMove = at ?? now();
    },
    hold(at) {
      if (over) return;
      held = true;
      lastMove = at ?? now();
      dropQuiet();
    },
    ended(at) {
      if (over) return;
      lastMove = at ?? now();
      held = false;
      wake(lastMove + quietMs);
    },
    whenStill(work) {
      // A page being torn down (Firefox) may throw from its clock: nothing is asked of it.
      if (over) return;
      if (!timersRun() || (!held && now() - lastMove >= quietMs)) {
        pending.delete(work);
        work();
        return;
      }
      const first = !pending.size;
      pending.add(work);
      if (first && maxWaitMs < Infinity) limit = timer(run, maxWaitMs);
      if (!held) wake(lastMove + quietMs);
    },
    stop() {
      over = true;
      pending.clear();
      dropTimers();
    },
  };
}
