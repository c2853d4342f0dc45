import type { TermFinder, TermMatch } from './annotate';

/**
 * Remembers the terms found in recent posts' text. Forums draw a post anew each time it
 * comes back into view (Discourse cloaks posts far from the screen and draws them again from
 * data), with the same text: finding its terms again would cost as much as the first time.
 * Keyed by the whole post as well as the piece of text, since a post's other words decide
 * whether some short capitals are medical there.
 */
export function cachedFinder(finder: TermFinder, maxPosts = 400): TermFinder {
  const byPost = new Map<string, Map<string, TermMatch[]>>();
  return {
    match(text, context = text, thread = '') {
      const postKey = thread ? `${thread}\u0000${context}` : context;
      let inPost = byPost.get(postKey);
      if (inPost) {
        // Most recently used last: the oldest post is the first to be forgotten.
        byPost.delete(postKey);
        byPost.set(postKey, inPost);
      } else {
        inPost = new Map();
        byPost.set(postKey, inPost);
        if (byPost.size > maxPosts) byPost.delete(byPost.keys().next().value!);
      }
      let found = inPost.get(text);
      if (!found) {
        found = finder.match(text, context, thread);
        inPost.set(text, found);
      }
      return found;
    },
  };
}
