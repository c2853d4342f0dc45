import type { ForumAdapter, PostView, ThreadView } from './adapter';
import { ownWords, pathParser, safeUrl, text } from './dom-reading';
import { declaredPostTotal, jsonLdBlocksOfDoc } from './structured-data';

/**
 * HealthUnlocked: `/{community}/posts/{id}/{slug}`, the post and all its replies on one page.
 * A React app with generated class names, so the post is found by its test ids and stable
 * prefixes rather than exact classes.
 */
const parse = pathParser('healthunlocked', /^\/[^/]+\/posts\/(\d+)(?:\/|$)/);

/** The post's page without a reply's `?responseId=` or an anchor. */
function postPage(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isHealthUnlockedPage(doc: Document): boolean {
  return /^healthunlocked$/i.test(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '');
}

export const healthUnlockedAdapter: ForumAdapter = {
  engine: 'healthunlocked',
  // Every reply is on the post's one page: the page, then the landing scrolls to the reply.
  postAddress: (thread) => postPage(thread.url),
  // Quoted replies, "edited" notes, and the like/reply/report bar.
  ...ownWords('[class*="quote" i], [class*="edited" i], [data-testid*="actions" i], [class*="actions" i]'),
  detect: isHealthUnlockedPage,
  parseThreadUrl: parse,
  readThread(doc, url): ThreadView | null {
    const ref = parse(url);
    const body = doc.querySelector('[data-testid="post-body"]');
    if (!ref || !body) return null;
    ref.origin = safeUrl(url)?.origin ?? ref.origin;
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
    // The page states its replies in JSON-LD; replies it has not drawn yet still count.
    const declared = declaredPostTotal(jsonLdBlocksOfDoc(doc));
    return {
      ...ref,
      title: text(doc.querySelector('h1')),
      canonicalUrl: postPage(url),
      postCount: Math.max(declared ?? 0, posts.length),
      posts,
    };
  },
};
