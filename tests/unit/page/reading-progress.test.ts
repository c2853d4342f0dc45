// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PostView } from '../../../utils/forums/adapter';
import { highestReadPost } from '../../../utils/page/snapshot';

/** Posts 300 px tall, one under the other, the first at `top`; counts the positions asked. */
function posts(first: number, count: number, top: number) {
  let asked = 0;
  const list: PostView[] = Array.from({ length: count }, (_, i) => {
    const el = document.createElement('div');
    el.getBoundingClientRect = () => {
      asked++;
      return { top: top + i * 300, bottom: top + i * 300 + 300 } as DOMRect;
    };
    return { postNumber: first + i, author: 'a', contentElement: el };
  });
  return { list, asked: () => asked };
}

describe('reading progress', () => {
  it('is the last post whose text ends on screen or above', () => {
    // Bottoms at 100, 400, 700, 1000…: with a 900 px viewport, posts 1-3 have been read.
    expect(highestReadPost(posts(1, 10, -200).list, 900, 0)).toBe(3);
  });

  it('keeps what was read before, when the forum has unloaded those posts', () => {
    expect(highestReadPost(posts(40, 5, 1000).list, 900, 38)).toBe(38);
  });

  it('stops measuring at the first post that runs below the screen', () => {
    const p = posts(1, 200, -200);
    highestReadPost(p.list, 900, 0);
    expect(p.asked()).toBe(4);
  });
});
