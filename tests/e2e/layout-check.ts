/**
 * What a reader would see as broken layout, measured rather than pictured: text or a control
 * running off the screen, or out of the box it sits in, text cut off by a box too small for it
 * (a clamp to a few lines only with a control beside it that shows the rest), and text or
 * controls drawn over one another.
 * Boxes are clipped to the scrolling boxes they sit in: what is scrolled out of view is not
 * overlapping anything. Self-contained, so it can run in the page or in Threadside's world.
 *
 * `roots` holds CSS selectors: "document" for the page itself, or a Threadside host tag
 * ("threadside-bar") whose closed shadow root `openRoot` opens.
 */
export function layoutProblems(roots: string[], openRoot?: (host: Element) => ShadowRoot | null): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  const name = (el: Element) => {
    const cls =
      typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls}${text ? ` “${text}”` : ''}`;
  };
  const parentOf = (el: Element): Element | null =>
    el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
  /** The part of the box not hidden by a scrolling or clipping box around it. */
  const visibleBox = (el: Element) => {
    const r = el.getBoundingClientRect();
    let [l, t, rr, b] = [r.left, r.top, r.right, r.bottom];
    for (let p = parentOf(el); p; p = parentOf(p)) {
      const cs = getComputedStyle(p);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const pr = p.getBoundingClientRect();
      l = Math.max(l, pr.left);
      t = Math.max(t, pr.top);
      rr = Math.min(rr, pr.right);
      b = Math.min(b, pr.bottom);
    }
    return rr - l > 0.5 && b - t > 0.5 ? { l, t, r: rr, b } : null;
  };
  const items: Array<{ el: Element; box: { l: number; t: number; r: number; b: number } }> = [];
  for (const sel of roots) {
    const scopes: Array<Document | ShadowRoot> = [];
    if (sel === 'document') scopes.push(document);
    else
      for (const host of document.querySelectorAll(sel)) {
        const root = openRoot?.(host) ?? host.shadowRoot;
        if (root) scopes.push(root);
      }
    for (const scope of scopes)
      for (const el of scope.querySelectorAll('*')) {
        const cs = getComputedStyle(el);
        if (
          cs.display === 'none' ||
          cs.visibility !== 'visible' ||
          el.closest('[hidden], .visually-hidden, .ts-visually-hidden')
        )
          continue;
        if (el.getClientRects().length === 0) continue;
        const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
        const control = el.matches('button, a[href], input, select, textarea, [tabindex="0"]');
        if (!ownText && !control) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) continue;
        if (r.left < -1 || r.right > width + 1)
          problems.push(
            `${name(el)} runs off the screen (${Math.round(r.left)} to ${Math.round(r.right)} of ${width})`,
          );
        // Threadside's UI is fixed over the page: what is above or below the window, and not
        // scrolled out of sight inside its own box, cannot be reached at all.
        const shown = sel === 'document' ? null : visibleBox(el);
        if (shown && (shown.t < -1 || shown.b > window.innerHeight + 1))
          problems.push(
            `${name(el)} runs off the screen (${Math.round(shown.t)} to ${Math.round(shown.b)} of ${window.innerHeight} high)`,
          );
        const clips = ['hidden', 'clip'].includes(cs.overflowX) || ['hidden', 'clip'].includes(cs.overflowY);
        const field = el.matches('input, select, textarea');
        // Text taller than its box, drawn over what comes next (a box squeezed by its column).
        if (
          ownText &&
          cs.overflowX === 'visible' &&
          cs.overflowY === 'visible' &&
          !field &&
          !['inline', 'contents'].includes(cs.display) &&
          el.scrollHeight > el.clientHeight + 1
        )
          problems.push(`${name(el)} spills out of its box (${el.scrollHeight} px of text in ${el.clientHeight})`);
        // A column that scrolls sideways: its text runs out of sight to the right.
        if (
          ['auto', 'scroll'].includes(cs.overflowX) &&
          !el.matches('input, select, textarea') &&
          el.scrollWidth > el.clientWidth + 1
        )
          problems.push(`${name(el)} scrolls sideways (${el.scrollWidth} wide in ${el.clientWidth})`);
        const clamped =
          cs.getPropertyValue('-webkit-line-clamp') && cs.getPropertyValue('-webkit-line-clamp') !== 'none';
        // A clamp is fine only where the reader can open it: a control that names this box.
        const opener =
          clamped &&
          el.id &&
          [
            ...(el.getRootNode() as ParentNode).querySelectorAll(`[aria-controls="${el.id}"][aria-expanded="false"]`),
          ].some((c) => c.getClientRects().length > 0);
        if (
          clips &&
          !opener &&
          !field &&
          (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        )
          problems.push(
            `${name(el)} is cut off (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})${clamped ? ' by a clamp with no control to show the rest' : ''}`,
          );
        // Out of the box it sits in (a flex item that would not shrink, a word that would not
        // wrap): drawn over whatever is beside that box. Not for what is placed on purpose
        // (positioned, or moved by an offset) or what its box scrolls or clips (checked above), nor inside a
        // line of text, whose boxes are the lines themselves.
        const parent = parentOf(el);
        if (parent && parent === el.parentElement && cs.position === 'static') {
          const ps = getComputedStyle(parent);
          if (
            !['inline', 'contents'].includes(ps.display) &&
            ps.overflowX === 'visible' &&
            ps.overflowY === 'visible'
          ) {
            const pr = parent.getBoundingClientRect();
            const out = Math.max(pr.left - r.left, r.right - pr.right, pr.top - r.top, r.bottom - pr.bottom);
            if (out > 1) problems.push(`${name(el)} runs ${Math.round(out)} px out of ${name(parent)}`);
          }
        }
        const box = visibleBox(el);
        if (box) items.push({ el, box });
      }
  }
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.box.r, b.box.r) - Math.max(a.box.l, b.box.l);
      const h = Math.min(a.box.b, b.box.b) - Math.max(a.box.t, b.box.t);
      if (w > 2 && h > 2) problems.push(`${name(a.el)} and ${name(b.el)} overlap`);
    }
  return [...new Set(problems)];
}
