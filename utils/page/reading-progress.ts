import type { PostView } from '../forums/adapter';

/** Where one post's text ended, against the bottom edge of the viewport, when last seen. */
export interface PostEnd {
  postNumber: number;
  bottom: number;
  height: number;
  viewportBottom: number;
}

/**
 * The highest post read to its end: its text's bottom edge at or above the bottom of the
 * viewport. What was read before stays read, also once the forum has unloaded those posts.
 * A post with no box (hidden, not laid out) was not read.
 */
export function readUpTo(ends: readonly PostEnd[], previous: number): number {
  let best = previous;
  for (const e of ends)
    if (e.height > 0 && e.postNumber > best && e.bottom <= e.viewportBottom + 0.5) best = e.postNumber;
  return best;
}

/**
 * Reading progress without measuring the page: an IntersectionObserver whose root is the
 * viewport stretched far upwards tells when a post's text comes to lie wholly inside it, so
 * ends above the viewport's bottom edge (and where each post stands when first watched),
 * also when the reader jumps past many posts at once. The browser works that out while it
 * draws anyway; asking for each post's position ourselves would make it lay the page out
 * again as the reader scrolls.
 */
const ABOVE_PX = 100_000;

export function watchReading(win: Window, onRead: (ends: PostEnd[]) => void, readSoFar: () => number = () => 0) {
  const numbers = new Map<Element, number>();
  // Posts up to the highest read so far have nothing more to tell: they are let go, so the
  // browser works out where only the unread ones stand (watching every post of a long
  // thread as the reader scrolls cost the page more than anything else Threadside did).
  const letGoOfRead = () => {
    const read = readSoFar();
    for (const [el, n] of numbers)
      if (n <= read) {
        observer.unobserve(el);
        numbers.delete(el);
      }
  };
  const observer = new IntersectionObserver(
    (entries) => {
      onRead(
        entries.flatMap((e) => {
          const postNumber = numbers.get(e.target);
          // Not even partly inside the stretched viewport: below the screen, not read yet.
          if (postNumber === undefined || !e.isIntersecting) return [];
          const { bottom, height } = e.boundingClientRect;
          return [{ postNumber, bottom, height, viewportBottom: e.rootBounds?.bottom ?? win.innerHeight }];
        }),
      );
      letGoOfRead();
    },
    { rootMargin: `${ABOVE_PX}px 0px 0px 0px`, threshold: 1 },
  );

  return {
    /** The posts on the page now: unread ones are watched, ones the forum took away let go. */
    watch(posts: readonly PostView[]) {
      const read = readSoFar();
      const now = new Set<Element>();
      for (const p of posts) if (p.postNumber > read) now.add(p.contentElement);
      for (const el of numbers.keys())
        if (!now.has(el)) {
          observer.unobserve(el);
          numbers.delete(el);
        }
      for (const p of posts)
        if (p.postNumber > read && !numbers.has(p.contentElement)) {
          numbers.set(p.contentElement, p.postNumber);
          observer.observe(p.contentElement);
        }
    },
    stop() {
      observer.disconnect();
      numbers.clear();
    },
  };
}
