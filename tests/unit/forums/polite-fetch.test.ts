import { describe, expect, it } from 'vitest';
import { createPoliteFetch } from '../../../utils/forums/polite-fetch';

function harness(replies: Array<{ status: number; retryAfter?: string }>) {
  let clock = 0;
  const calls: number[] = [];
  const sleeps: number[] = [];
  const politeFetch = createPoliteFetch({
    gapMs: 250,
    now: () => clock,
    sleep: (ms) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    fetch: () => {
      calls.push(clock);
      const r = replies.shift() ?? { status: 200 };
      return Promise.resolve(
        new Response('{}', { status: r.status, headers: r.retryAfter ? { 'Retry-After': r.retryAfter } : {} }),
      );
    },
  });
  return { politeFetch, calls, sleeps };
}

describe('polite fetch', () => {
  it('sends one request at a time, a gap apart, even when asked in parallel', async () => {
    const h = harness([]);
    await Promise.all([h.politeFetch('a'), h.politeFetch('b'), h.politeFetch('c')]);
    expect(h.calls).toEqual([0, 250, 500]);
  });

  it('waits exactly a short Retry-After, then asks again', async () => {
    const h = harness([{ status: 429, retryAfter: '5' }, { status: 200 }]);
    const res = await h.politeFetch('a');
    expect(res.status).toBe(200);
    expect(h.calls).toEqual([0, 5000]);
  });

  it('hands a long Retry-After back instead of waiting it out', async () => {
    const h = harness([{ status: 429, retryAfter: '120' }]);
    expect((await h.politeFetch('a')).status).toBe(429);
    expect(h.calls).toHaveLength(1);
  });
});
