import { describe, expect, it } from 'vitest';
import { readStatus } from '../../../utils/summary/read-status';
import type { Summary } from '../../../utils/summary/summarise';

const summary = (postCount: number, postsInThread?: number) => ({ postCount, postsInThread }) as unknown as Summary;

describe('what a summary says it read', () => {
  it('names the posts of a later page, and where the question came from', () => {
    expect(readStatus(summary(11), { first: 21, last: 30, questionFromPageOne: true })).toBe(
      'Posts 21–30 (this page, and the question from page 1) read on this computer.',
    );
    expect(readStatus(summary(10), { first: 1, last: 10, questionFromPageOne: false })).toBe(
      'Posts 1–10 (this page) read on this computer.',
    );
  });

  it('counts the posts of a whole thread, and says when it read only part of a long one', () => {
    expect(readStatus(summary(1234), null)).toBe('1,234 posts read on this computer.');
    // A new asker's thread, with no reply yet.
    expect(readStatus(summary(1), null)).toBe('1 post read on this computer.');
    expect(readStatus(summary(3000, 5000), null)).toMatch(/^3,000 posts of 5,000 read on this computer: the first/);
  });
});
