import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { inPage } from './in-page-ui';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

const WCAG = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };
const describeAll = (found: Violation[]) =>
  found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);

/** axe-core on an extension page (popup, options). */
export async function violations(page: Page): Promise<string[]> {
  // Evaluated, not added as a script tag: extension pages' CSP forbids inline scripts.
  await page.evaluate(await axeSource);
  const found = await page.evaluate(async (opts) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }
    ).axe;
    return (await axe.run(document, opts)).violations;
  }, WCAG);
  return describeAll(found);
}

/**
 * axe-core on Threadside's in-page UI. Its shadow roots are closed, so axe runs in
 * Threadside's own world, where (for the length of the run) `shadowRoot` answers with
 * `chrome.dom.openOrClosedShadowRoot`, the way the browser's accessibility tree sees them.
 */
export async function violationsInPage(page: Page, include: string, plant = false): Promise<string[]> {
  const ui = inPage(page);
  if (!(await ui.evaluate<boolean>('typeof axe === "object"'))) await ui.evaluate(await axeSource);
  const found = await ui.evaluate<Violation[]>(`(async () => {
    const own = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
    Object.defineProperty(Element.prototype, 'shadowRoot', {
      configurable: true,
      get() { return chrome.dom.openOrClosedShadowRoot(this); },
    });
    const planted = ${plant} ? document.createElement('button') : null;
    if (planted) chrome.dom.openOrClosedShadowRoot(document.querySelector(${JSON.stringify(include)})).append(planted);
    try {
      return (await axe.run({ include: [[${JSON.stringify(include)}]] }, ${JSON.stringify(WCAG)})).violations;
    } finally {
      planted?.remove();
      Object.defineProperty(Element.prototype, 'shadowRoot', own);
    }
  })()`);
  return describeAll(found);
}
