import { describe, expect, it } from 'vitest';
import { readUpTo, type PostEnd } from '../../../utils/page/reading-progress';

/** Posts 300 px tall, one under the other, the first at `top`, in a 900 px viewport. */
const posts = (first: number, count: number, top: number): PostEnd[] =>
  Array.from({ length: count }, (_, i) => ({
    postNumber: first + i,
    bottom: top + i * 300 + 300,
    height: 300,
    viewportBottom: 900,
  }));

describe('reading progress', () => {
  it('is the last post whose text ends on screen or above', () => {
    // Bottoms at 100, 400, 700, 1000…: posts 1-3 have been read.
    expect(readUpTo(posts(1, 10, -200), 0)).toBe(3);
  });

  it('counts a post whose end sits on the bottom edge, not one a pixel below', () => {
    expect(readUpTo(posts(1, 1, 600), 0)).toBe(1);
    expect(readUpTo(posts(1, 1, 601), 0)).toBe(0);
  });

  it('keeps what was read before, when the forum has unloaded those posts or the reader scrolls back', () => {
    expect(readUpTo(posts(40, 5, 1000), 38)).toBe(38);
    expect(readUpTo(posts(1, 3, 2000), 12)).toBe(12);
  });

  it('does not count a post with no box: hidden, or not drawn yet', () => {
    expect(readUpTo([{ postNumber: 7, bottom: 0, height: 0, viewportBottom: 900 }], 2)).toBe(2);
  });
});
