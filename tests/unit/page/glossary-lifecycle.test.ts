// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { startGlossary } from '../../../entrypoints/content/glossary';
import { glossaryDeps } from '../../../entrypoints/content/glossary-deps';
import { watchReaderStops } from '../../../entrypoints/content/reader-stops';
import { glossaryModeSetting, glossarySiteModesSetting } from '../../../utils/browser/settings';
import { loadGlossary } from '../../../utils/glossary/load';
import { compileMatcher } from '../../../utils/glossary/matcher';

/**
 * happy-dom lays nothing out, so its IntersectionObserver never reports: here every post
 * observed is on screen, as a short thread's posts are (the glossary underlines only those).
 */
class OnScreenObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target, isIntersecting: true } as IntersectionObserverEntry], this as never));
  }
  unobserve() {}
  disconnect() {}
}
vi.stubGlobal('IntersectionObserver', OnScreenObserver);

const termsIn = (el: Element) => el.querySelectorAll('[data-threadside-term]').length;

function post(text: string) {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return p;
}

const { entries } = loadGlossary();
/** The glossary's files as the page reads them (the build writes them; no extension files here). */
const depsWith = (readEntries: () => Promise<typeof entries>) => ({
  ...glossaryDeps(),
  readMatcher: () =>
    Promise.resolve({
      matcher: compileMatcher(entries),
      common: entries.filter((e) => e.tier === 'common').map((e) => e.id),
    }),
  readEntries,
  // Open, so the test can read the tooltip; the page's are closed.
  closedUi: (ctx: ContentScriptContext, name: string) =>
    createShadowRootUi(ctx, {
      name,
      position: 'inline',
      mode: 'open',
      anchor: 'body',
      append: 'last',
      onMount: () => {},
    }),
});

/** The glossary started in `ctx`, underlining `el`. */
const glossaryOn = async (ctx: ContentScriptContext, deps: ReturnType<typeof depsWith>, el: Element) =>
  (
    await startGlossary(
      ctx,
      watchReaderStops(ctx, () => false),
      deps,
    )
  ).setPosts([el], '');

describe('the first tooltip on a page', () => {
  it('waits for the entries; says so plainly if they cannot be read, and reads them at the next tooltip', async () => {
    let reads = 0;
    const deps = depsWith(() => (++reads === 1 ? Promise.reject(new Error('gone')) : Promise.resolve(entries)));
    const ctx = new ContentScriptContext('threadside-test-tooltip');
    const text = post('After R-CHOP for DLBCL my husband had a PET scan.');
    await glossaryOn(ctx, deps, text);
    await vi.waitFor(() => expect(termsIn(text)).toBeGreaterThan(1));
    const tooltip = () => document.querySelector('threadside-tooltip')!.shadowRoot!.textContent ?? '';
    const [first, second] = text.querySelectorAll<HTMLElement>('[data-threadside-term]');
    first.focus();
    await vi.waitFor(() => expect(tooltip()).toContain('could not load its explanations'));
    second.focus();
    await vi.waitFor(() => expect(tooltip()).toContain('Learn more'));
    expect(reads).toBe(2);
    ctx.abort('end of test');
  });
});

describe('a reader moving by keyboard', () => {
  it('has the explanations read at their first Tab, so the first term they reach is described as it takes focus', async () => {
    let reads = 0;
    const deps = depsWith(() => (reads++, Promise.resolve(entries)));
    const ctx = new ContentScriptContext('threadside-test-keyboard');
    const text = post('Now on maintenance rituximab after R-CHOP for DLBCL.');
    await glossaryOn(ctx, deps, text);
    await vi.waitFor(() => expect(termsIn(text)).toBeGreaterThan(0));
    expect(reads).toBe(0);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    await vi.waitFor(() => expect(reads).toBe(1));
    await new Promise((r) => setTimeout(r, 0));
    text.querySelector<HTMLElement>('[data-threadside-term]')!.focus();
    // At once, not once a read has finished: that is when the description is read out.
    expect(document.querySelector('threadside-tooltip')!.shadowRoot!.textContent).toContain('Learn more');
    ctx.abort('end of test');
  });
});

describe('a reader moving by keyboard when the explanations cannot be read', () => {
  it('does not ask for them again at every Tab, but does at the tooltip they reach', async () => {
    let reads = 0;
    const deps = depsWith(() => (reads++, Promise.reject(new Error('gone'))));
    const ctx = new ContentScriptContext('threadside-test-keyboard-failed');
    const text = post('Now on maintenance rituximab after R-CHOP for DLBCL.');
    await glossaryOn(ctx, deps, text);
    await vi.waitFor(() => expect(termsIn(text)).toBeGreaterThan(0));
    const tab = () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    tab();
    await vi.waitFor(() => expect(reads).toBe(1));
    await new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 5; i++) tab();
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toBe(1);
    text.querySelector<HTMLElement>('[data-threadside-term]')!.focus();
    await vi.waitFor(() => expect(reads).toBe(2));
    ctx.abort('end of test');
  });
});

describe('the glossary in a page Threadside has left', () => {
  it('stays off the page when a glossary setting changes afterwards', async () => {
    const deps = depsWith(() => Promise.resolve(entries));
    const left = post('Diagnosed with DLBCL last spring, then six rounds of R-CHOP.');
    const live = post('My husband had a PET scan after R-CHOP for DLBCL.');

    // Two copies of the script: one the reader turned off, one still running (the control
    // that shows each change has reached the page).
    const stopped = new ContentScriptContext('threadside-test-left');
    const running = new ContentScriptContext('threadside-test-live');
    await glossaryOn(stopped, deps, left);
    await glossaryOn(running, deps, live);
    await vi.waitFor(() => expect(termsIn(left)).toBeGreaterThan(0));
    await vi.waitFor(() => expect(termsIn(live)).toBeGreaterThan(0));

    stopped.abort('Threadside was turned off for this site');
    expect(termsIn(left)).toBe(0);
    expect(left.textContent).toBe('Diagnosed with DLBCL last spring, then six rounds of R-CHOP.');

    await glossaryModeSetting.setValue('off');
    await vi.waitFor(() => expect(termsIn(live)).toBe(0));
    await glossaryModeSetting.setValue('every');
    await vi.waitFor(() => expect(termsIn(live)).toBeGreaterThan(0));
    expect(termsIn(left)).toBe(0);

    await glossarySiteModesSetting.setValue({ [location.host]: 'off' });
    await vi.waitFor(() => expect(termsIn(live)).toBe(0));
    await glossarySiteModesSetting.setValue({ [location.host]: 'first' });
    await vi.waitFor(() => expect(termsIn(live)).toBeGreaterThan(0));
    expect(termsIn(left)).toBe(0);
    running.abort('end of test');
  });
});
