import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { findOpenPopup, keysReach, startVirtualDisplay, type OpenPopup, type VirtualDisplay } from './desktop';
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
export async function openPopupWithShortcut(
  display: VirtualDisplay,
  b: DesktopBrowser,
  page: Page,
): Promise<OpenPopup> {
  await page.bringToFront();
  await display.press('alt+shift+u');
  let popup: OpenPopup | null = null;
  await poll(async () => (popup = await findOpenPopup(b.context.browser()!, b.extensionId, b.watcher)) !== null).toBe(
    true,
  );
  return popup!;
}

/** Chrome ignores a press on a dialog for this long after it appears (against click-jacking). */
const PROMPT_GUARD_MS = 700;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Prompt {
  /** True once the prompt is on screen: the page or popup that asked has lost the focus. */
  shown: () => Promise<boolean>;
  /** The page that gets the keyboard back when the prompt goes. */
  behind: Page;
}

/**
 * Answers the browser's own permission prompt, which a click has just asked for. Waits on
 * what shows: the asker loses the focus when the prompt appears (a popup closes), and the
 * page behind gets the keyboard back when it goes. A press the prompt ignored, because it
 * came in its first moments, is pressed again.
 */
export async function answerPrompt(display: VirtualDisplay, prompt: Prompt, answer: 'allow' | 'deny'): Promise<void> {
  await poll(() => prompt.shown().catch(() => true)).toBe(true);
  await sleep(PROMPT_GUARD_MS);
  // "Deny" has the focus: Tab moves it to "Allow" (moving the focus is never ignored).
  if (answer === 'allow') await display.press('Tab');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await display.press('Return');
    for (const deadline = Date.now() + 3000; Date.now() < deadline;)
      if (await keysReach(display, prompt.behind)) return;
  }
  throw new Error(`The browser's permission prompt did not take the answer "${answer}".`);
}

/** The popup after a prompt: the same one if it stayed open, else opened again by the reader. */
export async function popupAgain(display: VirtualDisplay, b: DesktopBrowser, page: Page, popup: OpenPopup) {
  return (await popup.isOpen()) ? popup : openPopupWithShortcut(display, b, page);
}
