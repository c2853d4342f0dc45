import type { CDPSession, Page } from 'playwright-core';

/**
 * Threadside's bar, tooltip and summary panel live in closed shadow roots: the forum page
 * (and Playwright's locators, which run as the page does) cannot see into them. The tests
 * look in from Threadside's own isolated world, where `chrome.dom.openOrClosedShadowRoot`
 * opens them, and act with real mouse input, the only kind Threadside's buttons answer.
 *
 * A selector is the host's tag, then a selector inside its shadow root:
 * `threadside-bar [data-testid=save]`; the tag alone stands for the host itself.
 */
export interface UiLocator {
  count(): Promise<number>;
  /** The first match's text, or null when there is none. */
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  isEnabled(): Promise<boolean>;
  isVisible(): Promise<boolean>;
  /** Waits (10 s at most) for the element, then clicks its middle with the mouse. */
  click(): Promise<void>;
  hover(): Promise<void>;
  focus(): Promise<void>;
  /** Waits (10 s at most) until at least one element matches and is visible. */
  waitFor(): Promise<void>;
  /** Where the element is in the viewport, or null when it is not shown. */
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  nth(index: number): UiLocator;
  first(): UiLocator;
  /** Elements inside this one (of any match): the selectors joined. */
  locator(inner: string): UiLocator;
}

export interface InPageUi {
  locator(selector: string): UiLocator;
  /**
   * An expression evaluated in Threadside's isolated world (awaited), where
   * `chrome.dom.openOrClosedShadowRoot` reaches the UI; for checks such as axe-core's.
   */
  evaluate<T>(expression: string): Promise<T>;
}

export interface Found {
  count: number;
  text: string | null;
  attribute: string | null;
  enabled: boolean;
  visible: boolean;
  /** The middle of the element in the viewport, when nothing covers it there. */
  point: { x: number; y: number } | null;
  box: { x: number; y: number; width: number; height: number } | null;
}

export type Act = 'read' | 'reveal' | 'focus';

/**
 * Finds the element and reports what a test asks. In Chromium it runs in Threadside's
 * isolated world, which opens closed shadow roots; Firefox's WebDriver BiDi hands the test
 * the closed roots themselves (`openRoot`).
 */
export function inspect(
  args: { selector: string; index: number; attribute: string; act: Act },
  openRoot?: (host: Element) => ShadowRoot | null,
) {
  const [hostTag, ...rest] = args.selector.trim().split(/\s+/);
  const inner = rest.join(' ');
  const open =
    openRoot ??
    ((host: Element) =>
      (
        chrome as unknown as { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } }
      ).dom.openOrClosedShadowRoot(host));
  const matches: Element[] = [];
  for (const host of document.querySelectorAll(hostTag)) {
    if (!inner) matches.push(host);
    else matches.push(...(open(host)?.querySelectorAll(inner) ?? []));
  }
  const el = matches[args.index] as HTMLElement | undefined;
  // Nothing more to tell: the caller fills in the rest from ABSENT.
  if (!el) return { count: matches.length };
  if (args.act === 'reveal') el.scrollIntoView({ block: 'center', inline: 'center' });
  if (args.act === 'focus') el.focus();
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const visible = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden]');
  let point: { x: number; y: number } | null = null;
  if (visible) {
    // A link that wraps onto two lines: the middle of its box may be other text; its first line is it.
    const line = el.getClientRects()[0] ?? r;
    const x = line.left + line.width / 2;
    const y = line.top + line.height / 2;
    const root = el.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint(x, y);
    if (hit && (hit === el || el.contains(hit))) point = { x, y };
  }
  return {
    count: matches.length,
    text: el.textContent,
    attribute: args.attribute ? el.getAttribute(args.attribute) : null,
    enabled: !(el as HTMLButtonElement).disabled,
    visible,
    point,
    box: visible ? { x: r.left, y: r.top, width: r.width, height: r.height } : null,
  };
}

const sessions = new WeakMap<Page, Promise<Reach>>();

interface Reach {
  cdp: CDPSession;
  /** Threadside's world in the page's main frame, while the page has one. */
  world: () => number | null;
}

async function reach(page: Page): Promise<Reach> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const mainFrame = frameTree.frame.id;
  let world: number | null = null;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { frameId?: string; type?: string } | undefined;
    if (aux?.frameId === mainFrame && aux.type === 'isolated' && context.origin.startsWith('chrome-extension://'))
      world = context.id;
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    if (executionContextId === world) world = null;
  });
  cdp.on('Runtime.executionContextsCleared', () => (world = null));
  await cdp.send('Runtime.enable');
  return { cdp, world: () => world };
}

export const ABSENT: Found = {
  count: 0,
  text: null,
  attribute: null,
  enabled: false,
  visible: false,
  point: null,
  box: null,
};

export function inPage(page: Page): InPageUi {
  const session = () => {
    let s = sessions.get(page);
    if (!s) sessions.set(page, (s = reach(page)));
    return s;
  };

  const run = async (selector: string, index: number, act: Act, attribute = '') => {
    const { cdp, world } = await session();
    const contextId = world();
    if (contextId === null) return ABSENT;
    const r = await cdp
      .send('Runtime.evaluate', {
        contextId,
        // The test build may wrap named functions in __name(); the page's world has no such helper.
        expression: `(() => { const __name = (f) => f; return (${inspect.toString()})(${JSON.stringify({ selector, index, attribute, act })}); })()`,
        returnByValue: true,
      })
      .catch(() => null);
    // The page navigated while we asked: as if nothing were there yet.
    return { ...ABSENT, ...(r?.result.value as Partial<Found> | undefined) };
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const { cdp, world } = await session();
    const contextId = world();
    if (contextId === null) throw new Error('Threadside is not running in this page.');
    const r = await cdp.send('Runtime.evaluate', { contextId, expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails)
      throw new Error(`In Threadside's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  };
  return uiOver(run, page.mouse, evaluate);
}

/** The locators, over a way to look into the UI and a real mouse: the same in every browser. */
export function uiOver(
  run: (selector: string, index: number, act: Act, attribute?: string) => Promise<Found>,
  mouse: { click(x: number, y: number): Promise<void>; move(x: number, y: number): Promise<void> },
  evaluate: <T>(expression: string) => Promise<T>,
): InPageUi {
  const until = async (what: string, check: () => Promise<Found | null>): Promise<Found> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = await check();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`Threadside's UI: ${what} did not happen in 10 s.`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const locator = (selector: string, index = 0): UiLocator => {
    // Like Playwright's "stable": the same place on two looks in a row, so a click does not
    // land where the element was before the page moved it.
    const pointAt = async () => {
      let last: string | null = null;
      const found = await until(`"${selector}" to be visible, not covered and still`, async () => {
        const f = await run(selector, index, 'reveal');
        const here = f.point && JSON.stringify(f.box);
        const still = here !== null && here === last;
        last = here;
        return still ? f : null;
      });
      return found.point!;
    };
    return {
      count: async () => (await run(selector, index, 'read')).count,
      textContent: async () => (await run(selector, index, 'read')).text,
      getAttribute: async (name) => (await run(selector, index, 'read', name)).attribute,
      isEnabled: async () => (await run(selector, index, 'read')).enabled,
      isVisible: async () => (await run(selector, index, 'read')).visible,
      boundingBox: async () => (await run(selector, index, 'read')).box,
      async click() {
        const { x, y } = await pointAt();
        await mouse.click(x, y);
      },
      async hover() {
        const { x, y } = await pointAt();
        await mouse.move(x, y);
      },
      async focus() {
        await until(`"${selector}" to take the focus`, async () => {
          const f = await run(selector, index, 'focus');
          return f.count > index ? f : null;
        });
      },
      async waitFor() {
        await until(`"${selector}" to appear`, async () => {
          const f = await run(selector, index, 'read');
          return f.visible ? f : null;
        });
      },
      nth: (i) => locator(selector, i),
      first: () => locator(selector, 0),
      locator: (inner) => locator(`${selector} ${inner}`),
    };
  };
  return { locator: (selector) => locator(selector), evaluate };
}
