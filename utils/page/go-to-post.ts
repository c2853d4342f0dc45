import type { ForumAdapter, ThreadView } from '../forums/adapter';

/** Brings post `n` (or the next one, if `n` was deleted) into view; false when it is not on the page. */
export function scrollToPost(thread: ThreadView, n: number): boolean {
  const post = thread.posts.find((p) => p.postNumber >= n);
  // A later post stands in for a deleted one only inside this page's range.
  if (!post || (post.postNumber > n && thread.posts[0].postNumber > n)) return false;
  // The nearest box that is the whole post: a schema.org comment sits inside the article
  // that is the whole discussion.
  const box = post.contentElement.closest('article, li, .post, .message, [itemprop="comment"]');
  // Smooth unless the reader asked their system for less motion.
  const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  (box ?? post.contentElement).scrollIntoView({
    behavior: still ? 'auto' : 'smooth',
    block: 'start',
  });
  return true;
}

/**
 * Shows post `n`: on this page if it is here, else the engine's address for it (`reader`'s), after
 * `beforeLeaving` (which tells the background where this tab should land).
 */
export async function goToPost(
  thread: ThreadView,
  n: number,
  reader: Pick<ForumAdapter, 'postAddress'>,
  beforeLeaving: () => Promise<unknown>,
) {
  if (scrollToPost(thread, n)) return;
  const address = reader.postAddress({ url: thread.canonicalUrl, perPage: thread.pages?.perPage }, n);
  await beforeLeaving().catch(() => undefined);
  location.assign(address);
}
