import type { ForumAdapter, PostView, ThreadRef, ThreadView } from './adapter';
import { isoTime, ownWords, safeUrl, text } from './dom-reading';

/**
 * Any page that marks itself up as a schema.org DiscussionForumPosting, in microdata (whose
 * `text` properties give the post elements) or JSON-LD (title and comment count).
 */
interface JsonLdPosting {
  headline?: string;
  commentCount?: number;
  url?: string;
}

function jsonLdPosting(doc: Document): JsonLdPosting | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent ?? '') as unknown;
      const items = Array.isArray(data)
        ? data
        : [data, ...(((data as { '@graph'?: unknown[] })?.['@graph'] as unknown[]) ?? [])];
      for (const item of items) {
        const type = (item as { '@type'?: unknown })?.['@type'];
        if (type === 'DiscussionForumPosting' || (Array.isArray(type) && type.includes('DiscussionForumPosting')))
          return item as JsonLdPosting;
      }
    } catch {
      /* a broken JSON-LD block is just not a signal */
    }
  }
  return null;
}

const postingEl = (doc: Document) => doc.querySelector('[itemscope][itemtype$="schema.org/DiscussionForumPosting"]');

function parse(url: string): ThreadRef | null {
  const u = safeUrl(url);
  return u ? { engine: 'schema-org', origin: u.origin, threadId: u.pathname.replace(/\/$/, '') || '/' } : null;
}

function read(doc: Document, url: string): ThreadView | null {
  const el = postingEl(doc);
  const ld = jsonLdPosting(doc);
  if (!el && !ld) return null;
  const canonical = doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? ld?.url ?? url;
  const ref = parse(new URL(canonical, url).href);
  if (!ref) return null;
  // The page's own origin names the forum, whatever a canonical link says.
  ref.origin = safeUrl(url)?.origin ?? ref.origin;
  const posts: PostView[] = [];
  if (el) {
    // The posting's own text: the first `text` property that is not inside a comment.
    const own = [...el.querySelectorAll('[itemprop="text"], [itemprop="articleBody"]')].find(
      (t) => !t.closest('[itemprop="comment"]'),
    );
    const author = (scope: Element) =>
      text(
        [...scope.querySelectorAll('[itemprop="author"]')]
          .find((a) => a.closest('[itemscope]:not([itemprop="author"])') === scope)
          ?.querySelector('[itemprop="name"]') ?? scope.querySelector('[itemprop="author"]'),
      );
    const time = (scope: Element) =>
      isoTime(
        scope.querySelector('[itemprop="datePublished"], [itemprop="dateCreated"]')?.getAttribute('datetime') ??
          scope.querySelector('[itemprop="datePublished"]')?.getAttribute('content'),
      );
    if (own) posts.push({ postNumber: 1, author: author(el), time: time(el), contentElement: own });
    el.querySelectorAll('[itemprop="comment"][itemtype$="schema.org/Comment"]').forEach((c) => {
      const body = c.querySelector('[itemprop="text"]');
      if (body) posts.push({ postNumber: posts.length + 1, author: author(c), time: time(c), contentElement: body });
    });
  }
  const headline = el?.querySelector('[itemprop="headline"]');
  const title = (headline?.getAttribute('content') ?? text(headline)) || ld?.headline || doc.title;
  const count = ld?.commentCount;
  return {
    ...ref,
    title,
    canonicalUrl: new URL(canonical, url).href,
    postCount: typeof count === 'number' && count >= 0 ? Math.max(count + 1, posts.length) : posts.length,
    posts,
  };
}

export const schemaOrgAdapter: ForumAdapter = {
  engine: 'schema-org',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) => !!postingEl(doc) || jsonLdPosting(doc) !== null,
  parseThreadUrl: parse,
  readThread: read,
};
