// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
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

describe('the glossary in a page Threadside has left', () => {
  it('stays off the page when a glossary setting changes afterwards', async () => {
    const { entries } = loadGlossary();
    // The glossary's files as the page reads them (the build writes them; no extension files here).
    const deps = {
      ...glossaryDeps(),
      readMatcher: () =>
        Promise.resolve({
          matcher: compileMatcher(entries),
          common: entries.filter((e) => e.tier === 'common').map((e) => e.id),
        }),
      readEntries: () => Promise.resolve(entries),
    };
    const left = post('Diagnosed with DLBCL last spring, then six rounds of R-CHOP.');
    const live = post('My husband had a PET scan after R-CHOP for DLBCL.');

    // Two copies of the script: one the reader turned off, one still running (the control
    // that shows each change has reached the page).
    const stopped = new ContentScriptContext('threadside-test-left');
    const running = new ContentScriptContext('threadside-test-live');
    (
      await startGlossary(
        stopped,
        watchReaderStops(stopped, () => false),
        deps,
      )
    ).setPosts([left], '');
    (
      await startGlossary(
        running,
        watchReaderStops(running, () => false),
        deps,
      )
    ).setPosts([live], '');
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
