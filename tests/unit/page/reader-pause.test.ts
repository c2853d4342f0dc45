import { describe, expect, it, vi } from 'vitest';
import { watchReaderPause } from '../../../utils/page/reader-pause';

function clock() {
  let t = 1_000;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      const timer = { at: t + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimer: (id: unknown) => timers.splice(timers.indexOf(id as (typeof timers)[number]), 1),
    /** Time passes without the timers due being run (a busy page runs them late). */
    skip(ms: number) {
      t += ms;
    },
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        t = next.at;
        next.fn();
      }
      t = end;
    },
  };
}

const raise = (): never => {
  throw new Error('NS_ERROR_NOT_INITIALIZED');
};

/** A page whose timers run, with a 200 ms stop (and a limit, if given). */
function onPage(opts: { maxWaitMs?: number } = {}) {
  const c = clock();
  return { c, pause: watchReaderPause({ quietMs: 200, timersRun: () => true, ...opts, ...c }) };
}

describe('underlining where the reader stops', () => {
  it('works at once on a page that is standing still', () => {
    const { pause } = onPage();
    const work = vi.fn();
    pause.whenStill(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs each part waiting for the same stop once: underlines and reading progress alike', () => {
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
  });

  it('works at once when asked after the page has come to rest, even with a wait still set', () => {
    const { c, pause } = onPage();
    const underline = vi.fn();
    const progress = vi.fn();
    pause.moved();
    pause.whenStill(underline);
    // The page's timer comes late (a busy page): still for 250 ms when asked again.
    c.skip(250);
    pause.whenStill(progress);
    expect(progress).toHaveBeenCalledTimes(1);
    c.advance(0);
    expect(underline).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledTimes(1);
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
    c.advance(200);
    expect(progress).toHaveBeenCalledTimes(1);
    return thrown;
  });

  it('waits while the reader scrolls, then works once when they stop', () => {
    const { c, pause } = onPage();
    const work = vi.fn();
    // Skimming: a scroll every 120 ms for two seconds, posts coming on screen each time.
    for (let i = 0; i < 16; i++) {
      pause.moved();
      pause.whenStill(work);
      c.advance(120);
      expect(work).not.toHaveBeenCalled();
    }
    c.advance(79);
    expect(work).not.toHaveBeenCalled();
    c.advance(1);
    expect(work).toHaveBeenCalledTimes(1);
    c.advance(1_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits no longer than its limit on a page that never stands still', () => {
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
  });

  it("counts a move from its event's time, not from when the busy page got to it", () => {
    const { c, pause } = onPage();
    const work = vi.fn();
    // The scroll happened at 1,000 ms; a page busy drawing posts handles it 150 ms later.
    c.skip(150);
    pause.moved(1_000);
    pause.whenStill(work);
    c.advance(49);
    expect(work).not.toHaveBeenCalled();
    c.advance(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits for a scroll under way to end, however long it lasts, then a quiet time more', () => {
    const { c, pause } = onPage({ maxWaitMs: 2000 });
    const work = vi.fn();
    pause.hold();
    pause.whenStill(work);
    c.advance(900);
    expect(work).not.toHaveBeenCalled();
    // The scroll ended at 1,900 ms (told a little late).
    c.advance(20);
    pause.ended(1_900);
    c.advance(179);
    expect(work).not.toHaveBeenCalled();
    c.advance(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('goes on waiting for a scroll under way when the window is resized meanwhile', () => {
    const { c, pause } = onPage({ maxWaitMs: 2000 });
    const work = vi.fn();
    pause.hold();
    pause.whenStill(work);
    c.advance(100);
    pause.moved(); // the browser's toolbar slides away as the reader scrolls on
    c.advance(600);
    expect(work).not.toHaveBeenCalled();
    pause.ended();
    c.advance(200);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits no longer than its limit for a scroll whose end is never told, then waits as before', () => {
    const { c, pause } = onPage({ maxWaitMs: 2000 });
    const work = vi.fn();
    pause.hold();
    pause.whenStill(work);
    c.advance(1_999);
    expect(work).not.toHaveBeenCalled();
    c.advance(1);
    expect(work).toHaveBeenCalledTimes(1);
    // The hold is over: the next work waits for a quiet time, not for an end.
    const next = vi.fn();
    pause.whenStill(next);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('drops the waiting work, without an error, where the page is gone and sets no timer', () => {
    const c = clock();
    const pause = watchReaderPause({
      quietMs: 200,
      timersRun: () => true,
      now: c.now,
      setTimer: () => {
        throw new Error('NS_ERROR_NOT_INITIALIZED');
      },
    });
    const work = vi.fn();
    pause.moved();
    expect(() => pause.whenStill(work)).not.toThrow();
    expect(() => pause.moved()).not.toThrow();
    expect(work).not.toHaveBeenCalled();
  });

  it('does not wait where timers never run (a page with its scripts off)', () => {
    const c = clock();
    const pause = watchReaderPause({ quietMs: 200, timersRun: () => false, ...c });
    const work = vi.fn();
    pause.moved();
    pause.whenStill(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('asks nothing of a page it was stopped on: no work, no timer, no clock', () => {
    let stopped = false;
    const c = clock();
    const pause = watchReaderPause({
      quietMs: 200,
      timersRun: () => true,
      // Firefox throws from the clock and timers of a page it is tearing down.
      now: () => (stopped ? raise() : c.now()),
      setTimer: (fn, ms) => (stopped ? raise() : c.setTimer(fn, ms)),
      clearTimer: c.clearTimer,
    });
    pause.moved();
    pause.stop();
    stopped = true;
    const work = vi.fn();
    expect(() => {
      pause.hold();
      pause.moved();
      pause.ended();
      pause.whenStill(work);
    }).not.toThrow();
    c.advance(1_000);
    expect(work).not.toHaveBeenCalled();
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
