import type { PostView } from '../forums/adapter';

/**
 * A stripe down the side of each post that arrived since the reader's last visit, named
 * "New reply" for screen readers. The page must not learn which posts are new (nor so that
 * the thread is saved): every post of every thread gets the same mark, a zero-size element
 * whose closed shadow root holds the stripe, drawn out of the flow and ignored by the
 * pointer, so nothing the page can measure moves. The post-stream watcher and the glossary
 * leave `threadside-*` elements alone.
 */
const TAG = 'threadside-mark';
const labels = new WeakMap<Element, HTMLElement>();

const STYLE = `
:host { all: initial; display: block; position: relative; height: 0; }
.ts-new {
  position: absolute; top: 0; left: -10px; width: 4px; border-radius: 2px;
  background: #0f6e6a; pointer-events: none; overflow: hidden;
  color: transparent; font-size: 1px; white-space: nowrap;
}
.ts-new[hidden] { display: none; }
@media (prefers-color-scheme: dark) { .ts-new { background: #5cc8bf; } }
`;

/** Each shown stripe runs the height of its post's text, as that text grows or shrinks. */
const stripes = new WeakMap<Element, HTMLElement>();
let sizes: ResizeObserver | null = null;
const observer = () =>
  (sizes ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      const stripe = stripes.get(e.target);
      if (stripe) stripe.style.height = `${(e.target as HTMLElement).offsetHeight}px`;
    }
  }));

function createMark(doc: Document): Element {
  const mark = doc.createElement(TAG);
  const root = mark.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const label = doc.createElement('span');
  label.className = 'ts-new';
  label.textContent = 'New reply';
  label.hidden = true;
  root.append(style, label);
  labels.set(mark, label);
  return mark;
}

/** Marks every post on the page, showing "New" on those numbered `firstNew` and above. */
export function markPosts(posts: readonly PostView[], firstNew: number | null): void {
  for (const p of posts) {
    const content = p.contentElement;
    let mark = content.previousElementSibling;
    if (!mark || !labels.has(mark)) {
      mark = createMark(content.ownerDocument);
      content.before(mark);
    }
    const label = labels.get(mark)!;
    const hidden = firstNew === null || p.postNumber < firstNew;
    // Posts are marked again on every reading of the stream: touch only what changes.
    if (label.hidden === hidden) continue;
    label.hidden = hidden;
    if (hidden) {
      if (stripes.delete(content)) observer().unobserve(content);
    } else if (!stripes.has(content)) {
      stripes.set(content, label);
      observer().observe(content);
    }
  }
}

/** Takes every mark off the page (Threadside turned off here). */
export function unmarkPosts(doc: Document): void {
  sizes?.disconnect();
  sizes = null;
  for (const mark of doc.querySelectorAll(TAG)) if (labels.has(mark)) mark.remove();
}
