import type { ForumAdapter, ThreadView } from '../forums/adapter';
import { findAdapter, vetThread } from '../forums/registry';
import { watchPostStream } from '../forums/post-stream-watcher';

/**
 * Keeps an up-to-date reading of the thread on the page: on start, whenever the post stream
 * changes (lazy loading, live replies, edits) and whenever the single-page forum navigates.
 * Adapters stay pure; this is the one place that wires them to a live document.
 */
export interface ThreadTracker {
  /** Re-read now, e.g. after the URL changed without a page load. */
  refresh(): void;
  stop(): void;
  current(): ThreadView | null;
}

export interface ThreadTrackerOptions {
  doc: Document;
  getUrl: () => string;
  onChange: (thread: ThreadView | null) => void;
  debounceMs?: number;
}

export function trackThread(opts: ThreadTrackerOptions): ThreadTracker {
  const { doc, getUrl, onChange, debounceMs = 150 } = opts;
  let adapter: ForumAdapter | null = null;
  let thread: ThreadView | null = null;
  let stopWatching: (() => void) | null = null;
  let watchedRoot: Element | null = null;
  // The highest post number seen so far on this thread: posts scrolled out of the DOM
  // (Discourse "cloaks" them) or replies appended live still count.
  let highestSeen = 0;

  const read = () => {
    const url = getUrl();
    adapter = findAdapter(doc, url);
    const read = adapter ? adapter.readThread(doc, url) : null;
    const next = read ? vetThread(read, url) : null;
    if (next && thread && (next.origin !== thread.origin || next.threadId !== thread.threadId)) {
      highestSeen = 0;
    }
    if (next) {
      for (const p of next.posts) highestSeen = Math.max(highestSeen, p.postNumber);
      // A reply appended live can outrun the count the page was served with.
      next.postCount = Math.max(next.postCount, highestSeen);
    }
    thread = next;
    rewatch();
    onChange(thread);
  };

  const rewatch = () => {
    const root = adapter && thread ? adapter.postStreamRoot(doc) : null;
    if (root === watchedRoot) return;
    stopWatching?.();
    stopWatching = null;
    watchedRoot = root;
    if (root) stopWatching = watchPostStream(root, read, { debounceMs });
  };

  read();
  return {
    refresh: read,
    stop() {
      stopWatching?.();
      stopWatching = null;
      watchedRoot = null;
    },
    current: () => thread,
  };
}
