// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchReaderStops } from '../../../entrypoints/content/reader-stops';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
// Generous: a busy machine runs timers late; the work is due 0.2 s after the last scroll.
const WAIT = { timeout: 5000 };
/** A scroll as a browser sends it: an event for each frame, then one at its end. */
const scroll = (target: EventTarget, frames = 3) => {
  for (let i = 0; i < frames; i++) target.dispatchEvent(new Event('scroll'));
  target.dispatchEvent(new Event('scrollend'));
};

describe('where the reader stops', () => {
  const contexts: ContentScriptContext[] = [];
  afterEach(() => {
    for (const c of contexts.splice(0)) c.abort('end of test');
    document.body.replaceChildren();
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
    await tick(); // the page's timers are seen to run
    return { ctx, posts, carousel, measured, stops };
  }

  it('measures once the reader has stopped scrolling the page, and again after each stop', async () => {
    const { measured } = await setUp();
    scroll(document);
    expect(measured).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(1), WAIT);
    scroll(document);
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(2), WAIT);
  });

  it('waits for a long scroll to end before measuring, and measures soon after it ends', async () => {
    const { measured } = await setUp();
    // A slow drag of the scrollbar: frames for longer than a stop's quiet time, no end yet.
    document.dispatchEvent(new Event('scroll'));
    await tick(150);
    document.dispatchEvent(new Event('scroll'));
    await tick(300);
    expect(measured).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('scrollend'));
    const ended = Date.now();
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(1), WAIT);
    // A quiet time after the end, not the two seconds a page that never stops is given.
    expect(Date.now() - ended).toBeLessThan(1500);
  });

  it("takes the end of the box's scroll as the stop though the posts in it were drawn anew", async () => {
    const { posts, carousel, measured } = await setUp();
    posts.dispatchEvent(new Event('scroll'));
    // The forum redraws its stream meanwhile: the post first read is elsewhere now.
    const post = posts.firstElementChild!;
    carousel.append(post);
    await tick(300);
    posts.dispatchEvent(new Event('scrollend'));
    const ended = Date.now();
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(1), WAIT);
    // A quiet time after the end, not the two seconds a page that never stops is given.
    expect(Date.now() - ended).toBeLessThan(1500);
  });

  it('tells of a move once as the reader starts scrolling, and again after they stopped', async () => {
    const { stops, measured } = await setUp();
    const started = vi.fn();
    stops.onMove(started);
    scroll(document, 5);
    expect(started).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(measured).toHaveBeenCalled(), WAIT);
    scroll(document);
    expect(started).toHaveBeenCalledTimes(2);
  });

  it('counts a box the posts scroll in, and a resize, but not a carousel beside them', async () => {
    const { posts, carousel, measured } = await setUp();
    scroll(carousel);
    await tick(300);
    expect(measured).not.toHaveBeenCalled();
    scroll(posts);
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(1), WAIT);
    window.dispatchEvent(new Event('resize'));
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(2), WAIT);
  });

  it('stops measuring once Threadside is turned off for the site', async () => {
    const { ctx, measured } = await setUp();
    ctx.abort('turned off');
    scroll(document);
    await tick(300);
    expect(measured).not.toHaveBeenCalled();
  });
});
