import { NEW_CHECK_STATE, type SavedThread } from '../../utils/db/saved-thread';

/** A saved thread on the Blood Cancer UK forum, as a test needs it. */
export function savedThread(threadId: string, over: Partial<SavedThread> = {}): SavedThread {
  const origin = over.origin ?? 'https://forum.bloodcancer.org.uk';
  return {
    origin,
    threadId,
    url: `${origin}/t/t-${threadId}/${threadId}`,
    title: `Thread ${threadId}`,
    engine: 'discourse',
    savedAt: 0,
    lastVisitedAt: null,
    lastReadPostNumber: 0,
    postCount: 1,
    highestPostNumber: 1,
    lastActivityAt: null,
    note: '',
    baselinePostNumber: 0,
    deletedSeen: 0,
    check: { ...NEW_CHECK_STATE },
    ...over,
  };
}
