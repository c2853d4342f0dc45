import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, CDPSession, Page } from 'playwright-core';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MISSING =
  'needs Xvfb, xdotool and xprop (Debian packages xvfb, xdotool and x11-utils; scripts/setup.sh installs them)';

/**
 * A private X display for the tests that must reach the browser's own windows: the toolbar
 * shortcut and the permission prompt are not web pages, so only real key presses reach them.
 * Private, so a developer's own desktop is never touched.
 */
export interface VirtualDisplay {
  /** For the browser's environment: { DISPLAY: ':N' }. */
  env: { DISPLAY: string };
  /** Real key presses, as xdotool names them ("alt+shift+u", "Tab", "Return"). */
  press(...keys: string[]): Promise<void>;
  /**
   * The notifications on screen, top first. On a desktop with no notification service
   * (as here) Chromium shows its own, each a small window of the notification type.
   */
  notifications(): Promise<ScreenBox[]>;
  /** A real click in the middle of the box, the pointer moved there first as a hand would. */
  click(box: ScreenBox): Promise<void>;
  close(): Promise<void>;
}

export interface ScreenBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb.once('error', () => reject(new Error(`The desktop tests ${MISSING}.`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb stopped (exit ${code}) before it gave a display.`)));
    xvfb.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
  });
  const env = { DISPLAY: `:${number}` };
  /** `failed`: the answer when the tool fails (a missing tool always throws). */
  const x11 = async (tool: 'xdotool' | 'xprop', args: string[], failed?: string) => {
    try {
      return (await run(tool, args, { env: { ...process.env, ...env } })).stdout;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(`The desktop tests ${MISSING}.`, { cause: e });
      if (failed !== undefined) return failed;
      throw e;
    }
  };
  return {
    env,
    async press(...keys) {
      await x11('xdotool', ['key', '--delay', '80', ...keys]);
    },
    async notifications() {
      // xdotool fails when it finds nothing: no windows at all.
      const ids = (await x11('xdotool', ['search', '--onlyvisible', '--name', '.*'], '')).split(/\s+/);
      const boxes: ScreenBox[] = [];
      for (const id of ids.filter(Boolean)) {
        // A window may close between the search and this look: it is no longer on screen.
        const type = await x11('xprop', ['-id', id, '_NET_WM_WINDOW_TYPE'], '');
        if (!type.includes('_NET_WM_WINDOW_TYPE_NOTIFICATION')) continue;
        const shell = await x11('xdotool', ['getwindowgeometry', '--shell', id], '');
        const v = new Map(shell.split('\n').map((line) => line.split('=') as [string, string]));
        const [x, y, width, height] = ['X', 'Y', 'WIDTH', 'HEIGHT'].map((k) => Number(v.get(k)));
        if (width > 0) boxes.push({ x, y, width, height });
      }
      return boxes.sort((a, b) => a.y - b.y);
    },
    async click(box) {
      const at = [String(Math.round(box.x + box.width / 2)), String(Math.round(box.y + box.height / 2))];
      await x11('xdotool', ['mousemove', ...at, 'click', '1']);
    },
    async close() {
      if (xvfb.exitCode !== null) return;
      const gone = new Promise((r) => xvfb.once('exit', r));
      xvfb.kill();
      await gone;
    },
  };
}

const KEYS = '__threadsideTestKeys';

/**
 * Whether the reader's key presses reach `page`: not while a browser prompt holds the
 * keyboard. Presses Shift, which no page or prompt acts on, and watches for it in the page.
 */
export async function keysReach(display: VirtualDisplay, page: Page): Promise<boolean> {
  const count = () =>
    page.evaluate((key) => {
      const w = window as unknown as Record<string, number | undefined>;
      if (w[key] === undefined) {
        w[key] = 0;
        addEventListener('keydown', () => void (w[key]! += 1), true);
      }
      return w[key];
    }, KEYS);
  const before = await count();
  await display.press('shift');
  for (const deadline = Date.now() + 500; Date.now() < deadline; await sleep(50))
    if ((await count()) > before) return true;
  return false;
}

/**
 * The toolbar popup, while it is open. Playwright does not list popups as pages, so this
 * talks to it over the DevTools protocol; its clicks are real mouse events, which the browser
 * accepts as the reader's gesture (permission requests need one).
 */
export interface OpenPopup {
  /** False once the popup has closed, as it does when a browser prompt takes the focus. */
  isOpen(): Promise<boolean>;
  /** Whether the popup is open and has the keyboard; a closed popup has lost the focus. */
  hasFocus(): Promise<boolean>;
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks the first button whose text starts with `label`, once the popup shows it. */
  clickButton(label: string): Promise<void>;
}

/**
 * The popup, once it is on screen with the focus; null before. `watcher` is any page of the
 * extension in another tab: it sees the popup without attaching to it. Attaching DevTools to
 * a popup that is still opening makes Chromium show it with DevTools open, which takes the
 * focus from it, so the protocol is used only from then on.
 */
export async function findOpenPopup(browser: Browser, extensionId: string, watcher: Page): Promise<OpenPopup | null> {
  const state = () =>
    watcher.evaluate(() => {
      // The extension types declare the views as an empty Window of their own; they are pages.
      const [view] = chrome.extension.getViews({ type: 'popup' }) as Window[];
      return {
        open: view !== undefined,
        focused: view?.document.readyState === 'complete' && view.document.hasFocus(),
      };
    });
  if (!(await state()).focused) return null;
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.url === `chrome-extension://${extensionId}/popup.html`);
  if (!target) {
    await cdp.detach();
    return null;
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const send = messenger(cdp, sessionId);
  const evaluate = async <T>(expression: string) => {
    const r = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (r.exceptionDetails) throw new Error(`In the popup: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  return {
    isOpen: async () => (await state()).open,
    hasFocus: async () => (await state()).focused,
    evaluate,
    async clickButton(label) {
      const find = `(() => {
        const b = [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith(${JSON.stringify(label)}));
        if (!b) return null;
        const r = b.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
      })()`;
      let at: [number, number] | null = null;
      for (const deadline = Date.now() + 10_000; !at && Date.now() < deadline;)
        at = (await evaluate<[number, number] | null>(find)) ?? (await sleep(100), null);
      if (!at) throw new Error(`The popup has no "${label}" button.`);
      const [x, y] = at;
      await send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
      // The click may ask for a browser prompt, which closes the popup before it answers.
      await send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 }).catch(
        (e: Error) => {
          if (e.message !== POPUP_CLOSED) throw e;
        },
      );
    },
  };
}

const POPUP_CLOSED = 'The popup has closed.';

// Flattened sessions are not reachable through Playwright's CDPSession; messages through the
// browser session are. A popup can close at any moment (a prompt takes the focus): then every
// call waiting on it fails at once instead of waiting for an answer that never comes.
function messenger(cdp: CDPSession, sessionId: string) {
  let nextId = 0;
  let gone: Error | null = null;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    gone = e;
    for (const w of [...waiting.values()]) w.reject(e);
  };
  cdp.on('Target.detachedFromTarget', (e) => {
    if (e.sessionId === sessionId) failAll(new Error(POPUP_CLOSED));
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = m.id === undefined ? undefined : waiting.get(m.id);
    if (!w) return;
    if (m.error) w.reject(new Error(m.error.message));
    else w.resolve(m.result);
  });
  return (method: string, params: object) =>
    new Promise<unknown>((resolve, reject) => {
      if (gone) return reject(gone);
      const id = ++nextId;
      const settle = () => (clearTimeout(timer), waiting.delete(id));
      const fail = (e: Error) => settle() && reject(e);
      const timer = setTimeout(() => fail(new Error(`The popup did not answer ${method} in 10 s.`)), 10_000);
      waiting.set(id, { resolve: (v) => settle() && resolve(v), reject: fail });
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(fail);
    });
}
