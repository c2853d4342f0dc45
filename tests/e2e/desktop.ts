import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, CDPSession, Page } from 'playwright-core';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MISSING =
  'needs Xvfb and xdotool (Debian packages xvfb and xdotool; scripts/setup.sh installs them)';

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
  close(): Promise<void>;
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
  return {
    env,
    async press(...keys) {
      try {
        await run('xdotool', ['key', '--delay', '80', ...keys], { env: { ...process.env, ...env } });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`The desktop tests ${MISSING}.`);
        throw e;
      }
    },
    async close() {
      if (xvfb.exitCode !== null) return;
      const gone = new Promise((r) => xvfb.once('exit', r));
      xvfb.kill();
      await gone;
    },
  };
}

/**
 * The toolbar popup, while it is open. Playwright does not list popups as pages, so this
 * talks to it over the DevTools protocol; its clicks are real mouse events, which the browser
 * accepts as the reader's gesture (permission requests need one).
 */
export interface OpenPopup {
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
  const ready = await watcher.evaluate(() => {
    const [view] = chrome.extension.getViews({ type: 'popup' });
    return view?.document.readyState === 'complete' && view.document.hasFocus();
  });
  if (!ready) return null;
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
    evaluate,
    async clickButton(label) {
      const find = `(() => {
        const b = [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith(${JSON.stringify(label)}));
        if (!b) return null;
        const r = b.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
      })()`;
      let at: [number, number] | null = null;
      for (const deadline = Date.now() + 10_000; !at && Date.now() < deadline; )
        at = (await evaluate<[number, number] | null>(find)) ?? (await sleep(100), null);
      if (!at) throw new Error(`The popup has no "${label}" button.`);
      const [x, y] = at;
      for (const type of ['mousePressed', 'mouseReleased'])
        await send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    },
  };
}

// Flattened sessions are not reachable through Playwright's CDPSession; messages through the
// browser session are.
function messenger(cdp: CDPSession, sessionId: string) {
  let nextId = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = m.id === undefined ? undefined : waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id!);
    if (m.error) w.reject(new Error(m.error.message));
    else w.resolve(m.result);
  });
  return (method: string, params: object) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
}
