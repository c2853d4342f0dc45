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
   * The page moved (the reader scrolled), at `at` on the clock of `now` when the event
   * says (a scroll event's own time stamp: the listener then needs no clock of its own).
   * Ends a hold.
   */
  moved(at?: number): void;
  /**
   * The page is moving from now until `moved` is told again (a scroll under way, whose end
   * will be told), since `at` (as for `moved`): nothing waiting runs meanwhile, up to the limit.
   */
  hold(at?: number): void;
  /**
   * Run `work` once the page has been still for the quiet time (at once if it already has);
   * asked again before then, it still runs once.
   */
  whenStill(work: () => void): void;
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
  let pendingSince = 0;
  let timer: unknown;
  let timerAt = Infinity;

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

  /** When the waiting work is due: a quiet time after the last move, or at the limit. */
  const due = () => Math.min(held ? Infinity : lastMove + quietMs, pendingSince + maxWaitMs);

  /** A timer for `at`, unless one is set for sooner (it looks again when it fires). */
  const wake = (at: number) => {
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) clearTimer(timer);
    timerAt = at;
    try {
      timer = setTimer(check, Math.max(0, at - now()));
    } catch {
      // The page is gone (Firefox throws from a timer set in a page it is tearing down).
      timer = undefined;
      timerAt = Infinity;
      pending.clear();
    }
  };

  const check = () => {
    timer = undefined;
    timerAt = Infinity;
    if (!pending.size) return;
    const at = due();
    if (now() < at) return wake(at);
    // At the limit, as at a stop: a scroll whose end was never told holds no longer.
    held = false;
    const work = [...pending];
    pending.clear();
    for (const w of work) runAlone(w);
  };

  return {
    moved(at) {
      lastMove = at ?? now();
      held = false;
      // A hold may have left the timer at the limit: the stop may now come sooner.
      if (pending.size) wake(due());
    },
    hold(at) {
      held = true;
      lastMove = at ?? now();
    },
    whenStill(work) {
      if (!timersRun() || (!held && now() - lastMove >= quietMs)) {
        pending.delete(work);
        work();
        return;
      }
      if (!pending.size) pendingSince = now();
      pending.add(work);
      wake(due());
    },
    stop() {
      pending.clear();
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      timerAt = Infinity;
    },
  };
}
