import type { Page as PlaywrightPage } from 'playwright-core';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import { launchWithExtension } from './extension-browser';
import { inFirefoxPage, launchFirefoxWithExtension } from './firefox-browser';
import { inPage, type InPageUi } from './in-page-ui';
import { poll } from './harness';

/**
 * A reader's browser, the same to a journey in Chromium (playwright-core over CDP) and in
 * Firefox ESR (puppeteer-core over WebDriver BiDi): the journeys are written once, against
 * this, and run in both.
 */
export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export interface ReaderTab {
  /** Threadside's own UI in the page (closed shadow roots). */
  ui: InPageUi;
  /** Runs in the page's own world (or the extension page's), with one argument. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** The page element matching `selector` whose text is `text`, as a reader's pointer or Tab key reaches it. */
  hover(selector: string, text?: string): Promise<void>;
  focus(selector: string, text?: string): Promise<void>;
  click(selector: string, text?: string): Promise<void>;
  press(key: 'Escape' | 'Tab' | 'Enter'): Promise<void>;
  /** Selects one word inside the element matching `selector` by double-clicking it, as a reader does. */
  selectWord(selector: string, word: string): Promise<void>;
  /** Types into a text field, replacing what it held. */
  fill(selector: string, text: string): Promise<void>;
  /** Clicks what saves a file, and gives the saved file's text. */
  download(selector: string, text?: string): Promise<string>;
  /** Chooses a file in a file input, as the reader does in the browser's file picker. */
  upload(selector: string, path: string): Promise<void>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface Reader {
  name: BrowserName;
  open(url: string): Promise<ReaderTab>;
  extensionUrl(path: string): string;
  /** The toolbar button's badge. */
  badge(): Promise<string>;
  /**
   * What the background sends a tab when the reader picks a Threadside command (a context-menu
   * item, a shortcut): browser chrome that no test can reach headless, so sent as it would be.
   */
  tellTabsAt(urlPrefix: string, name: string): Promise<void>;
  /** Errors Threadside logged (Firefox's console; Chromium's extension pages and pages). */
  threadsideErrors(): string[];
  /**
   * Closes the tabs `open` opened that are still open: a journey that failed half-way must
   * not leave its thread open for the next (the background would take that tab instead).
   */
  closeTabs(): Promise<void>;
  close(): Promise<void>;
}

/** Runs in the page: the element's middle, scrolled into view, for the real pointer. */
function middleOf(args: { selector: string; text: string | null; act: 'point' | 'focus' }) {
  const el = [...document.querySelectorAll<HTMLElement>(args.selector)].find(
    (e) => args.text === null || e.textContent?.trim() === args.text,
  );
  if (!el) return null;
  el.scrollIntoView({ block: 'center' });
  if (args.act === 'focus') el.focus();
  const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** Runs in the page: the middle of the first whole-word `word` inside the element, scrolled into view. */
function middleOfWord(args: { selector: string; word: string }) {
  for (const el of document.querySelectorAll(args.selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.search(new RegExp(`\\b${args.word}\\b`));
      if (at < 0) continue;
      (n.parentElement ?? el).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + args.word.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
  }
  return null;
}

/** Sent from an extension page or the service worker: the message to every tab at the address. */
async function tellTabs(args: { urlPrefix: string; name: string }) {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  for (const tab of await api.tabs.query({}))
    if (tab.id !== undefined && tab.url?.startsWith(args.urlPrefix))
      await api.tabs.sendMessage(tab.id, { threadside: args.name }).catch(() => undefined);
}

interface Driven {
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  doubleClick(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
}

function tabOver(
  page: Driven,
  rest: Pick<ReaderTab, 'ui' | 'goto' | 'reload' | 'close' | 'upload' | 'fill'> & {
    saved(click: () => Promise<void>): Promise<string>;
  },
): ReaderTab {
  const at = async (selector: string, text: string | undefined, act: 'point' | 'focus') => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const p = await page.evaluate(middleOf, { selector, text: text ?? null, act }).catch(() => null);
      if (p) return p;
      if (Date.now() > deadline)
        throw new Error(`"${selector}"${text ? ` with "${text}"` : ''} did not appear in 10 s.`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    ...rest,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    async hover(selector, text) {
      const { x, y } = await at(selector, text, 'point');
      await page.mouse.move(x, y);
    },
    async focus(selector, text) {
      await at(selector, text, 'focus');
    },
    async click(selector, text) {
      const { x, y } = await at(selector, text, 'point');
      await page.mouse.click(x, y);
    },
    press: (key) => page.press(key),
    async selectWord(selector, word) {
      const p = await page.evaluate(middleOfWord, { selector, word });
      if (!p) throw new Error(`No "${word}" in "${selector}".`);
      await page.doubleClick(p.x, p.y);
    },
    async download(selector, text) {
      const { x, y } = await at(selector, text, 'point');
      return rest.saved(() => page.mouse.click(x, y));
    },
  };
}

export interface ReaderOptions {
  /**
   * Firefox only: the add-on's requests for more sites are granted without Firefox's prompt,
   * which no test can answer (it is the browser's own panel, not a page).
   */
  grantSiteRequests?: boolean;
  /** Firefox only: a window on a private display (desktop.ts), for keys only a real keyboard reaches. */
  env?: Record<string, string>;
  /** Firefox only: more of Firefox's preferences. */
  prefs?: Record<string, string | number | boolean>;
}

export async function launchReader(name: BrowserName, opts: ReaderOptions = {}): Promise<Reader> {
  return keepingTabs(name === 'chromium' ? await chromiumReader() : await firefoxReader(opts));
}

/** A reader's browser as each kind drives it, before `keepingTabs` adds `closeTabs`. */
type Driver = Omit<Reader, 'closeTabs'> & {
  /** Closes every tab on a web page: those Threadside opened (Open, a notification) too. */
  closeWebTabs: () => Promise<void>;
};

function keepingTabs({ closeWebTabs, ...reader }: Driver): Reader {
  const open = new Set<ReaderTab>();
  return {
    ...reader,
    async open(url) {
      const tab = await reader.open(url);
      const kept: ReaderTab = {
        ...tab,
        close: async () => {
          await tab.close();
          open.delete(kept);
        },
      };
      open.add(kept);
      return kept;
    },
    async closeTabs() {
      for (const tab of [...open]) await tab.close().catch(() => undefined);
      open.clear();
      await closeWebTabs();
    },
  };
}

async function chromiumReader(): Promise<Driver> {
  const b = await launchWithExtension();
  const errors: string[] = [];
  const watch = (page: PlaywrightPage) =>
    page.on('console', (m) => {
      if (m.type() === 'error' && (m.location().url.startsWith('chrome-extension://') || /threadside/i.test(m.text())))
        errors.push(m.text());
    });
  b.context.on('page', watch);
  b.serviceWorker.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return {
    name: 'chromium',
    async open(url) {
      const page = await b.context.newPage();
      await page.goto(url);
      return tabOver(
        {
          evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
          mouse: page.mouse,
          doubleClick: (x, y) => page.mouse.dblclick(x, y),
          press: (key) => page.keyboard.press(key),
        },
        {
          ui: inPage(page),
          async saved(click) {
            const [download] = await Promise.all([page.waitForEvent('download'), click()]);
            return readFile(await download.path(), 'utf8');
          },
          upload: (selector, path) => page.setInputFiles(selector, path),
          fill: (selector, text) => page.fill(selector, text),
          goto: async (u) => void (await page.goto(u)),
          reload: async () => void (await page.reload()),
          close: () => page.close(),
        },
      );
    },
    extensionUrl: (path) => `chrome-extension://${b.extensionId}/${path.replace(/^\//, '')}`,
    badge: () => b.serviceWorker.evaluate(() => chrome.action.getBadgeText({})),
    tellTabsAt: (urlPrefix, name) => b.serviceWorker.evaluate(tellTabs, { urlPrefix, name }),
    threadsideErrors: () => [...errors],
    async closeWebTabs() {
      for (const page of b.context.pages()) if (/^https?:/.test(page.url())) await page.close().catch(() => undefined);
    },
    close: () => b.close(),
  };
}

async function firefoxReader(opts: ReaderOptions): Promise<Driver> {
  const f = await launchFirefoxWithExtension(
    { ...(opts.grantSiteRequests ? { 'extensions.webextOptionalPermissionPrompts': false } : {}), ...opts.prefs },
    { env: opts.env },
  );
  // Puppeteer hears no navigation events from an add-on's own pages: navigate without
  // waiting for them, then wait for the page itself.
  const goto = async (page: PuppeteerPage, url: string) => {
    if (!url.startsWith('moz-extension:')) return void (await page.goto(url));
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    // Marks the page being left, so the wait below cannot mistake it for the new one.
    await page.evaluate(() => ((window as { leaving?: boolean }).leaving = true)).catch(() => undefined);
    await f.bidi.send('browsingContext.navigate', { context, url, wait: 'none' });
    await poll(() =>
      page
        .evaluate(() => `${location.href} ${document.readyState} ${(window as { leaving?: boolean }).leaving ?? false}`)
        .catch(() => ''),
    ).toBe(`${url} complete false`);
  };
  let extensionTab: PuppeteerPage | null = null;
  /** An add-on page kept open for calls to the extension's APIs (badge, tabs). */
  const extensionPage = async () => {
    if (!extensionTab) {
      extensionTab = await f.browser.newPage();
      await goto(extensionTab, f.extensionUrl('options.html'));
    }
    return extensionTab;
  };
  return {
    name: 'firefox',
    async open(url) {
      const page = await f.browser.newPage();
      await goto(page, url);
      return tabOver(
        {
          evaluate: (fn, arg) => page.evaluate(fn as never, arg),
          mouse: page.mouse,
          doubleClick: (x, y) => page.mouse.click(x, y, { count: 2 }),
          press: (key) => page.keyboard.press(key as never),
        },
        {
          ui: inFirefoxPage(page, f.bidi),
          async saved(click) {
            const before = new Set(await readdir(f.downloadDir));
            await click();
            // Firefox puts an empty NAME down at once, writes NAME.part, then moves it over
            // NAME, and may pass through other names on the way (seen: a random "….json"
            // gone by the next look). The file is taken once no .part is left and the same
            // name has had the same size, above 0, for two looks in a row.
            return new Promise<string>((resolve, reject) => {
              const deadline = Date.now() + 10_000;
              let last = '';
              const look = async () => {
                try {
                  const names = await readdir(f.downloadDir);
                  const fresh = names.find((n) => !before.has(n) && !n.endsWith('.part'));
                  if (fresh && !names.some((n) => n.endsWith('.part'))) {
                    const { size } = await stat(join(f.downloadDir, fresh));
                    const seen = `${fresh}:${size}`;
                    if (size > 0 && seen === last) return resolve(await readFile(join(f.downloadDir, fresh), 'utf8'));
                    last = seen;
                  }
                } catch {
                  // A name Firefox moved away between two calls: look again.
                  last = '';
                }
                if (Date.now() > deadline) reject(new Error('Firefox saved no whole file in 10 s.'));
                else setTimeout(() => void look(), 100);
              };
              void look();
            });
          },
          fill: (selector, text) => page.locator(selector).fill(text),
          async upload(selector, path) {
            const input = await page.waitForSelector(selector);
            await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
          },
          goto: async (u) => void (await goto(page, u)),
          reload: async () => {
            const url = await page.evaluate(() => location.href);
            if (url.startsWith('moz-extension:')) await goto(page, url);
            else await page.reload();
          },
          close: () => page.close(),
        },
      );
    },
    extensionUrl: (path) => f.extensionUrl(path),
    async tellTabsAt(urlPrefix, name) {
      const ext = await extensionPage();
      // As when the reader picks a menu item: the tab they are reading is the one in front.
      for (const page of await f.browser.pages()) if (page.url().startsWith(urlPrefix)) await page.bringToFront();
      await ext.evaluate(tellTabs, { urlPrefix, name });
    },
    async badge() {
      const badgePage = await extensionPage();
      return badgePage.evaluate(() =>
        (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({}),
      );
    },
    threadsideErrors: () => f.threadsideErrors(),
    async closeWebTabs() {
      for (const page of await f.browser.pages())
        if (/^https?:/.test(page.url())) await page.close().catch(() => undefined);
    },
    close: () => f.close(),
  };
}
