import { describe, expect, it } from 'vitest';
import { firstNewPostNumber, newReplies } from '../../../utils/db/saved-thread';
import { applyCounts } from '../../../utils/checks/apply';
import { savedThread } from '../saved-thread-fixture';

// The CAR-T thread saved with 8 posts, read to post 8.
const saved = { baselinePostNumber: 8, lastReadPostNumber: 8, highestPostNumber: 8, postCount: 8, deletedSeen: 0 };

describe('new-reply arithmetic', () => {
  it('counts replies after what the reader had when saving', () => {
    expect(newReplies(saved)).toBe(0);
    expect(newReplies({ ...saved, highestPostNumber: 10, postCount: 10 })).toBe(2);
    expect(firstNewPostNumber({ ...saved, highestPostNumber: 10 })).toBe(9);
  });

  it('goes down as the reader scrolls past new posts', () => {
    expect(newReplies({ ...saved, highestPostNumber: 10, postCount: 10, lastReadPostNumber: 9 })).toBe(1);
    expect(newReplies({ ...saved, highestPostNumber: 10, postCount: 10, lastReadPostNumber: 10 })).toBe(0);
  });

  it('does not count a new reply that was deleted', () => {
    // Posts 9 and 10 arrived, then 10 was deleted: numbering reaches 10, 9 posts remain.
    expect(newReplies({ ...saved, highestPostNumber: 10, postCount: 9 })).toBe(1);
  });

  it('does not count again deletions the reader already knew about', () => {
    const withGap = {
      ...saved,
      highestPostNumber: 9,
      postCount: 8,
      deletedSeen: 1,
      baselinePostNumber: 9,
      lastReadPostNumber: 9,
    };
    expect(newReplies({ ...withGap, highestPostNumber: 11, postCount: 10 })).toBe(2);
  });

  it('counts the next reply after a post the reader had read was deleted', () => {
    // Read to post 10 of 10; a moderator deletes post 4; later post 11 arrives.
    const read = savedThread('1828', { ...saved, highestPostNumber: 10, postCount: 10, lastReadPostNumber: 10 });
    const afterDeletion = applyCounts(read, { highest_post_number: 10, posts_count: 9 }, 1000, true);
    expect(newReplies(afterDeletion)).toBe(0);
    const afterReply = applyCounts(afterDeletion, { highest_post_number: 11, posts_count: 10 }, 2000, true);
    expect(newReplies(afterReply)).toBe(1);
    // A reader not caught up: a gap may be a reply that was deleted, which is not news.
    const behind = savedThread('1828', { ...saved, highestPostNumber: 10, postCount: 10, lastReadPostNumber: 8 });
    expect(newReplies(applyCounts(behind, { highest_post_number: 10, posts_count: 9 }, 1000, true))).toBe(1);
  });

  it('never goes below zero, even when more posts vanish than arrived', () => {
    expect(newReplies({ ...saved, highestPostNumber: 9, postCount: 5 })).toBe(0);
    expect(firstNewPostNumber(saved)).toBeNull();
  });
});
