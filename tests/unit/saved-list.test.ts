import { describe, expect, it } from 'vitest';
import { savedThread } from './saved-thread-fixture';
import {
  filterThreads,
  firstUnreadUrl,
  forumName,
  landingInOpenTab,
  landingPost,
  relativeTime,
  sortThreads,
} from '../../utils/saved-list';

const t = savedThread;

describe('saved-thread list', () => {
  const list = [
    t('a', { lastActivityAt: 100, savedAt: 3, lastReadPostNumber: 5, highestPostNumber: 6, postCount: 6 }),
    t('b', { lastActivityAt: 300, savedAt: 1, lastReadPostNumber: 5, highestPostNumber: 5, postCount: 5 }),
    t('c', { lastActivityAt: 200, savedAt: 2, lastReadPostNumber: 2, highestPostNumber: 9, postCount: 9 }),
  ];

  it('sorts by recent activity, by date saved, and new replies first', () => {
    expect(sortThreads(list, 'activity').map((x) => x.threadId)).toEqual(['b', 'c', 'a']);
    expect(sortThreads(list, 'saved').map((x) => x.threadId)).toEqual(['a', 'c', 'b']);
    expect(sortThreads(list, 'new-replies').map((x) => x.threadId)).toEqual(['c', 'a', 'b']);
  });

  it('filters by every word typed, in the title or the note, any case', () => {
    const threads = [
      t('1', { title: 'What is CAR-T therapy?' }),
      t('2', { title: 'Hickman or PICC', note: 'ask about CAR-T later' }),
    ];
    expect(filterThreads(threads, 'car-t').map((x) => x.threadId)).toEqual(['1', '2']);
    expect(filterThreads(threads, 'CAR-T later').map((x) => x.threadId)).toEqual(['2']);
    expect(filterThreads(threads, '  ')).toHaveLength(2);
  });

  it('says when activity was in words a reader expects', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(relativeTime(now - 2 * 86_400_000, now)).toBe('2 days ago');
    expect(relativeTime(now - 86_400_000, now)).toBe('yesterday');
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(null, now)).toBe('no activity yet');
  });

  it('names known forums and opens at the first unread post', () => {
    expect(forumName('https://forum.bloodcancer.org.uk')).toBe('Blood Cancer UK forum');
    expect(forumName('http://127.0.0.1:4317')).toBe('Threadside demo forum');
    expect(firstUnreadUrl(t('9', { lastReadPostNumber: 4, highestPostNumber: 9 }))).toBe(
      'https://forum.bloodcancer.org.uk/t/t-9/9/5',
    );
    expect(firstUnreadUrl(t('9', { lastReadPostNumber: 9, highestPostNumber: 9 }))).toBe(
      'https://forum.bloodcancer.org.uk/t/t-9/9',
    );
  });

  it('opens nothing when the stored address is not the thread on its forum', () => {
    expect(firstUnreadUrl(t('9', { url: 'https://attacker.example/t/t-9/9' }))).toBeNull();
    expect(firstUnreadUrl(t('9', { url: 'https://forum.bloodcancer.org.uk/u/someone' }))).toBeNull();
  });
});

describe('where opening a saved thread lands', () => {
  it('on the first new reply, not on older posts the reader skipped', () => {
    // Read to post 4, saved when there were 8; posts 9 and 10 came since.
    const t = savedThread('1828', {
      lastReadPostNumber: 4,
      baselinePostNumber: 8,
      highestPostNumber: 10,
      postCount: 10,
    });
    expect(landingPost(t)).toBe(9);
  });
  it('on the first unread post when nothing is new, and nowhere in particular when all is read', () => {
    expect(landingPost(savedThread('1', { lastReadPostNumber: 4, baselinePostNumber: 8, highestPostNumber: 8 }))).toBe(
      5,
    );
    expect(landingPost(savedThread('1', { lastReadPostNumber: 8, baselinePostNumber: 8, highestPostNumber: 8 }))).toBe(
      null,
    );
  });
});

describe('where opening a thread already open in a tab takes it', () => {
  it('to the first new reply; with nothing new, nowhere: the tab is where the reader is reading', () => {
    const read = { lastReadPostNumber: 4, baselinePostNumber: 8 };
    expect(landingInOpenTab(savedThread('1828', { ...read, highestPostNumber: 10, postCount: 10 }))).toBe(9);
    expect(landingInOpenTab(savedThread('1828', { ...read, highestPostNumber: 8, postCount: 8 }))).toBeNull();
  });
});
