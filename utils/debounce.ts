/**
 * Calls `fn` once calls stop coming for `quietMs`, and at the latest `maxWaitMs` after the
 * first call it has not yet answered: a page that never stops changing (a forum that cloaks
 * and restores posts on every scroll) still gets read while the reader scrolls.
 */
export interface Debounced {
  call(): void;
  cancel(): void;
}

export interface DebounceOptions {
  quietMs: number;
  maxWaitMs: number;
  now?: () => number;
}

export function debounceWithMaxWait(fn: () => void, opts: DebounceOptions): Debounced {
  const { quietMs, maxWaitMs, now = () => Date.now() } = opts;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  let last = 0;
  // One timer per wait, checked when it fires, rather than one cleared and set on every
  // call: a page that changes on every scroll frame makes hundreds of calls a minute.
  const check = () => {
    const t = now();
    // Never longer than the quiet time, should the clock be set back meanwhile.
    const wait = Math.min(quietMs - Math.max(0, t - last), first + maxWaitMs - t);
    if (wait > 0) {
      timer = setTimeout(check, wait);
      return;
    }
    timer = undefined;
    fn();
  };
  return {
    call() {
      last = now();
      if (timer !== undefined) return;
      first = last;
      timer = setTimeout(check, Math.min(quietMs, maxWaitMs));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
