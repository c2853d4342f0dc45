import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { startForum, type ForumLab } from '../forum-lab/server';

/** One demo forum and one Chromium with the built extension for a test file. */
export function useForumAndBrowser() {
  const env = {} as { forum: ForumLab; browser: ExtensionBrowser };
  beforeAll(async () => {
    env.forum = await startForum({ port: 0 });
    env.browser = await launchWithExtension();
  });
  // A fault a test set and never cleared (it failed before its end) would fail the next too.
  afterEach(() => env.forum?.clearFaults());
  afterAll(async () => {
    await env.browser?.close();
    await env.forum?.close();
  });
  return env;
}

/** Content scripts start after the page; wait for what the reader would see, not a fixed sleep. */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

/** Whether any of the element is on screen, as the reader would see it. */
export const inView = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return !!r && r.top < innerHeight && r.bottom > 0;
  }, selector);
