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
/** A whole scroll: its frames, then its end (which Threadside needs no call for). */
async function scroll(target: EventTarget, n = 3) {
  await frames(target, n);
  target.dispatchEvent(real('scrollend'));
}
/** A stop is 200 ms without a move, known at the next look (once every 200 ms): within 400 ms of the last frame. */
const STOP_MS = 400;
/** A reader skimming the page: `count` scrolls of `n` frames each, `gapMs` between one's end and the next. */
async function skim(count: number, n: number, gapMs: number) {
  for (let i = 0; i < count; i++) {
    await scroll(document, n);
    await pass(gapMs);
  }
}

/**
 * happy-dom lays nothing out, so its IntersectionObserver never reports: here the test says
 * which posts are on screen, as the browser would after a frame.
 */
const observers: ScreenObserver[] = [];
class ScreenObserver {
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    observers.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  report(target: Element, top: number) {
    // A 600 px screen; each post 100 px tall, `top` px from the screen's top.
    const entry = {
      target,
      isIntersecting: top < 600 && top + 100 > 0,
      boundingClientRect: { top, bottom: top + 100 },
      rootBounds: { top: 0, bottom: 600 },
    };
    if (this.targets.has(target)) this.callback([entry as unknown as IntersectionObserverEntry], this as never);
  }
}
/** Where the browser says `el` now is, `top` px from the screen's top (as after a frame). */
const at = (el: Element, top: number) => observers.forEach((o) => o.report(el, top));

describe('where the reader stops', () => {
  const contexts: ContentScriptContext[] = [];
  beforeEach(() => {
    // The page's clock and timers, events' time stamps included: no test waits on a busy
    // machine's real timers.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    vi.stubGlobal('IntersectionObserver', ScreenObserver);
  });
  afterEach(() => {
    for (const c of contexts.splice(0)) c.abort('end of test');
    document.body.replaceChildren();
    observers.length = 0;
    vi.unstubAllGlobals();
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
    return { ctx, posts, post, carousel, measured, started, stops };
  }

  it('measures once the reader has stopped scrolling the page, and again after each stop', async () => {
    const { measured } = await setUp();
    await scroll(document);
    // Not while the reader may only be catching their breath: a stop is a fifth of a second still.
    await pass(150);
    expect(measured).not.toHaveBeenCalled();
    await pass(STOP_MS - 150);
    expect(measured).toHaveBeenCalledTimes(1);
    await scroll(document);
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it('waits for a long scroll to end before measuring, and measures soon after it ends', async () => {
    const { measured } = await setUp();
    // A slow drag of the scrollbar: a frame every tenth of a second for a second and a half.
    for (let i = 0; i < 15; i++) await frames(document, 1).then(() => pass(100 - FRAME_MS));
    expect(measured).not.toHaveBeenCalled();
    // Soon after the last frame, not the two seconds a page that never stops is given.
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(1);
  });

  it('measures a page that never stands still every two seconds', async () => {
    const { measured } = await setUp();
    // Scrolled by a script, frame after frame, for four seconds.
    await frames(document, Math.ceil(4100 / FRAME_MS));
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it('measures a reader scrolling slowly through the posts read every two seconds, but not one skimming past them all', async () => {
    const { posts, post, measured, stops } = await setUp();
    const lastRead = document.createElement('p');
    posts.append(lastRead);
    stops.watchPosts([post, lastRead]);
    at(post, 100);
    at(lastRead, 300);
    // Reading as they scroll: the posts read last are still on screen.
    await frames(document, Math.ceil(4100 / FRAME_MS));
    expect(measured).toHaveBeenCalledTimes(2);
    // Skimming on down: the last post read has gone above the screen, and the forum draws others.
    at(post, -2000);
    at(lastRead, -1800);
    await frames(document, Math.ceil(6000 / FRAME_MS));
    expect(measured).toHaveBeenCalledTimes(2);
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(3);
    // And back up past the first: skimming again.
    at(post, 2000);
    at(lastRead, 2200);
    await frames(document, Math.ceil(4100 / FRAME_MS));
    expect(measured).toHaveBeenCalledTimes(3);
  });

  it('takes a post the forum draws anew where the reader reads as still there, not as gone by', async () => {
    const { post, measured, stops } = await setUp();
    stops.watchPosts([post]);
    at(post, 100);
    // The forum takes the post off to draw it again (an edit, a like); off the page, the
    // observer finds it nowhere.
    post.remove();
    at(post, -10_000);
    await frames(document, Math.ceil(4100 / FRAME_MS));
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it("goes on hearing the box's scroll though the posts in it were drawn anew", async () => {
    const { posts, carousel, measured } = await setUp();
    await frames(posts);
    // The forum redraws its stream meanwhile: the post first read is elsewhere now.
    carousel.append(posts.firstElementChild!);
    await frames(posts, 30);
    expect(measured).not.toHaveBeenCalled();
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(1);
  });

  it("goes on hearing the box's scroll after the two-second limit, though the posts in it were drawn anew since", async () => {
    const { posts, carousel, measured } = await setUp();
    // Scrolling the box for two seconds: the work is done once at the limit.
    let framesSeen = 0;
    while (measured.mock.calls.length === 0 && framesSeen++ < 200) await frames(posts, 1);
    expect(framesSeen * FRAME_MS).toBeGreaterThan(1900);
    // Right then the forum redraws its stream, and the reader scrolls on for another second.
    carousel.append(posts.firstElementChild!);
    await frames(posts, Math.ceil(1000 / FRAME_MS));
    // No stop in the middle of their scroll: the next comes when they stop.
    expect(measured).toHaveBeenCalledTimes(1);
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it('forgets the box once the reader stops after the two-second limit, and no longer counts it when it holds no posts', async () => {
    const { posts, carousel, measured, started } = await setUp();
    let framesSeen = 0;
    while (measured.mock.calls.length === 0 && framesSeen++ < 200) await frames(posts, 1);
    // The reader stops right at the limit; the forum then moves its posts elsewhere.
    carousel.append(posts.firstElementChild!);
    await pass(STOP_MS);
    const moves = started.mock.calls.length;
    // The box, holding no posts now, scrolls (a list of something else): not the reader moving on.
    await frames(posts, 5);
    await pass(STOP_MS);
    expect(started).toHaveBeenCalledTimes(moves);
  });

  it('tells of a move once as the reader starts scrolling, and again after they stopped', async () => {
    const { started, measured } = await setUp();
    await scroll(document, 5);
    expect(started).toHaveBeenCalledTimes(1);
    await pass(STOP_MS);
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
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('measures nothing in the middle of a scroll that starts soon after another ended', async () => {
    const { started, measured } = await setUp();
    // Key presses or wheel steps, each animated for a quarter of a second, 0.1 s apart: no
    // fifth of a second is still.
    await skim(6, 16, 100);
    expect(measured).toHaveBeenCalledTimes(1); // the two seconds a page that never stops is given
    expect(started).toHaveBeenCalledTimes(2);
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it('counts a box the posts scroll in, and a resize, but not a carousel beside them', async () => {
    const { posts, carousel, measured } = await setUp();
    await scroll(carousel);
    await pass(1000);
    expect(measured).not.toHaveBeenCalled();
    await scroll(posts);
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(1);
    window.dispatchEvent(real('resize'));
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it('takes no scroll or resize the page made up: it neither starts a move nor holds a stop off', async () => {
    const { started, measured } = await setUp();
    // The page pretends the reader keeps scrolling.
    for (let i = 0; i < 10; i++) {
      document.dispatchEvent(new Event('scroll'));
      await pass(100);
    }
    expect(started).not.toHaveBeenCalled();
    // A real scroll, after which the page goes on pretending, to hold the stop off for good.
    await frames(document);
    for (let i = 0; i < 5; i++) {
      document.dispatchEvent(new Event('scroll'));
      await pass(STOP_MS / 5);
    }
    expect(measured).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('resize'));
    await pass(STOP_MS);
    expect(measured).toHaveBeenCalledTimes(1);
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('sets no timer while the page stands still between scrolls', async () => {
    const { measured } = await setUp();
    await scroll(document);
    await pass(STOP_MS);
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
