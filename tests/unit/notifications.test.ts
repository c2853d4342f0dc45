import { describe, expect, it } from 'vitest';
import { savedThread } from './saved-thread-fixture';
import { ALL_NEW_REPLIES, notificationsFor } from '../../utils/notifications';

const thread = (threadId: string, title: string, highest: number) =>
  savedThread(threadId, {
    title,
    lastReadPostNumber: 5,
    postCount: highest,
    highestPostNumber: highest,
    baselinePostNumber: 5,
  });
const news = [thread('1', 'Relapse after CAR-T', 7), thread('2', 'Stem cell harvest', 6)];

describe('notifications of new replies', () => {
  it('say only how many saved threads have news unless the reader chose to show titles', () => {
    expect(notificationsFor(news, false)).toEqual([
      { id: ALL_NEW_REPLIES, title: 'Threadside', message: '2 saved threads have new replies' },
    ]);
    expect(notificationsFor(news.slice(0, 1), false)[0].message).toBe('1 saved thread has new replies');
    expect(JSON.stringify(notificationsFor(news, false))).not.toMatch(/Relapse|Stem cell/);
  });

  it('name each thread when titles are on', () => {
    expect(notificationsFor(news, true).map((n) => [n.title, n.message])).toEqual([
      ['Relapse after CAR-T', '2 new replies'],
      ['Stem cell harvest', '1 new reply'],
    ]);
    expect(notificationsFor([], true)).toEqual([]);
  });
});
