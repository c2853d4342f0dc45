/**
 * Runs small jobs (one post each) in slices that leave the main thread free: each slice
 * stops once its budget is spent and the rest waits for the next slice, so a 1,000-post
 * thread never blocks scrolling or typing. Clock and yielding are injected for tests.
 */
export interface SlicedQueueOptions<T> {
  run: (item: T) => void;
  /** Milliseconds of work per slice; well under the 50 ms that counts as a long task. */
  budgetMs?: number;
  now?: () => number;
  /** Schedules the next slice (the next task by default: between the page's own). */
  schedule?: (fn: () => void) => void;
  onIdle?: () => void;
}

export interface SlicedQueue<T> {
  push(items: Iterable<T>): void;
  clear(): void;
  readonly size: number;
}

export function createSlicedQueue<T>(opts: SlicedQueueOptions<T>): SlicedQueue<T> {
  const { run, budgetMs = 8, now = Date.now, schedule = (fn) => setTimeout(fn, 0) } = opts;
  const queue: T[] = [];
  const queued = new Set<T>();
  let head = 0;
  let scheduled = false;

  const slice = () => {
    scheduled = false;
    const start = now();
    while (head < queue.length) {
      const item = queue[head++];
      queued.delete(item);
      run(item);
      if (now() - start >= budgetMs) break;
    }
    if (head < queue.length) {
      kick();
    } else {
      queue.length = 0;
      head = 0;
      opts.onIdle?.();
    }
  };

  const kick = () => {
    if (scheduled) return;
    scheduled = true;
    try {
      schedule(slice);
    } catch {
      // The page is gone (Firefox throws from a timer set in a page it is tearing down):
      // nothing is left to do the work for.
      scheduled = false;
      queue.length = 0;
      head = 0;
      queued.clear();
    }
  };

  return {
    push(items) {
      for (const item of items) {
        if (queued.has(item)) continue;
        queued.add(item);
        queue.push(item);
      }
      if (head < queue.length) kick();
    },
    clear() {
      queue.length = 0;
      head = 0;
      queued.clear();
    },
    get size() {
      return queue.length - head;
    },
  };
}
