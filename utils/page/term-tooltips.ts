import { autoUpdate, computePosition, flip, offset, shift, size, type ReferenceElement } from '@floating-ui/dom';
import { TERM_ATTR } from '../glossary/annotate';
import { fromReader } from './reader-input';

/**
 * Shows one tooltip for whichever glossary term the reader hovers (after a short delay) or
 * focuses, and hides it on Escape, on blur, or when the pointer leaves both the term and the
 * tooltip (so the reader can move onto the tooltip and click "learn more").
 */
export interface TooltipSurface {
  /** Carries role="tooltip" and the id that terms point at with aria-describedby. */
  host: HTMLElement;
  /**
   * The element actually placed beside the term. It lives inside the host's shadow root,
   * because the shadow root resets every style on the host itself.
   */
  floating: HTMLElement;
  /** Fill the tooltip for these entry ids, or empty it. */
  render(ids: string[] | null): void;
}

export interface TermTooltipOptions {
  doc: Document;
  surface: TooltipSurface;
  showDelayMs?: number;
  hideDelayMs?: number;
}

const TERM_SELECTOR = `[${TERM_ATTR}]`;

function termOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(TERM_SELECTOR) : null;
}

/**
 * A term inside one of Threadside's own shadow roots (the bar's title, the summary's
 * Mentioned list) is described by the tooltip too, for a screen reader: an id cannot reach
 * out of a shadow root, so the element itself is named (ARIA element reflection, which may
 * point from a shadow root into the document around it). Terms in the page keep the id,
 * which the page may see (it names no term).
 */
export function describedByTooltip(term: HTMLElement, tooltip: HTMLElement) {
  if (term.getRootNode() === tooltip.getRootNode() || !('ariaDescribedByElements' in term)) return;
  if (term.ariaDescribedByElements?.[0] === tooltip) return;
  term.removeAttribute('aria-describedby');
  term.ariaDescribedByElements = [tooltip];
}

export interface TermTooltips {
  stop(): void;
  hide(): void;
  /**
   * Shows the tooltip beside a range of text the reader selected, filled by `fill`, and moves
   * focus into it so its links are one Tab away; Escape or a click elsewhere closes it and
   * gives focus back.
   */
  showAtRange(range: Range, fill: () => void): void;
}

/**
 * Which wiring shows the one tooltip now, by the way to make it let go. The page, the bar's
 * title and the summary's list are wired apart but share the tooltip: a hide one of them
 * scheduled as focus left its term (the bar's Summary button clicked) must not empty the
 * tooltip another has since shown (the summary's first term, focused at once).
 */
const shownBy = new WeakMap<HTMLElement, { letGo(): void; hide(): void; forSelection(): boolean }>();

export function wireTermTooltips(opts: TermTooltipOptions): TermTooltips {
  const { doc, surface, showDelayMs = 350, hideDelayMs = 250 } = opts;
  const { host, floating } = surface;
  let shownFor: HTMLElement | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let stopAutoUpdate: (() => void) | null = null;
  /** Shown for a selection: no term element, and focus to give back on closing. */
  let forSelection = false;
  let focusBefore: Element | null = null;
  /** The term whose tooltip the reader entered with Enter: Escape there gives focus back to it. */
  let enteredFrom: HTMLElement | null = null;
  let refocusing: HTMLElement | null = null;

  const cancelTimers = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
  };

  /** Another wiring shows the tooltip now: this one forgets what it showed, touching nothing. */
  const letGo = () => {
    cancelTimers();
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    shownFor = null;
    enteredFrom = null;
    forSelection = false;
    focusBefore = null;
  };
  const me = { letGo, hide: () => hide(), forSelection: () => forSelection };
  const take = () => {
    const before = shownBy.get(floating);
    if (before !== me) before?.letGo();
    shownBy.set(floating, me);
  };

  const show = (term: HTMLElement) => {
    cancelTimers();
    if (shownFor === term) return;
    hide();
    const ids = (term.getAttribute(TERM_ATTR) ?? '').split(' ').filter(Boolean);
    if (ids.length === 0) return;
    take();
    shownFor = term;
    surface.render(ids);
    place(term);
  };

  const place = (reference: ReferenceElement) => {
    floating.style.display = 'block';
    stopAutoUpdate = autoUpdate(reference, floating, () => {
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [
          offset(8),
          flip(),
          shift({ padding: 8 }),
          // A short window (400% zoom): no taller than the room on its side, scrolling inside.
          size({
            padding: 8,
            apply: ({ availableHeight }) =>
              floating.style.setProperty('--tt-max-height', `${Math.max(96, Math.floor(availableHeight))}px`),
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    });
  };

  const showAtRange = (range: Range, fill: () => void) => {
    hide();
    take();
    const container = range.commonAncestorContainer;
    const contextElement = container instanceof Element ? container : (container.parentElement ?? undefined);
    forSelection = true;
    focusBefore = doc.activeElement;
    fill();
    place({
      getBoundingClientRect: () => range.getBoundingClientRect(),
      contextElement,
    });
    floating.tabIndex = -1;
    floating.focus({ preventScroll: true });
  };

  function hide() {
    if (shownBy.get(floating) !== me) {
      cancelTimers();
      return;
    }
    shownBy.delete(floating);
    // Taken first: Chromium sends focusout as the focused link is taken out below, and that
    // handler forgets where the reader came from.
    const term = enteredFrom;
    enteredFrom = null;
    cancelTimers();
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    shownFor = null;
    floating.style.display = 'none';
    surface.render(null);
    if (term) {
      // Back on the term with its tooltip closed: the focus it takes does not open it again.
      refocusing = term;
      term.focus({ preventScroll: true });
      refocusing = null;
    }
    if (forSelection) {
      forSelection = false;
      const back = focusBefore;
      focusBefore = null;
      if (back instanceof HTMLElement && back !== host) back.focus({ preventScroll: true });
    }
  }

  const scheduleHide = () => {
    // A selection's tooltip stays until the reader closes it or clicks elsewhere: the pointer
    // leaving it (or the tooltip moving out from under a still pointer) is not a choice.
    if (forSelection) return;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, hideDelayMs);
  };

  const onPointerOver = fromReader((e: Event) => {
    const term = termOf(e.target);
    // Over a selection's tooltip, passing a term (in a post, the bar or the summary) does not
    // replace it: Firefox reports the pointer "over" an underline drawn beneath a pointer
    // that never moved.
    if (!term || shownBy.get(floating)?.forSelection()) return;
    clearTimeout(hideTimer);
    if (shownFor === term) return;
    clearTimeout(showTimer);
    showTimer = setTimeout(() => show(term), showDelayMs);
  });
  const onPointerOut = fromReader((e: Event) => {
    const term = termOf(e.target);
    if (!term) return;
    const to = (e as PointerEvent).relatedTarget;
    if (to instanceof Node && (term.contains(to) || host.contains(to))) return;
    clearTimeout(showTimer);
    if (shownFor) scheduleHide();
  });
  const onFocusIn = fromReader((e: Event) => {
    const term = termOf(e.target);
    if (term) describedByTooltip(term, host);
    if (term && term !== refocusing) show(term);
  });
  const onFocusOut = fromReader((e: Event) => {
    // Into the tooltip on Enter: it stays.
    if (!termOf(e.target) || enteredFrom) return;
    const to = (e as FocusEvent).relatedTarget;
    if (to instanceof Node && host.contains(to)) return;
    scheduleHide();
  });
  const onKeyDown = fromReader((e: Event) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Escape' && (shownFor || forSelection)) hide();
    // Enter on a term whose tooltip shows: into the tooltip, so "learn more" can be reached
    // by keyboard (Tab from the term goes on through the page, and the tooltip closes).
    if (key === 'Enter' && shownFor && e.target === shownFor) {
      const link = floating.querySelector<HTMLElement>('a[href]');
      if (!link) return;
      e.preventDefault();
      clearTimeout(hideTimer);
      enteredFrom = shownFor;
      link.focus({ preventScroll: true });
    }
  });
  // A tooltip opened on a selection stays until the reader closes it or clicks elsewhere.
  const onPointerDown = fromReader((e: Event) => {
    if (forSelection && !(e.target instanceof Node && host.contains(e.target))) hide();
  });

  // Hidden unless another wiring shows it now (the summary's is wired as the panel opens).
  Object.assign(floating.style, { position: 'fixed', zIndex: '2147483001' });
  if (!shownBy.has(floating)) Object.assign(floating.style, { top: '0', left: '0', display: 'none' });
  doc.addEventListener('pointerover', onPointerOver);
  doc.addEventListener('pointerout', onPointerOut);
  // Caught on the way down: Threadside's closed roots keep keys, clicks and focus from
  // leaving them (closed-ui.ts), so inside the bar and the panel they never bubble up here.
  doc.addEventListener('focusin', onFocusIn, true);
  doc.addEventListener('focusout', onFocusOut, true);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('pointerdown', onPointerDown, true);
  // Wired into a shadow root (the bar's, the summary's): Escape pressed anywhere closes it.
  const page = (doc as unknown as Node).ownerDocument;
  page?.addEventListener('keydown', onKeyDown);
  // Keys pressed inside the tooltip (on "learn more") stay inside its shadow root.
  floating.addEventListener('keydown', onKeyDown);
  host.addEventListener(
    'pointerenter',
    fromReader(() => clearTimeout(hideTimer)),
  );
  host.addEventListener('pointerleave', fromReader(scheduleHide));
  // Inside the shadow root: focus events do not leave Threadside's UI.
  floating.addEventListener('focusout', (e) => {
    const to = e.relatedTarget;
    if (to instanceof Node && (host.contains(to) || shownFor?.contains(to))) return;
    // Tabbed on out of the tooltip: focus stays where the reader took it.
    enteredFrom = null;
    scheduleHide();
  });

  return {
    // Whichever wiring shows it: the glossary turned off takes the bar's tooltip down too.
    hide: () => (shownBy.get(floating) ?? me).hide(),
    stop() {
      hide();
      doc.removeEventListener('pointerover', onPointerOver);
      doc.removeEventListener('pointerout', onPointerOut);
      doc.removeEventListener('focusin', onFocusIn, true);
      doc.removeEventListener('focusout', onFocusOut, true);
      doc.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('pointerdown', onPointerDown, true);
      page?.removeEventListener('keydown', onKeyDown);
    },
    showAtRange,
  };
}
