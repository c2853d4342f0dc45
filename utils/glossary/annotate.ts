/**
 * Wraps glossary terms found in post text in small marker elements, and takes them out again
 * leaving the page exactly as it was: the very same Text nodes go back where they were.
 * DOM only through the nodes passed in, so it runs the same in happy-dom and in the page.
 */

export interface TermMatch {
  start: number;
  end: number;
  text: string;
  /** One id, or two when the text cannot tell which sense is meant. */
  ids: string[];
}

export interface TermFinder {
  match(text: string, context?: string, thread?: string, asked?: boolean): TermMatch[];
}

export type HighlightMode = 'first' | 'every';

/** Attribute on every element Threadside adds to a page: the post-stream watcher skips them. */
export const THREADSIDE_ATTR = 'data-threadside';
export const TERM_ATTR = 'data-threadside-term';

/** Never annotate inside these: links, code, headings, form fields, editors, our own UI. */
const SKIP_SELECTOR = [
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'button',
  'input',
  'textarea',
  'select',
  'option',
  'label',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  '[contenteditable]',
  '[role="textbox"]',
  `[${THREADSIDE_ATTR}]`,
  '.d-editor',
  '#reply-control',
].join(',');

interface Replacement {
  original: Text;
  inserted: Node[];
}

export interface Annotator {
  /** Annotate one post's text. Returns how many terms were marked. Idempotent. */
  annotate(root: Element): number;
  /** Remove every mark this annotator made, restoring the original nodes. */
  clear(): void;
  /** Remove the marks in one post. */
  clearElement(root: Element): void;
  isAnnotated(root: Element): boolean;
  /** Forget posts the forum has taken out of the page (long threads unload far posts). */
  prune(): void;
}

export interface AnnotatorOptions {
  mode: HighlightMode;
  /** Builds the marker element for one match; the annotator adds the attributes it needs. */
  createMarker?: (doc: Document, match: TermMatch) => HTMLElement;
  /** The engine's parts of a post that are not the poster's words (quotes, signatures). */
  notOwnWords?: () => string;
  /** The thread's title and category: their words count as cues in every post. */
  thread?: () => string;
  /** Terms not to mark (the "common" tier in the first-use mode). */
  leaveOut?: (ids: string[]) => boolean;
}

function defaultMarker(doc: Document): HTMLElement {
  return doc.createElement('span');
}

function shouldSkip(node: Node, root: Element, skip: string): boolean {
  for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
    if (el.matches(skip)) return true;
    if (el === root) break;
  }
  return false;
}

function textNodesOf(root: Element, skip: string): Text[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    // Cheap first: most text nodes are whitespace between blocks.
    if (text.data.trim().length < 2) continue;
    if (shouldSkip(text, root, skip)) continue;
    nodes.push(text);
  }
  return nodes;
}

export function createAnnotator(finder: TermFinder, options: AnnotatorOptions): Annotator {
  const made = new Map<Element, Replacement[]>();
  const createMarker = options.createMarker ?? defaultMarker;

  const annotate = (root: Element): number => {
    if (made.has(root)) return 0;
    const doc = root.ownerDocument;
    const seen = new Set<string>();
    const replacements: Replacement[] = [];
    let count = 0;
    // The whole post, for terms that count only in a post about medicine.
    const context = root.textContent ?? '';
    const thread = options.thread?.() ?? '';
    const extra = options.notOwnWords?.();
    for (const node of textNodesOf(root, extra ? `${SKIP_SELECTOR}, ${extra}` : SKIP_SELECTOR)) {
      const text = node.data;
      let matches = finder.match(text, context, thread);
      if (options.leaveOut) matches = matches.filter((m) => !options.leaveOut!(m.ids));
      if (options.mode === 'first') {
        matches = matches.filter((m) => {
          const key = m.ids.join('|');
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      }
      if (matches.length === 0) continue;
      const inserted: Node[] = [];
      let at = 0;
      for (const m of matches) {
        if (m.start > at) inserted.push(doc.createTextNode(text.slice(at, m.start)));
        const marker = createMarker(doc, m);
        marker.setAttribute(THREADSIDE_ATTR, 'term');
        marker.setAttribute(TERM_ATTR, m.ids.join(' '));
        marker.textContent = text.slice(m.start, m.end);
        inserted.push(marker);
        at = m.end;
        count++;
      }
      if (at < text.length) inserted.push(doc.createTextNode(text.slice(at)));
      // One change to the page per text node (not one per piece): the forum's observers and
      // ours each see a single mutation.
      const run = doc.createDocumentFragment();
      run.append(...inserted);
      node.parentNode!.replaceChild(run, node);
      replacements.push({ original: node, inserted });
    }
    made.set(root, replacements);
    return count;
  };

  const clearElement = (root: Element) => {
    const replacements = made.get(root);
    if (!replacements) return;
    // Newest first, so each original goes back beside nodes that are still in place.
    for (let i = replacements.length - 1; i >= 0; i--) {
      const { original, inserted } = replacements[i];
      const first = inserted[0];
      const parent = first?.parentNode;
      if (!parent) continue; // the forum re-rendered this post; nothing of ours is left
      parent.insertBefore(original, first);
      for (const n of inserted) n.parentNode?.removeChild(n);
    }
    made.delete(root);
  };

  return {
    annotate,
    clearElement,
    clear() {
      for (const root of [...made.keys()]) clearElement(root);
    },
    isAnnotated: (root) => made.has(root),
    prune() {
      for (const root of made.keys()) if (!root.isConnected) made.delete(root);
    },
  };
}
