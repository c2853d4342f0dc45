import type { ForumAdapter, PostView, ThreadRef, ThreadView } from './adapter';
import { isoTime, ownWords, safeUrl, text } from './dom-reading';
import { declaredReplies, jsonLdBlocksOfDoc, postingFromBlocks, type Posting } from './structured-data';

/**
 * Any page that marks itself up as a schema.org DiscussionForumPosting, in microdata (whose
 * `text` properties give the post elements) or JSON-LD (title and reply count), as Google's
 * documentation of DiscussionForumPosting structured data describes it: replies as nested
 * `comment`s, their number as an `interactionStatistic` of type CommentAction (or
 * `commentCount`), and on the later pages of a long thread the posting's `url` naming its
 * first page.
 */
const jsonLdPosting = (doc: Document): Posting | null => postingFromBlocks(jsonLdBlocksOfDoc(doc));

/** Replies stated in microdata: the posting's own CommentAction counter. */
function microdataReplies(el: Element): number | null {
  for (const counter of el.querySelectorAll('[itemprop="interactionStatistic"]')) {
    if (counter.parentElement?.closest('[itemscope]') !== el) continue;
    const type = counter.querySelector('[itemprop="interactionType"]');
    const name = type?.getAttribute('content') ?? type?.getAttribute('href') ?? '';
    const n = Number(counter.querySelector('[itemprop="userInteractionCount"]')?.getAttribute('content'));
    if (/(CommentAction|ReplyAction)$/.test(name) && Number.isInteger(n) && n >= 0) return n;
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
  // A later page names the thread's first page as the posting's url.
  const postingUrl =
    typeof ld?.url === 'string' ? ld.url : el?.querySelector(':scope > [itemprop="url"]')?.getAttribute('href');
  const canonical = postingUrl ?? doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? url;
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
  const title =
    (headline?.getAttribute('content') ?? text(headline)) ||
    (typeof ld?.headline === 'string' ? ld.headline : '') ||
    doc.title;
  const replies = (ld ? declaredReplies(ld) : null) ?? (el ? microdataReplies(el) : null);
  // Without a stated count, a page with a next page shows only part of the thread.
  const atLeast = replies === null && !!doc.querySelector('link[rel="next"], a[rel="next"]');
  return {
    ...ref,
    title,
    canonicalUrl: new URL(canonical, url).href,
    postCount: replies !== null ? Math.max(replies + 1, posts.length) : posts.length,
    ...(atLeast ? { postCountAtLeast: true } : {}),
    posts,
  };
}

export const schemaOrgAdapter: ForumAdapter = {
  engine: 'schema-org',
  // A site's own page addresses are unknown: its first page, then the landing where the post is there.
  postAddress: (thread) => thread.url.replace(/#.*$/, ''),
  // Shared link and image previews, and comments nested in a posting's text.
  ...ownWords('[itemprop="sharedContent"], [itemprop="comment"]'),
  detect: (doc) => !!postingEl(doc) || jsonLdPosting(doc) !== null,
  parseThreadUrl: parse,
  readThread: read,
};
