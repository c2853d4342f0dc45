import { NEW_CHECK_STATE, type SavedThread, type ThreadSnapshot } from '../../utils/db/saved-thread';

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

/** What the CAR-T thread's page reports about it (read to post 3 of 8), as a test needs it. */
export function threadSnapshot(over: Partial<ThreadSnapshot> = {}): ThreadSnapshot {
  const origin = over.origin ?? 'https://forum.bloodcancer.org.uk';
  return {
    engine: 'discourse',
    origin,
    threadId: '1828',
    title: 'What is CAR-T therapy?',
    url: `${origin}/t/what-is-car-t-therapy/1828`,
    postCount: 8,
    highestPostNumber: 8,
    lastActivityAt: Date.parse('2023-03-07T14:51:00Z'),
    readPostNumber: 3,
    ...over,
  };
}
