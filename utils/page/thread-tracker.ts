import type { PageAdapters, ThreadView } from '../forums/adapter';
import { vetThread } from '../forums/vet-thread';
import { watchPostStream } from '../forums/post-stream-watcher';

/**
 * Keeps an up-to-date reading of the thread on the page: on start, and whenever the page
 * changes (lazy loading, live replies, edits, a single-page forum drawing the topic after
 * its scripts load or after a navigation), except while the reader scrolls: then once
 * where they stop. The whole body is watched, not only a post
 * stream found at start: a forum's app may draw the topic late, or replace the stream on
 * navigation. Adapters stay pure; this is the one place that wires them to a live document.
 */
export interface ThreadTracker {
  /** Re-read now; `url` when the address is changing and the page does not show it yet. */
  refresh(url?: string): void;
  stop(): void;
  current(): ThreadView | null;
}

export interface ThreadTrackerOptions {
  doc: Document;
  /**
   * The engines' readers. Where the page's engine's reader is not here yet, nothing is
   * reported (not even "no thread") until it has come and the page is read with it.
   */
  adapters: PageAdapters;
  getUrl: () => string;
  onChange: (thread: ThreadView | null) => void;
  debounceMs?: number;
  /**
   * After the engine's reader failed to come, asked again this long after (at most
   * READER_TRIES times in all): a page that never changes would otherwise never be read.
   */
  readerRetryMs?: number;
  /**
   * The reader scrolling: the page is not watched while they move (a forum that loads and
   * cloaks posts on every scroll frame would have it read over and over for a reader who
   * only skims past), and read once where they stop.
   */
  reader?: {
    onMove(work: () => void): void;
    whenStill(work: () => void): void;
  };
}

/** How often a page asks for its engine's reader by itself (its changes ask too). */
const READER_TRIES = 3;

export function trackThread(opts: ThreadTrackerOptions): ThreadTracker {
  const { doc, adapters, getUrl, onChange, debounceMs = 150, readerRetryMs = 1000 } = opts;
  let readerTries = 0;
  let thread: ThreadView | null = null;
  let stopped = false;
  let awaitingReader = false;
  // Replies appended live (above the highest post the page was served with) add to the
  // count the page stated; deleted posts' gaps in the numbering do not.
  let base: { count: number; highest: number } | null = null;
  let highestSeen = 0;

  const read = (url = getUrl()) => {
    const engine = adapters.detect(doc);
    const adapter = engine ? adapters.loaded(engine) : null;
    if (engine && !adapter) {
      if (awaitingReader) return;
      awaitingReader = true;
      readerTries++;
      // Read again when it has come (the address may have moved on meanwhile); if it could not
      // come, asked again a little later, or at the page's next change.
      void adapters.load(engine).then(
        () => {
          awaitingReader = false;
          if (!stopped) read();
        },
        () => {
          awaitingReader = false;
          if (readerTries < READER_TRIES) setTimeout(() => !stopped && read(), readerRetryMs);
        },
      );
      return;
    }
    const raw = adapter ? adapter.readThread(doc, url) : null;
    const next = raw && adapter ? vetThread(raw, url, adapter) : null;
    if (next && thread && (next.origin !== thread.origin || next.threadId !== thread.threadId)) {
      base = null;
      highestSeen = 0;
    }
    if (next) {
      const onPage = next.posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
      base ??= { count: next.postCount, highest: next.highestPostNumber ?? onPage };
      highestSeen = Math.max(highestSeen, onPage, base.highest);
      next.postCount = Math.max(next.postCount, base.count + highestSeen - base.highest);
    }
    thread = next;
    onChange(thread);
  };

  read();
  // Read again once the page is quiet, and every so often while it keeps changing (a forum
  // that loads and cloaks posts as the reader scrolls): not on every change, since nothing
  // read here has to be in place before the browser draws a post.
  const watch = () =>
    doc.body ? watchPostStream(doc.body, () => read(), { debounceMs, maxWaitMs: debounceMs * 2 }) : () => undefined;
  let stopWatching: (() => void) | null = watch();
  const backFromMove = () => {
    if (stopped || stopWatching) return;
    stopWatching = watch();
    // What changed while the reader moved, unseen.
    read();
  };
  opts.reader?.onMove(() => {
    if (stopped || !stopWatching) return;
    stopWatching();
    stopWatching = null;
    opts.reader!.whenStill(backFromMove);
  });
  return {
    refresh: (url) => read(url),
    stop: () => {
      stopped = true;
      stopWatching?.();
      stopWatching = null;
    },
    current: () => thread,
  };
}
