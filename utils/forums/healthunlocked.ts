import type { ForumAdapter, PostView, ThreadView } from './adapter';
import { ownWords, pathParser, text } from './dom-reading';

/**
 * HealthUnlocked: `/{community}/posts/{id}/{slug}`. A React app with generated class names,
 * so the post is found by its test ids and stable prefixes rather than exact classes.
 */
const parse = pathParser('healthunlocked', /^\/[^/]+\/posts\/(\d+)(?:\/|$)/);

export const healthUnlockedAdapter: ForumAdapter = {
  engine: 'healthunlocked',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) =>
    /^healthunlocked$/i.test(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? ''),
  parseThreadUrl: parse,
  readThread(doc, url): ThreadView | null {
    const ref = parse(url);
    const body = doc.querySelector('[data-testid="post-body"]');
    if (!ref || !body) return null;
    const posts: PostView[] = [
      {
        postNumber: 1,
        author: text(doc.querySelector('[class*="author"] a, [class*="author"]')),
        contentElement: body,
      },
    ];
    doc.querySelectorAll('[data-testid="reply"]').forEach((r) => {
      const content = r.querySelector('[class*="reply-body"], [class*="body"]');
      if (content)
        posts.push({
          postNumber: posts.length + 1,
          author: text(r.querySelector('[class*="author"]')),
          contentElement: content,
        });
    });
    return { ...ref, title: text(doc.querySelector('h1')), canonicalUrl: url, postCount: posts.length, posts };
  },
};
