// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import forumReaders from '../../../entrypoints/forum-readers';
import { FORUM_READERS } from '../../../utils/page/part-keys';

// The background's part: inject forum-readers.js into the asking page's world, or fail
// (Firefox does while the page is on its way out).
let asked = 0;
let injecting: 'works' | 'fails' = 'works';
/** A page's world as the content script starts in it: no reader injected yet. */
let page: typeof import('../../../entrypoints/content/page-adapters');
beforeEach(async () => {
  asked = 0;
  injecting = 'works';
  delete (globalThis as Record<string, unknown>)[FORUM_READERS];
  vi.resetModules();
  page = await import('../../../entrypoints/content/page-adapters');
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { threadside?: string }).threadside !== 'forumReaders') return undefined;
    asked++;
    if (injecting === 'fails') return Promise.reject(new Error('An unexpected error occurred'));
    forumReaders.main();
    return Promise.resolve(null);
  });
});

describe("engines' readers in a forum page", () => {
  it("has Discourse's at once, and no other engine's before asking", () => {
    expect(page.pageAdapters.loaded('discourse')?.engine).toBe('discourse');
    expect(page.pageAdapters.loaded('phpbb')).toBeNull();
    expect(() => page.readerOf('xenforo')).toThrow(/not loaded/);
    expect(asked).toBe(0);
  });

  it('asks the background once for readers wanted together, and again after a failed injection', async () => {
    injecting = 'fails';
    const both = [page.pageAdapters.load('phpbb'), page.pageAdapters.load('xenforo')];
    await expect(Promise.all(both)).rejects.toThrow();
    expect(asked).toBe(1);
    injecting = 'works';
    expect((await page.pageAdapters.load('phpbb')).engine).toBe('phpbb');
    expect(asked).toBe(2);
  });

  it('once one has come, has every other engine reader without asking again', async () => {
    await page.pageAdapters.load('phpbb');
    expect(page.readerOf('xenforo').engine).toBe('xenforo');
    expect((await page.pageAdapters.load('reddit')).engine).toBe('reddit');
    expect(asked).toBe(1);
  });
});
