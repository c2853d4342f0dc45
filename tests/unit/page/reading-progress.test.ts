import { describe, expect, it } from 'vitest';
import type { PostView } from '../../../utils/forums/adapter';
import { readUpTo } from '../../../utils/page/reading-progress';
import type { Box } from '../../../utils/page/post-band';

/** Posts 300 px tall, one under the other, the first at `top`, numbered from `first`. */
function page(first: number, count: number, top: number, hidden: number[] = []) {
  const boxes = new Map<Element, Box>();
  const posts: PostView[] = [];
  let y = top;
  for (let i = 0; i < count; i++) {
    const el = { id: i } as unknown as Element;
    const shown = !hidden.includes(first + i);
    boxes.set(el, shown ? { top: y, bottom: y + 300, height: 300 } : { top: 0, bottom: 0, height: 0 });
    if (shown) y += 300;
    posts.push({ postNumber: first + i, author: '', contentElement: el });
  }
  return { posts, measure: (el: Element) => boxes.get(el)! };
}

describe('reading progress', () => {
  it('is the last post whose text ends on screen or above, in a 900 px viewport', () => {
    // Bottoms at 100, 400, 700, 1000…: posts 1-3 have been read.
    const p = page(1, 10, -200);
    expect(readUpTo(p.posts, 0, 900, p.measure)).toBe(3);
  });

  it('counts a post whose end sits on the bottom edge, not one a pixel below', () => {
    const on = page(1, 1, 600);
    const below = page(1, 1, 601);
    expect(readUpTo(on.posts, 0, 900, on.measure)).toBe(1);
    expect(readUpTo(below.posts, 0, 900, below.measure)).toBe(0);
  });

  it('keeps what was read before, when the forum has unloaded those posts or the reader scrolls back', () => {
    const later = page(40, 5, 1000);
    const back = page(1, 3, 2000);
    expect(readUpTo(later.posts, 38, 900, later.measure)).toBe(38);
    expect(readUpTo(back.posts, 12, 900, back.measure)).toBe(12);
  });

  it('does not stop at a hidden post, nor count one as the post read to', () => {
    const p = page(1, 6, -900, [3]);
    // Shown: 1 [-900,-600], 2 [-600,-300], 4 [-300,0], 5 [0,300], 6 [300,600].
    expect(readUpTo(p.posts, 0, 900, p.measure)).toBe(6);
    const end = page(1, 3, 0, [3]);
    expect(readUpTo(end.posts, 0, 900, end.measure)).toBe(2);
  });

  it('takes the highest number passed where numbers do not rise down the page', () => {
    const p = page(1, 3, -900);
    p.posts[0].postNumber = 9;
    expect(readUpTo(p.posts, 0, 900, p.measure)).toBe(9);
  });
});
