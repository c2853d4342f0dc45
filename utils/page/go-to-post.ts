import type { ThreadView } from '../forums/adapter';
import { postUrl } from '../forums/post-url';

/**
 * Brings post `n` (or the next one, if `n` was deleted) into view; when the forum has not put
 * it on the page, loads the thread there.
 */
export function goToPost(thread: ThreadView, n: number): void {
  const post = thread.posts.find((p) => p.postNumber >= n);
  if (post)
    (post.contentElement.closest('article') ?? post.contentElement).scrollIntoView({
      behavior: 'smooth',
      block: 'start',
    });
  else location.assign(postUrl(thread.canonicalUrl, n));
}
