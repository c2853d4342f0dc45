import type { PostView } from '../forums/adapter';

/**
 * A short stripe beside the start of each post that arrived since the reader's last visit,
 * named "New reply" for screen readers. The page must not learn which posts are new (nor so
 * that the thread is saved): every post of every thread gets the same mark, a zero-height
 * element whose closed shadow root holds a stripe of one fixed size on every post, shown or
 * not. Anything that differed (a stripe as tall as its post, one only on new posts) would
 * show in the mark's scrollHeight, which the page can read. Styles are inline: a stylesheet
 * in each of a thousand shadow roots costs the page more than the marks themselves. The
 * post-stream watcher and the glossary leave `threadside-*` elements alone.
 */
const TAG = 'threadside-mark';
const labels = new WeakMap<Element, HTMLElement>();

const HOST_STYLE = 'all: initial; display: block; height: 0';
const STRIPE_STYLE = [
  'display: block',
  'width: 4px',
  'height: 28px',
  'margin-left: -10px',
  'border-radius: 2px',
  'color-scheme: light dark',
  'background: light-dark(#0f6e6a, #5cc8bf)',
  'pointer-events: none',
].join(';');

/**
 * The host and the stripe, built once per document and copied for each post: a copy shares
 * its original's parsed inline style, where parsing it afresh cost more than the rest of
 * the mark. The stripe is an image named "New reply" for screen readers, without text to lay
 * out; hidden, it is still the same size and out of the accessibility tree.
 */
const templates = new WeakMap<Document, { host: Element; stripe: HTMLElement }>();

function templatesFor(doc: Document) {
  let t = templates.get(doc);
  if (!t) {
    const host = doc.createElement(TAG);
    host.setAttribute('style', HOST_STYLE);
    const stripe = doc.createElement('span');
    stripe.className = 'ts-new';
    stripe.setAttribute('role', 'img');
    stripe.setAttribute('aria-label', 'New reply');
    stripe.setAttribute('style', `${STRIPE_STYLE};visibility:hidden`);
    t = { host, stripe };
    templates.set(doc, t);
  }
  return t;
}

function createMark(doc: Document): Element {
  const t = templatesFor(doc);
  const mark = t.host.cloneNode(false) as Element;
  const root = mark.attachShadow({ mode: 'closed' });
  const label = t.stripe.cloneNode(false) as HTMLElement;
  root.append(label);
  labels.set(mark, label);
  return mark;
}

/** What each stripe shows now: reading its style back on every pass would cost more. */
const shown = new WeakMap<HTMLElement, string>();

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
    const visibility = firstNew === null || p.postNumber < firstNew ? 'hidden' : 'visible';
    // Posts are marked again on every reading of the stream: touch only what changes.
    if ((shown.get(label) ?? 'hidden') !== visibility) {
      label.style.visibility = visibility;
      shown.set(label, visibility);
    }
  }
}

/** Takes every mark off the page (Threadside turned off here). */
export function unmarkPosts(doc: Document): void {
  for (const mark of doc.querySelectorAll(TAG)) if (labels.has(mark)) mark.remove();
}
