import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounceWithMaxWait } from '../../utils/debounce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('debounce with a longest wait', () => {
  it('answers a burst once, after it goes quiet', () => {
    const fn = vi.fn();
    const d = debounceWithMaxWait(fn, { quietMs: 150, maxWaitMs: 300 });
    d.call();
    vi.advanceTimersByTime(100);
    d.call();
    vi.advanceTimersByTime(149);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('answers changes that never stop at least every longest wait', () => {
    const fn = vi.fn();
    const d = debounceWithMaxWait(fn, { quietMs: 150, maxWaitMs: 300 });
    // A change every 100 ms for 1.2 s: a plain debounce would wait until they stop.
    for (let i = 0; i < 12; i++) {
      d.call();
      vi.advanceTimersByTime(100);
    }
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(fn.mock.calls.length).toBeLessThanOrEqual(5);
  });

  it('forgets what it was waiting for when cancelled', () => {
    const fn = vi.fn();
    const d = debounceWithMaxWait(fn, { quietMs: 150, maxWaitMs: 300 });
    d.call();
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
