// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ThreadView } from '../../../utils/forums/adapter';
import { scrollToPost } from '../../../utils/page/go-to-post';

/** A page of three posts, as a forum draws them: each an article holding its text. */
function threadOnPage(): ThreadView {
  document.body.replaceChildren();
  const posts = [1, 2, 3].map((n) => {
    const article = document.createElement('article');
    article.id = `post_${n}`;
    const cooked = document.createElement('div');
    cooked.className = 'cooked';
    cooked.textContent = `Post ${n}`;
    article.append(cooked);
    document.body.append(article);
    return { postNumber: n, contentElement: cooked };
  });
  const reply = document.createElement('textarea');
  document.body.append(reply);
  return { posts } as unknown as ThreadView;
}

beforeEach(() => {
  Element.prototype.scrollIntoView = () => undefined;
});

describe('going to a post on the page', () => {
  it('takes the keyboard’s place to the post, and leaves the forum’s tab order as it was once focus moves on', () => {
    const t = threadOnPage();
    expect(scrollToPost(t, 2, true)).toBe(true);
    const post = document.getElementById('post_2')!;
    expect(document.activeElement).toBe(post);
    document.querySelector('textarea')!.focus();
    expect(post.hasAttribute('tabindex')).toBe(false);
  });

  it('keeps the post focusable while the reader is in another window, so focus is still there on their return', () => {
    const t = threadOnPage();
    scrollToPost(t, 2, true);
    const post = document.getElementById('post_2')!;
    // The window losing focus blurs the element, which stays the page's active element.
    post.dispatchEvent(new FocusEvent('blur'));
    expect(document.activeElement).toBe(post);
    expect(post.getAttribute('tabindex')).toBe('-1');
    document.querySelector('textarea')!.focus();
    expect(post.hasAttribute('tabindex')).toBe(false);
  });

  it('leaves the keyboard where it is unless asked (a jump by mouse, Open into a tab with a reply being typed)', () => {
    const t = threadOnPage();
    const reply = document.querySelector('textarea')!;
    reply.focus();
    expect(scrollToPost(t, 3)).toBe(true);
    expect(document.activeElement).toBe(reply);
    expect(document.getElementById('post_3')!.hasAttribute('tabindex')).toBe(false);
  });

  it('keeps a post’s own tabindex', () => {
    const t = threadOnPage();
    const post = document.getElementById('post_1')!;
    post.setAttribute('tabindex', '0');
    scrollToPost(t, 1, true);
    expect(document.activeElement).toBe(post);
    document.querySelector('textarea')!.focus();
    expect(post.getAttribute('tabindex')).toBe('0');
  });
});
