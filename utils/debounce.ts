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
  const fire = () => {
    timer = undefined;
    fn();
  };
  return {
    call() {
      const t = now();
      if (timer === undefined) first = t;
      else clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, first + maxWaitMs - t)));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
