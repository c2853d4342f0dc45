import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ABSENT, inspect, uiOver, type Act, type Found, type InPageUi } from './in-page-ui';

/**
 * Firefox ESR (Debian's `firefox-esr`, never a downloaded one) with the BUILT Firefox demo
 * extension installed as a temporary add-on, driven by puppeteer-core over WebDriver BiDi.
 */
const FIREFOX_BUILD_DIR = resolve(process.env.THREADSIDE_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3-demo');
export const ADDON_ID = 'threadside@threadside.app';
/** Fixed, so the popup's and options page's addresses are known before the add-on starts. */
export const ADDON_UUID = '5f0e8c1a-7d3b-4c52-9e61-2a4b8d7c3f10';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(
      `Firefox was not found at ${path}. Install it with "sudo apt-get install -y firefox-esr" ` +
        'or set FIREFOX_PATH to a Firefox binary.',
    );
  return path;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://…/ + path: one of Threadside's own pages. */
  extensionUrl(path: string): string;
  /** Errors Firefox wrote to its console from web pages and the add-on. */
  threadsideErrors(): string[];
  bidi: BidiConnection;
  /** Where Firefox saves downloads, without asking. */
  downloadDir: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(
  prefs: Record<string, string | number | boolean> = {},
  /** `env`: a window on a private display (desktop.ts), for what only real key presses reach. */
  opts: { headless?: boolean; env?: Record<string, string> } = {},
): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json')))
    throw new Error(`No built extension in ${FIREFOX_BUILD_DIR}: run "npm run build:demo:firefox" first.`);
  const profile = await mkdtemp(join(tmpdir(), 'threadside-firefox-'));
  const downloadDir = await mkdtemp(join(tmpdir(), 'threadside-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: opts.headless ?? !opts.env,
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 900 },
    // Lets the tests open the add-on's own pages (moz-extension://) in a tab, as the popup's
    // "open in a tab" and the options page are opened by hand.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Console messages of pages and of the add-on on standard output, where the tests read them.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      // A tab closing can end its content process; Firefox then cuts short any add-on script
      // still running there and logs "Script terminated by timeout" at whatever line it was
      // on (a 3-second timer's few lines, a glossary lookup). The tests close a tab every few
      // seconds, and on a busy 2-core machine our script was often mid-task (a third of the
      // journeys' runs, under load; none of 8 with this off). A reader closing a tab loses
      // nothing, so the tests keep the script running instead, and the warning keeps its
      // meaning: a task of ours ran past the add-on watchdog's 5 s.
      'dom.abort_script_on_child_shutdown': false,
      // Saved files go to a folder of the test's, with no dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      ...prefs,
    },
  });
  const output: string[] = [];
  const proc = browser.process();
  for (const stream of [proc?.stdout, proc?.stderr])
    stream?.on('data', (d: Buffer) => output.push(...d.toString().split('\n')));
  await browser.installExtension(FIREFOX_BUILD_DIR);
  const base = `moz-extension://${ADDON_UUID}/`;
  return {
    browser,
    bidi: (browser as unknown as { connection: BidiConnection }).connection,
    extensionUrl: (path) => base + path.replace(/^\//, ''),
    downloadDir,
    threadsideErrors: () => ourErrors(output),
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
      await rm(downloadDir, { recursive: true, force: true });
    },
  };
}

/**
 * Firefox's lines for uncaught errors of pages and of the add-on (a rejected promise has no
 * address) and the add-on's warnings, each with the stack frames printed under it
 * ("fn@url:line:col"), so a failure says where it happened. Firefox's own (chrome://,
 * resource://) are its business.
 */
function ourErrors(output: string[]): string[] {
  const found: string[] = [];
  let inStack = false;
  for (const raw of output) {
    const line = raw.trim();
    const ours =
      (/^JavaScript error: /.test(line) && !/^JavaScript error: (chrome|resource):/.test(line)) ||
      line.startsWith(`JavaScript warning: moz-extension://${ADDON_UUID}/`);
    if (ours) found.push(line);
    else if (inStack && /@.*:\d+:\d+$/.test(line)) found[found.length - 1] += `\n  ${line}`;
    inStack = ours || (inStack && /@.*:\d+:\d+$/.test(line));
  }
  return found;
}

/** The BiDi browsing context of a puppeteer page. */
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: RemoteNode | null };
}

/**
 * Threadside's closed shadow roots, seen through WebDriver BiDi: asked to serialise every
 * shadow tree, Firefox hands over the closed roots as well, which the test then searches.
 */
export function inFirefoxPage(page: Page, bidi: BidiConnection): InPageUi {
  const run = async (selector: string, index: number, act: Act, attribute = ''): Promise<Found> => {
    const target = { context: contextOf(page) };
    const hostTag = selector.trim().split(/\s+/)[0];
    try {
      const hosts = (await bidi.send('script.evaluate', {
        expression: `[...document.querySelectorAll(${JSON.stringify(hostTag)})]`,
        target,
        awaitPromise: false,
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      })) as unknown as { result: { type: string; result?: { value?: RemoteNode[] } } };
      const pairs = (hosts.result.result?.value ?? []).flatMap((h) => [
        { sharedId: h.sharedId },
        h.value?.shadowRoot?.sharedId ? { sharedId: h.value.shadowRoot.sharedId } : { type: 'null' },
      ]);
      const args = JSON.stringify({ selector, index, attribute, act });
      const r = (await bidi.send('script.callFunction', {
        functionDeclaration: `function (...pairs) {
          const __name = (f) => f;
          const roots = new Map();
          for (let i = 0; i < pairs.length; i += 2) roots.set(pairs[i], pairs[i + 1]);
          return JSON.stringify((${inspect.toString()})(${args}, (host) => roots.get(host) ?? null));
        }`,
        arguments: pairs,
        target,
        awaitPromise: false,
      })) as unknown as { result: { type: string; result?: { value?: string } } };
      const json = r.result.result?.value;
      return { ...ABSENT, ...(json ? (JSON.parse(json) as Partial<Found>) : {}) };
    } catch {
      // The page navigated while we asked: as if nothing were there yet.
      return ABSENT;
    }
  };
  const evaluate = () => Promise.reject(new Error("Firefox's tests do not run code in Threadside's world."));
  return uiOver(run, page.mouse, evaluate);
}
