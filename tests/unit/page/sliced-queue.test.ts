import { describe, expect, it } from 'vitest';
import { createSlicedQueue } from '../../../utils/page/sliced-queue';

/** A clock that moves only when a job "works", and a scheduler we step by hand. */
function harness(costMs: number) {
  let t = 0;
  const pending: Array<() => void> = [];
  const done: number[] = [];
  const q = createSlicedQueue<number>({
    run: (n) => {
      t += costMs;
      done.push(n);
    },
    budgetMs: 8,
    now: () => t,
    schedule: (fn) => pending.push(fn),
  });
  const step = () => pending.shift()?.();
  return { q, done, pending, step };
}

describe('sliced queue', () => {
  it('does no work until the scheduler gives it a slice', () => {
    const { q, done, pending } = harness(1);
    q.push([1, 2, 3]);
    expect(done).toEqual([]);
    expect(pending).toHaveLength(1);
  });

  it('stops each slice once the budget is spent and carries on in the next', () => {
    const { q, done, step } = harness(3);
    q.push(Array.from({ length: 10 }, (_, i) => i));
    step();
    // 3 ms a job, 8 ms a slice: the slice ends after the job that crosses the budget.
    expect(done).toEqual([0, 1, 2]);
    step();
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    while (q.size) step();
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('never queues the same item twice while it waits', () => {
    const { q, done, step } = harness(0);
    q.push([1, 2]);
    q.push([2, 3]);
    step();
    expect(done).toEqual([1, 2, 3]);
  });

  it('drops waiting work on clear', () => {
    const { q, done, step } = harness(5);
    q.push([1, 2, 3, 4]);
    step();
    q.clear();
    step();
    expect(done).toEqual([1, 2]);
    expect(q.size).toBe(0);
  });

  it('drops its work, without an error, when the page is gone and will not give it a slice', () => {
    const done: number[] = [];
    const q = createSlicedQueue<number>({
      run: (n) => done.push(n),
      schedule: () => {
        throw new Error('NS_ERROR_NOT_INITIALIZED');
      },
    });
    expect(() => q.push([1, 2])).not.toThrow();
    expect(q.size).toBe(0);
    expect(done).toEqual([]);
  });
});
