import { describe, expect, it } from 'vitest';
import { badgeText, threadsWithMoreReplies } from '../../utils/badge';
import type { SavedThread } from '../../utils/db/saved-thread';

const t = (id: string, highest: number, baseline = 10): SavedThread => ({
  origin: 'https://forum.bloodcancer.org.uk',
  threadId: id,
  url: `https://forum.bloodcancer.org.uk/t/x/${id}`,
  title: id,
  engine: 'discourse',
  savedAt: 0,
  lastVisitedAt: null,
  lastReadPostNumber: 0,
  postCount: highest,
  highestPostNumber: highest,
  lastActivityAt: null,
  note: '',
  baselinePostNumber: baseline,
  deletedSeen: 0,
  check: { checkedAt: null, seenInSweep: null, gone: false, lastError: null },
});

describe('toolbar badge', () => {
  it('shows the total of new replies, nothing when there are none, 99+ past 99', () => {
    expect(badgeText([])).toBe('');
    expect(badgeText([t('a', 10), t('b', 10)])).toBe('');
    expect(badgeText([t('a', 12), t('b', 13)])).toBe('5');
    expect(badgeText([t('a', 70), t('b', 60)])).toBe('99+');
  });

  it('notifies only for threads whose count went up in this check', () => {
    const before = [t('a', 12), t('b', 10), t('c', 11)];
    const after = [t('a', 12), t('b', 11), t('c', 13)];
    expect(threadsWithMoreReplies(before, after).map((x) => x.threadId)).toEqual(['b', 'c']);
  });
});
