import type { ThreadSnapshot } from '../db/saved-thread';
import type { ThreadView } from '../forums/adapter';

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
