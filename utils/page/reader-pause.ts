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
  /** The page moved (the reader scrolled). */
  moved(): void;
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
  // Several parts wait for the same stop (underlines, reading progress): each runs once.
  const pending = new Set<() => void>();
  let pendingSince = 0;
  let timer: unknown;

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

  const check = () => {
    timer = undefined;
    if (!pending.size) return;
    const still = now() - lastMove;
    const waited = now() - pendingSince;
    if (still < quietMs && waited < maxWaitMs) {
      timer = setTimer(check, Math.min(quietMs - still, maxWaitMs - waited));
      return;
    }
    const work = [...pending];
    pending.clear();
    for (const w of work) runAlone(w);
  };

  return {
    moved() {
      lastMove = now();
    },
    whenStill(work) {
      if (!timersRun() || now() - lastMove >= quietMs) {
        pending.delete(work);
        work();
        return;
      }
      if (!pending.size) pendingSince = now();
      pending.add(work);
      if (timer === undefined) timer = setTimer(check, quietMs - (now() - lastMove));
    },
    stop() {
      pending.clear();
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
    },
  };
}
