// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wireTermTooltips } from '../../../utils/page/term-tooltips';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

function setUp() {
  const post = document.createElement('p');
  post.textContent = 'We planted the garden before the transplant.';
  const host = document.createElement('div');
  const floating = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(floating);
  document.body.append(post, host);
  const tooltips = wireTermTooltips({
    doc: document,
    surface: { host, floating, render: (ids) => (floating.textContent = ids ? ids.join(',') : '') },
  });
  const range = document.createRange();
  range.setStart(post.firstChild!, 14);
  range.setEnd(post.firstChild!, 20);
  return { post, host, floating, tooltips, range };
}

describe('the tooltip for words the reader selected', () => {
  it('stays when the pointer leaves it, and closes on a click elsewhere', () => {
    const { post, host, floating, tooltips, range } = setUp();
    tooltips.showAtRange(range, () => (floating.textContent = 'Threadside has no explanation for “garden”.'));
    expect(floating.style.display).not.toBe('none');
    host.dispatchEvent(new PointerEvent('pointerleave'));
    floating.dispatchEvent(new FocusEvent('focusout'));
    vi.advanceTimersByTime(1000);
    expect(floating.style.display).not.toBe('none');
    expect(floating.textContent).toContain('garden');
    post.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(floating.style.display).toBe('none');
    tooltips.stop();
  });

  it('is not replaced by a term the pointer is found over, until it is closed', () => {
    const { post, floating, tooltips, range } = setUp();
    const term = document.createElement('span');
    term.setAttribute('data-threadside-term', 'transplant');
    term.textContent = 'transplant';
    post.append(' ', term);
    tooltips.showAtRange(range, () => (floating.textContent = 'Threadside has no explanation for “garden”.'));
    term.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    vi.advanceTimersByTime(1000);
    expect(floating.textContent).toContain('garden');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(floating.style.display).toBe('none');
    term.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    vi.advanceTimersByTime(1000);
    expect(floating.textContent).toBe('transplant');
    tooltips.stop();
  });
});

describe('terms inside Threadside’s own closed roots (the bar’s title, the summary’s Mentioned)', () => {
  it('show their tooltip on keyboard focus and close it on Escape, though the root keeps those events in', () => {
    // As @webext-core/isolated-element builds a root with isolateEvents: html > body, whose
    // body stops keys and focus from going further.
    const barHost = document.createElement('div');
    const root = barHost.attachShadow({ mode: 'open' });
    const html = document.createElement('html');
    const body = document.createElement('body');
    for (const type of ['focusin', 'focusout', 'keydown', 'pointerdown'])
      body.addEventListener(type, (e) => e.stopPropagation());
    const term = document.createElement('span');
    term.setAttribute('data-threadside-term', 'car-t');
    term.tabIndex = 0;
    term.textContent = 'CAR-T';
    body.append(term);
    html.append(body);
    root.append(html);
    const tipHost = document.createElement('div');
    const floating = document.createElement('div');
    tipHost.attachShadow({ mode: 'open' }).append(floating);
    document.body.append(barHost, tipHost);
    const tooltips = wireTermTooltips({
      doc: root as unknown as Document,
      surface: { host: tipHost, floating, render: (ids) => (floating.textContent = ids ? ids.join(',') : '') },
    });
    term.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(1000);
    expect(floating.textContent).toBe('car-t');
    expect(floating.style.display).not.toBe('none');
    term.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(floating.style.display).toBe('none');
    tooltips.stop();
  });
});

describe('a term’s tooltip from the keyboard', () => {
  it('takes Enter into the tooltip to its “learn more” link, and Escape there back to the term, closed', () => {
    const post = document.createElement('p');
    const term = document.createElement('span');
    term.setAttribute('data-threadside-term', 'dlbcl');
    term.tabIndex = 0;
    term.textContent = 'DLBCL';
    post.append('After ', term, ' came back.');
    const host = document.createElement('div');
    const floating = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.append(floating);
    document.body.append(post, host);
    const tooltips = wireTermTooltips({
      doc: document,
      surface: {
        host,
        floating,
        render: (ids) => {
          const link = document.createElement('a');
          link.href = 'https://www.nhs.uk/';
          link.textContent = 'Learn more';
          floating.replaceChildren(...(ids ? [link] : []));
        },
      },
    });
    term.focus();
    // happy-dom sends no focusin for focus(): sent as the browser does.
    term.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(1000);
    expect(floating.style.display).not.toBe('none');
    term.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(root.activeElement?.textContent).toBe('Learn more');
    vi.advanceTimersByTime(1000);
    expect(floating.style.display).not.toBe('none');
    root.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(floating.style.display).toBe('none');
    expect(document.activeElement).toBe(term);
    vi.advanceTimersByTime(1000);
    expect(floating.style.display).toBe('none');
    tooltips.stop();
  });
});

describe('one tooltip shared by the page, the bar and the summary panel', () => {
  /** A closed-root stand-in holding one focusable term. */
  function rootWithTerm(id: string) {
    const hostEl = document.createElement('div');
    const root = hostEl.attachShadow({ mode: 'open' });
    const term = document.createElement('span');
    term.setAttribute('data-threadside-term', id);
    term.tabIndex = 0;
    const button = document.createElement('button');
    root.append(term, button);
    document.body.append(hostEl);
    return { root, term, button };
  }

  function shared() {
    const host = document.createElement('div');
    const floating = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(floating);
    document.body.append(host);
    const surface = { host, floating, render: (ids: string[] | null) => (floating.textContent = ids?.join(',') ?? '') };
    const bar = rootWithTerm('car-t');
    const panel = rootWithTerm('dlbcl');
    const page = wireTermTooltips({ doc: document, surface });
    const wire = (root: ShadowRoot) => wireTermTooltips({ doc: root as unknown as Document, surface });
    return { floating, bar, panel, page, wire };
  }

  const focusIn = (el: Element) => el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));

  it('keeps the summary term’s tooltip when focus left the bar’s term a moment before', () => {
    const { floating, bar, panel, page, wire } = shared();
    const barTips = wire(bar.root);
    focusIn(bar.term);
    expect(floating.textContent).toBe('car-t');
    // The reader presses the bar's Summary button: focus leaves the title's term...
    bar.term.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: bar.button }));
    // ...and the panel, wired as it opens, has its first term focused at once.
    const panelTips = wire(panel.root);
    vi.advanceTimersByTime(50);
    focusIn(panel.term);
    vi.advanceTimersByTime(1000);
    expect(floating.textContent).toBe('dlbcl');
    expect(floating.style.display).not.toBe('none');
    // Escape still closes it.
    panel.term.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(floating.style.display).toBe('none');
    for (const t of [page, barTips, panelTips]) t.stop();
  });

  it('keeps a selection’s tooltip when the pointer is found over a term in the bar, and gives focus back on Escape', () => {
    const { floating, bar, page, wire } = shared();
    const barTips = wire(bar.root);
    const post = document.createElement('p');
    post.textContent = 'We planted the garden before the transplant.';
    const reply = document.createElement('textarea');
    document.body.append(post, reply);
    reply.focus();
    const range = document.createRange();
    range.setStart(post.firstChild!, 14);
    range.setEnd(post.firstChild!, 20);
    page.showAtRange(range, () => (floating.textContent = 'Threadside has no explanation for “garden”.'));
    bar.term.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(1000);
    expect(floating.textContent).toContain('garden');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(floating.style.display).toBe('none');
    expect(document.activeElement).toBe(reply);
    for (const t of [page, barTips]) t.stop();
  });

  it('is taken down when the glossary is turned off, whichever part showed it', () => {
    const { floating, bar, page, wire } = shared();
    const barTips = wire(bar.root);
    focusIn(bar.term);
    expect(floating.style.display).not.toBe('none');
    page.hide();
    expect(floating.style.display).toBe('none');
    expect(floating.textContent).toBe('');
    for (const t of [page, barTips]) t.stop();
  });
});
