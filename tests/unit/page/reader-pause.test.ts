import { describe, expect, it, vi } from 'vitest';
import { watchReaderPause, type ReaderPauseOptions } from '../../../utils/page/reader-pause';

/** The page's tickers (setInterval), run in time order as time passes. */
function clock() {
  let t = 0;
  const tickers: { next: number; every: number; fn: () => void }[] = [];
  return {
    now: () => t,
    setTicker: (fn: () => void, ms: number) => {
      const ticker = { next: t + ms, every: ms, fn };
      tickers.push(ticker);
      return ticker;
    },
    clearTicker: (id: unknown) => {
      const i = tickers.indexOf(id as (typeof tickers)[number]);
      if (i >= 0) tickers.splice(i, 1);
    },
    running: () => tickers.length,
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const next = [...tickers].sort((a, b) => a.next - b.next)[0];
        if (!next || next.next > end) break;
        t = next.next;
        next.next += next.every;
        next.fn();
      }
      t = end;
    },
  };
}

const raise = (): never => {
  throw new Error('NS_ERROR_NOT_INITIALIZED');
};

/** A page whose timers run, with 200 ms windows (and a limit, if given). */
function onPage(opts: Partial<ReaderPauseOptions> = {}) {
  const c = clock();
  const pause = watchReaderPause({ quietMs: 200, timersRun: () => true, ...c, ...opts });
  return { c, pause };
}

describe('underlining where the reader stops', () => {
  it('works at once on a page that is standing still', () => {
    const { c, pause } = onPage();
    const work = vi.fn();
    pause.whenStill(work);
    expect(work).toHaveBeenCalledTimes(1);
    // Nothing looks at a page nobody moves.
    expect(c.running()).toBe(0);
  });

  it('runs each part waiting for the same stop once, when the page has been still for the quiet time', () => {
    const { c, pause } = onPage();
    const underline = vi.fn();
    const progress = vi.fn();
    pause.moved();
    pause.whenStill(underline);
    pause.whenStill(progress);
    pause.whenStill(underline);
    c.advance(199);
    expect(underline).not.toHaveBeenCalled();
    c.advance(1);
    expect(underline).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledTimes(1);
    // Stopped: the next work is done at once, and nothing looks any more.
    const next = vi.fn();
    pause.whenStill(next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(c.running()).toBe(0);
  });

  it('knows a stop at the next look once the quiet time has passed: within twice the quiet time', () => {
    const { c, pause } = onPage();
    const work = vi.fn();
    pause.moved();
    pause.whenStill(work);
    c.advance(150);
    pause.moved();
    // The look at 200 ms finds a move 50 ms before; the one at 400 ms, 250 ms before.
    c.advance(249);
    expect(work).not.toHaveBeenCalled();
    c.advance(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("counts a move from its event's time, not from when the busy page got to it", () => {
    const { c, pause } = onPage();
    const work = vi.fn();
    // The scroll happened at 0 ms; a page busy drawing posts handles it 150 ms later.
    c.advance(150);
    pause.moved(0);
    pause.whenStill(work);
    // The first look, 200 ms after the move was handled, finds it 200 ms old... or older.
    c.advance(199);
    expect(work).not.toHaveBeenCalled();
    c.advance(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('still does the other parts when one fails', () => {
    const { c, pause } = onPage();
    const progress = vi.fn();
    pause.moved();
    pause.whenStill(() => {
      throw new Error('underlining failed');
    });
    pause.whenStill(progress);
    const thrown = new Promise((resolve) => process.once('uncaughtException', resolve));
    c.advance(400);
    expect(progress).toHaveBeenCalledTimes(1);
    return thrown;
  });

  it('waits while the reader skims, then works once they stop', () => {
    const { c, pause } = onPage();
    const work = vi.fn();
    // Skimming: a scroll every 120 ms for two seconds, posts coming on screen each time.
    for (let i = 0; i < 16; i++) {
      pause.moved();
      pause.whenStill(work);
      c.advance(120);
      expect(work).not.toHaveBeenCalled();
    }
    // The last move at 1,800 ms: the look at 2,000 ms finds the page still.
    c.advance(79);
    expect(work).not.toHaveBeenCalled();
    c.advance(1);
    expect(work).toHaveBeenCalledTimes(1);
    c.advance(1_000);
    expect(work).toHaveBeenCalledTimes(1);
    expect(c.running()).toBe(0);
  });

  it('waits no longer than its limit on a page that never stands still, then waits as before', () => {
    const { c, pause } = onPage({ maxWaitMs: 2000 });
    const work = vi.fn();
    pause.moved();
    pause.whenStill(work);
    for (let i = 0; i < 19; i++) {
      c.advance(100);
      pause.moved();
    }
    expect(work).not.toHaveBeenCalled();
    c.advance(100);
    expect(work).toHaveBeenCalledTimes(1);
    // Still moving: the next work waits for a stop (or the limit) again.
    pause.moved();
    const next = vi.fn();
    pause.whenStill(next);
    expect(next).not.toHaveBeenCalled();
    c.advance(400);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('lets a reader passing by skim on past the limit, and works at the next limit once they slow to read', () => {
    let passingBy = true;
    const { c, pause } = onPage({ maxWaitMs: 2000, passingBy: () => passingBy });
    const work = vi.fn();
    pause.moved();
    pause.whenStill(work);
    // Six seconds of skimming, never still: no limit holds them up.
    for (let i = 0; i < 60; i++) {
      c.advance(100);
      pause.moved();
    }
    expect(work).not.toHaveBeenCalled();
    // Slowing down to read as they scroll: the work comes within one more limit.
    passingBy = false;
    for (let i = 0; i < 20; i++) {
      c.advance(100);
      pause.moved();
    }
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('works at the stop of a reader who skimmed past the limit', () => {
    const { c, pause } = onPage({ maxWaitMs: 2000, passingBy: () => true });
    const work = vi.fn();
    pause.moved();
    pause.whenStill(work);
    for (let i = 0; i < 30; i++) {
      c.advance(100);
      pause.moved();
    }
    expect(work).not.toHaveBeenCalled();
    c.advance(400);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('drops the waiting work, without an error, where the page is gone and sets no timer', () => {
    const { pause } = onPage({ setTicker: raise });
    const work = vi.fn();
    expect(() => pause.moved()).not.toThrow();
    expect(() => pause.whenStill(work)).not.toThrow();
    expect(() => pause.moved()).not.toThrow();
    expect(work).not.toHaveBeenCalled();
  });

  it('does not wait where timers never run (a page with its scripts off)', () => {
    const { pause } = onPage({ timersRun: () => false });
    const work = vi.fn();
    pause.moved();
    pause.whenStill(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('asks nothing of a page it was stopped on: no work, no timer', () => {
    let stopped = false;
    const c = clock();
    const pause = watchReaderPause({
      quietMs: 200,
      timersRun: () => true,
      // Firefox throws from the timers of a page it is tearing down.
      setTicker: (fn, ms) => (stopped ? raise() : c.setTicker(fn, ms)),
      clearTicker: c.clearTicker,
    });
    pause.moved();
    pause.stop();
    stopped = true;
    const work = vi.fn();
    expect(() => {
      pause.moved();
      pause.whenStill(work);
    }).not.toThrow();
    c.advance(1_000);
    expect(work).not.toHaveBeenCalled();
    expect(c.running()).toBe(0);
  });

  it('drops the waiting work, without an error, when the page is torn down under its ticker', () => {
    let gone = false;
    const c = clock();
    const pause = watchReaderPause({
      quietMs: 200,
      timersRun: () => true,
      ...c,
      now: () => (gone ? raise() : c.now()),
    });
    const work = vi.fn();
    pause.moved();
    pause.whenStill(work);
    // Firefox fires the timer of a page it tears down, where reading its clock throws.
    gone = true;
    expect(() => c.advance(1_000)).not.toThrow();
    expect(work).not.toHaveBeenCalled();
    expect(c.running()).toBe(0);
  });

  it('drops the waiting work when stopped', () => {
    const { c, pause } = onPage();
    const work = vi.fn();
    pause.moved();
    pause.whenStill(work);
    pause.stop();
    c.advance(1_000);
    expect(work).not.toHaveBeenCalled();
  });
});
