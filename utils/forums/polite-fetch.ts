import { parseRetryAfter } from './http-errors';

/**
 * A fetch for reading many pages of one forum in a row (a summary): one request at a time,
 * `gapMs` apart, and when the forum answers 429 with a short Retry-After, exactly that
 * wait before asking again. A long wait is handed back to the caller as the 429 itself.
 */
export interface PoliteFetchOptions {
  fetch: typeof fetch;
  gapMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Longer waits than this are not waited out here. */
  maxWaitSeconds?: number;
  maxRetries?: number;
}

export function createPoliteFetch(o: PoliteFetchOptions): typeof fetch {
  let last = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();
  const maxWait = o.maxWaitSeconds ?? 60;
  const maxRetries = o.maxRetries ?? 3;

  const once = async (input: RequestInfo | URL, init?: RequestInit) => {
    const wait = last + o.gapMs - o.now();
    if (wait > 0) await o.sleep(wait);
    last = o.now();
    return o.fetch(input, init);
  };

  return (input, init) => {
    const run = async () => {
      for (let attempt = 0; ; attempt++) {
        const res = await once(input, init);
        if (res.status !== 429 || attempt >= maxRetries) return res;
        const seconds = parseRetryAfter(res.headers.get('retry-after'), o.now());
        if (seconds === null || seconds > maxWait) return res;
        await o.sleep(seconds * 1000);
      }
    };
    // One request at a time, even if callers ask in parallel.
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
}
