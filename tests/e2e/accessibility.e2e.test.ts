import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { poll, useForumAndBrowser } from './harness';

// axe-core, the checker browsers' own accessibility tools build on, run against what the
// reader meets: the popup, the options page, and Threadside's bar, tooltip and summary
// panel on a forum thread (inside their shadow roots).
const env = useForumAndBrowser();
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

async function violations(page: Page, include?: string): Promise<string[]> {
  // Evaluated, not added as a script tag: extension pages' CSP forbids inline scripts.
  await page.evaluate(await axeSource);
  const found = await page.evaluate(async (include) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const context = include ? { include: [[include]] } : document;
    const result = await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  }, include);
  return found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('the popup and the options page have no violations', async () => {
    const thread = await env.browser.context.newPage();
    await thread.goto(env.forum.url + '/t/what-is-car-t-therapy/1828');
    const save = thread.locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');

    const popup = await env.browser.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    await popup.locator('.thread-row').first().waitFor();
    expect(await violations(popup)).toEqual([]);

    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
    expect(await violations(options)).toEqual([]);
    await Promise.all([thread.close(), popup.close(), options.close()]);
  });

  it("Threadside's bar, an open tooltip and the summary panel have no violations", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/t/what-is-car-t-therapy/1828');
    await page.locator('threadside-bar [data-testid=thread-title]').waitFor();
    const term = page.locator('[data-threadside-term]', { hasText: 'SCT' }).first();
    await term.waitFor();
    await term.focus();
    await page.locator('threadside-tooltip .ts-tooltip').waitFor();
    // axe can only look inside open shadow roots: make sure it is not passing empty boxes.
    const buttonsSeen = await page.evaluate(() =>
      ['threadside-bar', 'threadside-tooltip'].map(
        (tag) => document.querySelector(tag)?.shadowRoot?.querySelectorAll('button, a').length ?? 0,
      ),
    );
    expect(buttonsSeen.every((n) => n > 0)).toBe(true);
    expect(await violations(page, 'threadside-bar')).toEqual([]);
    expect(await violations(page, 'threadside-tooltip')).toEqual([]);
    expect(await violations(page, '[data-threadside-term]')).toEqual([]);

    await page.locator('threadside-bar [data-testid=summary]').click();
    const status = page.locator('threadside-summary [data-testid=summary-status]');
    await poll(() => status.textContent()).toBe('8 posts read on this computer.');
    expect(await violations(page, 'threadside-summary')).toEqual([]);
    await page.close();
  });
});
