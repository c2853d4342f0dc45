import type { ForumAdapter, ThreadView } from '../forums/adapter';

/**
 * Brings post `n` (or the next one, if `n` was deleted) into view, and the keyboard's place
 * with it (`focus`): a reader who jumped by keyboard or with a screen reader goes on
 * reading, and tabbing, from that post, not from the button they pressed. Only then: the
 * page sees where focus lands, so a jump by mouse (or from the popup, into a tab the reader
 * may have been typing in) moves the view alone. False when the post is not on the page.
 */
export function scrollToPost(thread: ThreadView, n: number, focus = false): boolean {
  const post = thread.posts.find((p) => p.postNumber >= n);
  // A later post stands in for a deleted one only inside this page's range.
  if (!post || (post.postNumber > n && thread.posts[0].postNumber > n)) return false;
  // The nearest box that is the whole post: a schema.org comment sits inside the article
  // that is the whole discussion.
  const box = post.contentElement.closest('article, li, .post, .message, [itemprop="comment"]');
  // Smooth unless the reader asked their system for less motion.
  const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const target = (box ?? post.contentElement) as HTMLElement;
  target.scrollIntoView({
    behavior: still ? 'auto' : 'smooth',
    block: 'start',
  });
  if (focus) focusInPlace(target);
  return true;
}

/**
 * Focus on a post that is not itself a control: reachable for this once (tabindex -1,
 * taken off as focus leaves, so the forum's own tab order is left as it was). Where
 * `scrollIntoView` is gliding there, focus must not jump the page ahead of it.
 */
function focusInPlace(el: HTMLElement) {
  if (!el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
    const left = () => {
      // The window losing focus (another window, another tab) blurs it too, and it keeps the
      // focus for the reader's return: a box no longer focusable would drop it to the page.
      if (el.ownerDocument.activeElement === el) return;
      el.removeEventListener('blur', left);
      el.removeAttribute('tabindex');
    };
    el.addEventListener('blur', left);
  }
  el.focus({ preventScroll: true });
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
  focus = false,
) {
  if (scrollToPost(thread, n, focus)) return;
  const address = reader.postAddress({ url: thread.canonicalUrl, perPage: thread.pages?.perPage }, n);
  await beforeLeaving().catch(() => undefined);
  location.assign(address);
}
