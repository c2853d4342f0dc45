// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchReaderStops } from '../../../entrypoints/content/reader-stops';

const FRAME_MS = 16;
/** An event as the browser sends it; one made with `new Event` is the page's own (untrusted). */
function real(type: string) {
  const e = new Event(type);
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}
/** Time passes on the page's clock; what was due runs, with its promises, in order. */
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);
/** A scroll's frames as a browser sends them: an event for each. */
async function frames(target: EventTarget, n = 3) {
  for (let i = 0; i < n; i++) {
    target.dispatchEvent(real('scroll'));
    await pass(FRAME_MS);
  }
}
/** A whole scroll: its frames, then its end. */
async function scroll(target: EventTarget, n = 3) {
  await frames(target, n);
  target.dispatchEvent(real('scrollend'));
}
/** A reader skimming the page: `count` scrolls of `n` frames each, `gapMs` between one's end and the next. */
async function skim(count: number, n: number, gapMs: number) {
  for (let i = 0; i < count; i++) {
    await scroll(document, n);
    await pass(gapMs);
  }
}

describe('where the reader stops', () => {
  const contexts: ContentScriptContext[] = [];
  beforeEach(() => {
    // The page's clock and timers, events' time stamps included: no test waits on a busy
    // machine's real timers.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    for (const c of contexts.splice(0)) c.abort('end of test');
    document.body.replaceChildren();
    vi.useRealTimers();
  });

  async function setUp() {
    const ctx = new ContentScriptContext(`threadside-test-stops-${contexts.length}`);
    contexts.push(ctx);
    const posts = document.createElement('div');
    const post = document.createElement('p');
    posts.append(post);
    const carousel = document.createElement('div');
    document.body.append(posts, carousel);
    const stops = watchReaderStops(ctx, (box) => box.contains(post));
    const measured = vi.fn();
    stops.afterEachStop(measured);
    const started = vi.fn();
    stops.onMove(started);
    await pass(0); // the page's timers are seen to run
    return { ctx, posts, carousel, measured, started };
  }

  it('measures once the reader has stopped scrolling the page, and again after each stop', async () => {
    const { measured } = await setUp();
    await scroll(document);
    // Not while the reader may only be catching their breath: a stop is a fifth of a second still.
    await pass(150);
    expect(measured).not.toHaveBeenCalled();
    await pass(100);
    expect(measured).toHaveBeenCalledTimes(1);
    await scroll(document);
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it('waits for a long scroll to end before measuring, and measures soon after it ends', async () => {
    const { measured } = await setUp();
    // A slow drag of the scrollbar: frames for longer than a stop's quiet time, no end yet.
    await frames(document, 1);
    await pass(150);
    await frames(document, 1);
    await pass(300);
    expect(measured).not.toHaveBeenCalled();
    document.dispatchEvent(real('scrollend'));
    // A quiet time after the end, not the two seconds a page that never stops is given.
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(1);
  });

  it('measures a page that never stands still every two seconds', async () => {
    const { measured } = await setUp();
    // Scrolled by a script, frame after frame, for four seconds.
    await frames(document, Math.ceil(4100 / FRAME_MS));
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it("takes the end of the box's scroll as the stop though the posts in it were drawn anew", async () => {
    const { posts, carousel, measured } = await setUp();
    await frames(posts);
    // The forum redraws its stream meanwhile: the post first read is elsewhere now.
    carousel.append(posts.firstElementChild!);
    await pass(300);
    posts.dispatchEvent(real('scrollend'));
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(1);
  });

  it('tells of a move once as the reader starts scrolling, and again after they stopped', async () => {
    const { started, measured } = await setUp();
    await scroll(document, 5);
    expect(started).toHaveBeenCalledTimes(1);
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(1);
    await scroll(document);
    expect(started).toHaveBeenCalledTimes(2);
  });

  it('takes a skim of short scrolls as one move: nothing measured until after the last one ends', async () => {
    const { started, measured } = await setUp();
    // Eight flicks of the wheel, about 120 ms apart: each ends before the next starts.
    await skim(8, 2, 120 - 2 * FRAME_MS);
    expect(measured).not.toHaveBeenCalled();
    expect(started).toHaveBeenCalledTimes(1);
    await pass(150);
    expect(measured).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('measures nothing in the middle of a scroll that starts soon after another ended', async () => {
    const { started, measured } = await setUp();
    // Key presses or wheel steps, each animated for a quarter of a second, 0.1 s apart: the
    // quiet time after one end runs out while the next scroll is still moving.
    await skim(6, 16, 100);
    expect(measured).toHaveBeenCalledTimes(1); // the two seconds a page that never stops is given
    expect(started).toHaveBeenCalledTimes(2);
    await pass(150);
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it('counts a box the posts scroll in, and a resize, but not a carousel beside them', async () => {
    const { posts, carousel, measured } = await setUp();
    await scroll(carousel);
    await pass(1000);
    expect(measured).not.toHaveBeenCalled();
    await scroll(posts);
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(1);
    window.dispatchEvent(real('resize'));
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it('takes no scroll the page made up: it neither starts a move, nor ends a scroll, nor resizes', async () => {
    const { started, measured } = await setUp();
    // The page pretends the reader keeps scrolling, to hold every stop off.
    for (let i = 0; i < 10; i++) {
      document.dispatchEvent(new Event('scroll'));
      await pass(100);
    }
    expect(started).not.toHaveBeenCalled();
    // A real scroll, whose end the page fakes while it still moves: nothing is measured mid-scroll.
    await frames(document);
    document.dispatchEvent(new Event('scrollend'));
    await pass(250);
    expect(measured).not.toHaveBeenCalled();
    document.dispatchEvent(real('scrollend'));
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('resize'));
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(1);
  });

  it('sets no timer while the page stands still between scrolls', async () => {
    const { measured } = await setUp();
    await scroll(document);
    await pass(250);
    expect(measured).toHaveBeenCalledTimes(1);
    // Nothing runs for a reader who is reading: no timer waits.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops measuring once Threadside is turned off for the site', async () => {
    const { ctx, measured } = await setUp();
    ctx.abort('turned off');
    await scroll(document);
    await pass(1000);
    expect(measured).not.toHaveBeenCalled();
  });
});
