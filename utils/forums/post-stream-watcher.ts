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

const AT_ONCE_GAP_MS = 50;

const addsElement = (m: MutationRecord) => {
  for (const n of m.addedNodes) if (n.nodeType === 1 && !isOwnElement(n)) return true;
  return false;
};

/**
 * `debounceMs` of quiet before calling; `maxWaitMs` (default: no limit) calls anyway that long
 * after the first change not yet answered, for pages that keep changing while the reader scrolls.
 * `atOnceOnAdd` calls at once when the page adds elements (posts loaded, or brought back as
 * the reader scrolls): before the browser draws them, so they can be read before they are seen.
 */
export function watchPostStream(
  root: Element,
  onChange: () => void,
  opts: { debounceMs?: number; maxWaitMs?: number; atOnceOnAdd?: boolean } = {},
): () => void {
  const settled = debounceWithMaxWait(onChange, {
    quietMs: opts.debounceMs ?? 150,
    maxWaitMs: opts.maxWaitMs ?? Infinity,
  });
  let lastAtOnce = -Infinity;
  const observer = new MutationObserver((mutations) => {
    // One pass that stops as soon as it knows: a forum's batch holds hundreds of records
    // (ours among them, from underlining), and the first of the forum's usually decides.
    const atOnceAllowed = opts.atOnceOnAdd === true && Date.now() - lastAtOnce >= AT_ONCE_GAP_MS;
    let anyTheirs = false;
    let theirAdd = false;
    for (const m of mutations) {
      if (anyTheirs && !atOnceAllowed) break;
      if (anyTheirs && !addsElement(m)) continue;
      if (isOwnMutation(m)) continue;
      anyTheirs = true;
      if (atOnceAllowed && addsElement(m)) {
        theirAdd = true;
        break;
      }
    }
    if (!anyTheirs) return;
    // At most once per AT_ONCE_GAP_MS: a page that adds elements all the time (a live chat,
    // an animation) must not have the whole thread read again on each of them.
    if (theirAdd) {
      lastAtOnce = Date.now();
      settled.cancel();
      onChange();
    } else settled.call();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    settled.cancel();
    observer.disconnect();
  };
}
