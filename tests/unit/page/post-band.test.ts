import { describe, expect, it } from 'vitest';
import { lastEndedAbove, type Box } from '../../../utils/page/post-band';

/** Posts `height` px tall one under the other, the first at `top`; some hidden (no box). */
function stream(count: number, top: number, height = 300, hidden: number[] = []) {
  const boxes: Box[] = [];
  let y = top;
  for (let i = 0; i < count; i++) {
    if (hidden.includes(i)) boxes.push({ top: 0, bottom: 0, height: 0 });
    else {
      boxes.push({ top: y, bottom: y + height, height });
      y += height;
    }
  }
  let measured = 0;
  const box = (i: number) => {
    measured++;
    return boxes[i];
  };
  return { box, measured: () => measured };
}

describe('posts against the screen', () => {
  it('measures a few posts of a thousand, not all of them', () => {
    const r = stream(1000, -150_000);
    expect(lastEndedAbove(1000, r.box, 900)).toBe(502);
    expect(r.measured()).toBeLessThan(20);
  });

  it('counts the post whose end sits on the bottom edge as read, not one a pixel below', () => {
    expect(lastEndedAbove(3, stream(3, 0).box, 600)).toBe(1);
    expect(lastEndedAbove(3, stream(3, 1).box, 600)).toBe(0);
    expect(lastEndedAbove(3, stream(3, 700).box, 600)).toBe(-1);
    expect(lastEndedAbove(3, stream(3, -5000).box, 600)).toBe(2);
  });

  it('never counts a hidden post, and is not misled by one', () => {
    // Posts 0-9, 3 and 7 hidden; the visible ones end at 300, 600, 900, 1200… from -1500.
    const hidden = [3, 7];
    expect(lastEndedAbove(10, stream(10, -1500, 300, hidden).box, 900)).toBe(9);
    expect(lastEndedAbove(10, stream(10, -600, 300, hidden).box, 900)).toBe(5);
    expect(lastEndedAbove(10, stream(10, -599, 300, hidden).box, 900)).toBe(4);
    expect(lastEndedAbove(10, stream(10, 0, 300, [0, 1, 2]).box, 900)).toBe(5);
    expect(lastEndedAbove(4, stream(4, 0, 300, [0, 1, 2, 3]).box, 900)).toBe(-1);
  });

  it('measures a long hidden run once, not once per post after it', () => {
    // 1,000 posts, 400-599 folded away, the reader at the bottom.
    const hidden = Array.from({ length: 200 }, (_, i) => 400 + i);
    const s = stream(1000, -(800 * 300) + 900, 300, hidden);
    expect(lastEndedAbove(1000, s.box, 900)).toBe(999);
    expect(s.measured()).toBeLessThan(250);
  });

  it('finds nothing in an empty page', () => {
    expect(lastEndedAbove(0, stream(0, 0).box, 900)).toBe(-1);
  });
});
