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

function isOwnMutation(m: MutationRecord): boolean {
  if (m.type === 'characterData') return isOwnNode(m.target);
  if (isOwnNode(m.target)) return true;
  const changed = [...m.addedNodes, ...m.removedNodes];
  // Our annotator swaps a text node for a run of text and marker nodes: all ours, or text.
  return changed.length > 0 && changed.every((n) => n.nodeType === 3 || isOwnNode(n));
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
    if (mutations.every(isOwnMutation)) return;
    settled.call();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    settled.cancel();
    observer.disconnect();
  };
}
