// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import forumReaders from '../../../entrypoints/forum-readers';
import { pageAdapters, readerOf } from '../../../entrypoints/content/page-adapters';

// The background's part: inject forum-readers.js into the asking page's world, or fail
// (Firefox does while the page is on its way out).
let asked = 0;
let injecting: 'works' | 'fails' = 'works';
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { threadside?: string }).threadside !== 'forumReaders') return undefined;
    asked++;
    if (injecting === 'fails') return Promise.reject(new Error('An unexpected error occurred'));
    forumReaders.main();
    return Promise.resolve(null);
  });
});

// In order: the page's world keeps what was injected, as a page does.
describe("engines' readers in a forum page", () => {
  it("has Discourse's at once, and no other engine's before asking", () => {
    expect(pageAdapters.loaded('discourse')?.engine).toBe('discourse');
    expect(pageAdapters.loaded('phpbb')).toBeNull();
    expect(() => readerOf('xenforo')).toThrow(/not loaded/);
    expect(asked).toBe(0);
  });

  it('asks the background once for readers wanted together, and again after a failed injection', async () => {
    injecting = 'fails';
    const both = [pageAdapters.load('phpbb'), pageAdapters.load('xenforo')];
    await expect(Promise.all(both)).rejects.toThrow();
    expect(asked).toBe(1);
    injecting = 'works';
    expect((await pageAdapters.load('phpbb')).engine).toBe('phpbb');
    expect(asked).toBe(2);
  });

  it('then has every other engine reader without asking again', async () => {
    expect(readerOf('xenforo').engine).toBe('xenforo');
    expect((await pageAdapters.load('reddit')).engine).toBe('reddit');
    expect(asked).toBe(2);
  });
});
