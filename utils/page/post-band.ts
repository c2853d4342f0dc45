/**
 * Where posts stand against the screen, found by measuring a handful of them when the reader
 * stops, not by watching every post: posts lie one under the other in page order, so a
 * binary search finds the edge in about ten measurements, however long the thread. The
 * browser has laid the page out by then (it drew it), so measuring costs next to nothing,
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
 * met by the search counts as not above; the walk on past such items puts that right.
 */
function firstNotAbove(count: number, box: (i: number) => Box, above: (b: Box) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const b = box(mid);
    if (b.height > 0 && above(b)) lo = mid + 1;
    else hi = mid;
  }
  for (let b = lo < count ? box(lo) : null; b && (b.height === 0 || above(b)); b = lo < count ? box(lo) : null) lo++;
  return lo;
}

/** Indexes of the items whose box meets the band from `from` to `to` (px from the viewport's top). */
export function itemsInBand(count: number, box: (i: number) => Box, from: number, to: number): number[] {
  const found: number[] = [];
  for (let i = firstNotAbove(count, box, (b) => b.bottom < from); i < count; i++) {
    const b = box(i);
    if (b.height === 0) continue;
    if (b.top > to) break;
    found.push(i);
  }
  return found;
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
