import type { PostView } from '../forums/adapter';

/**
 * A small "New" label above each post that arrived since the reader's last visit. The page
 * must not learn which posts are new (nor so that the thread is saved): every post of every
 * thread gets the same mark, a zero-size element whose closed shadow root holds the label,
 * drawn out of the flow and ignored by the pointer. The post-stream watcher and the
 * glossary leave `threadside-*` elements alone.
 */
const TAG = 'threadside-mark';
const labels = new WeakMap<Element, HTMLElement>();

const STYLE = `
:host { all: initial; display: block; position: relative; height: 0; }
.ts-new {
  position: absolute; left: 0; bottom: 3px; pointer-events: none;
  padding: 0 8px; border-radius: 999px; background: #0f6e6a; color: #ffffff;
  font: 600 12px/1.5 system-ui, sans-serif; letter-spacing: 0.02em;
}
.ts-new[hidden] { display: none; }
`;

function createMark(doc: Document): Element {
  const mark = doc.createElement(TAG);
  const root = mark.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const label = doc.createElement('span');
  label.className = 'ts-new';
  label.textContent = 'New';
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
    labels.get(mark)!.hidden = firstNew === null || p.postNumber < firstNew;
  }
}

/** Takes every mark off the page (Threadside turned off here). */
export function unmarkPosts(doc: Document): void {
  for (const mark of doc.querySelectorAll(TAG)) if (labels.has(mark)) mark.remove();
}
