/**
 * How far the reader has read, found by measuring a handful of posts when the reader stops,
 * not by watching every post: posts lie one under the other in page order, so a binary
 * search finds the last one ended above the screen's bottom edge in about ten measurements,
 * however long the thread (more where many posts in a row are hidden). Measuring needs the page laid out, which the
 * browser does for its next frame anyway (unless the page changes again before then),
 * where an IntersectionObserver on each of a thousand posts had the browser work out every
 * post's place on every frame of scrolling.
 *
 * `box(i)` measures item i (in page order), relative to the top of the viewport. An item
 * with no box (hidden, not drawn) has height 0 and is never counted; it may make a search
 * start a little early, never miss an item.
 */
export interface Box {
  top: number;
  bottom: number;
  height: number;
}

/**
 * The first index whose item is not `above` (every visible item before it is). A hidden item
 * is judged by the first visible one after it; a run of hidden items is walked once per
 * probe that lands in it, so a long collapsed run (a folded reply tree) costs its length.
 */
function firstNotAbove(count: number, box: (i: number) => Box, above: (b: Box) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let j = mid;
    let b = box(j);
    while (b.height === 0 && j + 1 < hi) b = box(++j);
    if (b.height > 0 && above(b)) lo = j + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The last item read to its end: its bottom edge at or above `line` (the viewport's bottom,
 * with half a pixel of slack for fractional layout), or -1 when none is.
 */
export function lastEndedAbove(count: number, box: (i: number) => Box, line: number): number {
  let i = firstNotAbove(count, box, (b) => b.bottom <= line + 0.5) - 1;
  while (i >= 0 && box(i).height === 0) i--;
  return i;
}
