import type { ThreadSnapshot } from '../db/saved-thread';
import type { PostView, ThreadView } from '../forums/adapter';

/** The plain-data view of the thread on the page, for saving and for reading progress. */
export function snapshotOf(thread: ThreadView, readPostNumber: number): ThreadSnapshot {
  const highestSeen = thread.posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
  const times = thread.posts.map((p) => (p.time ? Date.parse(p.time) : NaN)).filter(Number.isFinite);
  return {
    engine: thread.engine,
    origin: thread.origin,
    threadId: thread.threadId,
    title: thread.title,
    url: thread.canonicalUrl,
    postCount: thread.postCount,
    highestPostNumber: Math.max(thread.highestPostNumber ?? 0, thread.postCount, highestSeen),
    lastActivityAt: times.length ? Math.max(...times) : null,
    readPostNumber,
    ...(thread.pages ? { perPage: thread.pages.perPage } : {}),
  };
}

/**
 * The highest post the reader has read to the end: its text's bottom edge is at or above
 * the bottom of the viewport. Posts the forum has unloaded above count through `previous`.
 * Posts stand in page order, so the first one still running below the viewport ends the
 * search: the posts loaded further down are not measured.
 */
export function highestReadPost(posts: PostView[], viewportBottom: number, previous: number): number {
  let best = previous;
  for (const p of posts) {
    if (p.postNumber <= best) continue;
    if (p.contentElement.getBoundingClientRect().bottom > viewportBottom) break;
    best = p.postNumber;
  }
  return best;
}
