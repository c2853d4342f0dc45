import type { PostView } from '../forums/adapter';
import { lastEndedAbove, type Box } from './post-band';

/**
 * The highest post read to its end: the posts whose text ends at or above the bottom of the
 * viewport (`viewportBottom`), measured when the reader stops (see post-band.ts). What was
 * read before stays read, also once the forum has unloaded those posts or the reader has
 * scrolled back up. A post with no box (hidden, not drawn) is never the one found read to
 * its end; one above that post counts as passed, like every other post above it.
 */
export function readUpTo(
  posts: readonly PostView[],
  previous: number,
  viewportBottom: number,
  measure: (el: Element) => Box,
): number {
  const last = lastEndedAbove(posts.length, (i) => measure(posts[i].contentElement), viewportBottom);
  let best = previous;
  // Every post above it was passed too; numbers need not rise down the page (a reply tree).
  for (let i = 0; i <= last; i++) best = Math.max(best, posts[i].postNumber);
  return best;
}
