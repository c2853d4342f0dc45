// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchReaderStops } from '../../../entrypoints/content/reader-stops';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
// Generous: a busy machine runs timers late; the work is due 0.2 s after the last scroll.
const WAIT = { timeout: 5000 };

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
    document.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    expect(measured).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(1), WAIT);
    document.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(2), WAIT);
  });

  it('tells of a move once as the reader starts scrolling, and again after they stopped', async () => {
    const { stops, measured } = await setUp();
    const started = vi.fn();
    stops.onMove(started);
    for (let i = 0; i < 5; i++) document.dispatchEvent(new Event('scroll'));
    expect(started).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(measured).toHaveBeenCalled(), WAIT);
    document.dispatchEvent(new Event('scroll'));
    expect(started).toHaveBeenCalledTimes(2);
  });

  it('counts a box the posts scroll in, and a resize, but not a carousel beside them', async () => {
    const { posts, carousel, measured } = await setUp();
    carousel.dispatchEvent(new Event('scroll'));
    await tick(300);
    expect(measured).not.toHaveBeenCalled();
    posts.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(1), WAIT);
    window.dispatchEvent(new Event('resize'));
    await vi.waitFor(() => expect(measured).toHaveBeenCalledTimes(2), WAIT);
  });

  it('stops measuring once Threadside is turned off for the site', async () => {
    const { ctx, measured } = await setUp();
    ctx.abort('turned off');
    document.dispatchEvent(new Event('scroll'));
    await tick(300);
    expect(measured).not.toHaveBeenCalled();
  });
});
