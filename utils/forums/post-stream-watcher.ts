import { debounceWithMaxWait } from '../debounce';

/**
 * Calls back, debounced, when what is under `root` changes: posts loading, cloaking, live
 * replies, edits, a topic drawn late. Changes made by Threadside itself (elements marked
 * `data-threadside`, `threadside-*` elements) are ignored so that annotating a post does
 * not trigger another reading.
 */
function isOwnNode(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (el.hasAttribute('data-threadside') || el.localName.startsWith('threadside-')) return true;
    }
  }
  return false;
}

const isOwnElement = (n: Node) =>
  n.nodeType === 1 &&
  ((n as Element).localName.startsWith('threadside-') || (n as Element).hasAttribute('data-threadside'));

function isOwnMutation(m: MutationRecord): boolean {
  const { addedNodes, removedNodes } = m;
  if (m.type === 'characterData' || addedNodes.length + removedNodes.length === 0) return isOwnNode(m.target);
  // Our annotator swaps a text node for a run of text and marker nodes, and marks go in
  // beside posts: nodes that are all ours or text settle it without looking up the tree.
  // An element of the page's own among them makes it the page's, unless it went inside ours.
  for (const list of [addedNodes, removedNodes])
    for (const n of list) if (n.nodeType !== 3 && !isOwnElement(n)) return isOwnNode(m.target);
  return true;
}

/**
 * `debounceMs` of quiet before calling; `maxWaitMs` (default: no limit) calls anyway that long
 * after the first change not yet answered, for pages that keep changing while the reader scrolls.
 */
export function watchPostStream(
  root: Element,
  onChange: () => void,
  opts: { debounceMs?: number; maxWaitMs?: number } = {},
): () => void {
  const settled = debounceWithMaxWait(onChange, {
    quietMs: opts.debounceMs ?? 150,
    maxWaitMs: opts.maxWaitMs ?? Infinity,
  });
  const observer = new MutationObserver((mutations) => {
    // Stops at the first of the forum's records: a batch holds hundreds (ours among them,
    // from underlining), and one of the forum's is enough to read the stream again.
    if (mutations.some((m) => !isOwnMutation(m))) settled.call();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    settled.cancel();
    observer.disconnect();
  };
}
