import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { findOpenPopup, startVirtualDisplay, type OpenPopup, type VirtualDisplay } from './desktop';
import { launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { poll } from './harness';
import { startForum, type ForumLab } from '../forum-lab/server';

/**
 * For tests that need what headless Chromium cannot do: the browser's own permission
 * prompts and extension shortcuts. Chromium runs with a window on a private virtual display,
 * and the tests press keys there as a reader would.
 */
export function useDesktop() {
  const env = {} as { forum: ForumLab; display: VirtualDisplay };
  beforeAll(async () => {
    env.forum = await startForum({ port: 0 });
    env.display = await startVirtualDisplay();
  });
  afterAll(async () => {
    await env.display?.close();
    await env.forum?.close();
  });
  return env;
}

export interface DesktopBrowser extends ExtensionBrowser {
  /** An extension page in a background tab, from which the tests see the popup open. */
  watcher: Page;
}

/** The profile is kept (for restarts); the caller removes it. */
export async function launchOnDisplay(display: VirtualDisplay, userDataDir?: string): Promise<DesktopBrowser> {
  const b = await launchWithExtension({ headless: false, env: display.env, userDataDir, keepProfile: true });
  const [first] = b.context.pages();
  await first.goto(`chrome-extension://${b.extensionId}/options.html`);
  return Object.assign(b, { watcher: first });
}

/** The reader's way in: the toolbar shortcut opens the popup for the tab they are looking at. */
export async function openPopupWithShortcut(display: VirtualDisplay, b: DesktopBrowser, page: Page): Promise<OpenPopup> {
  await page.bringToFront();
  await display.press('alt+shift+u');
  let popup: OpenPopup | null = null;
  await poll(async () => (popup = await findOpenPopup(b.context.browser()!, b.extensionId, b.watcher)) !== null).toBe(
    true,
  );
  return popup!;
}

/**
 * Answers the browser's own permission prompt, which a click in `hasFocus`'s page has just
 * asked for: the prompt takes the keyboard focus from that page once it is on screen.
 */
export async function answerPrompt(
  display: VirtualDisplay,
  hasFocus: () => Promise<boolean>,
  answer: 'allow' | 'deny',
): Promise<void> {
  await poll(hasFocus).toBe(false);
  // Chrome ignores presses on a dialog that has only just appeared (against click-jacking).
  await new Promise((r) => setTimeout(r, 800));
  // "Deny" has the focus: Return denies; Tab moves to "Allow".
  if (answer === 'allow') await display.press('Tab', 'Return');
  else await display.press('Return');
}
