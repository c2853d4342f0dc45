import type { ForumAdapter, PostView, ThreadPages, ThreadRef, ThreadView } from './adapter';
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

/** The page number a later page's address gives in its `page` query; 1 when it gives none. */
function pageInAddress(url: string): number {
  const k = Number(safeUrl(url)?.searchParams.get('page'));
  return Number.isInteger(k) && k > 1 ? k : 1;
}

/**
 * Where page `current` of a long thread sits, taking a full page to hold the same number of
 * posts on every page, the posting being page 1's first: the number of its first post, and
 * its pages when their count is known. A page with a next page is full, so it shows how many
 * a page holds; the last page holds the thread's last posts, so the stated total places it.
 * Where nothing places a later page, its posts are numbered from 1, as a page alone.
 */
function pagePlace(
  current: number,
  here: number,
  next: boolean,
  total: number | null,
): { first: number; pages?: ThreadPages } {
  if (here === 0 || (current === 1 && !next)) return { first: 1 };
  if (next) {
    const first = (current - 1) * here + 1;
    const count = total === null ? 0 : Math.ceil(total / here);
    // A stated total that this page already reaches makes its "next" some other page's.
    return count > current ? { first, pages: { current, count, perPage: here } } : { first };
  }
  if (total === null) return { first: 1 };
  const before = Math.max(0, total - here);
  const perPage = before / (current - 1);
  const full = Number.isInteger(perPage) && perPage >= here;
  return { first: before + 1, ...(full ? { pages: { current, count: current, perPage } } : {}) };
}

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
  const replies = (ld ? declaredReplies(ld) : null) ?? (el ? microdataReplies(el) : null);
  const total = replies === null ? null : replies + 1;
  const nextLink = doc.querySelector('link[rel="next"], a[rel="next"]');
  const next = !!nextLink;
  // Pages are told (and posts linked to on them) only for a site whose next page is `?page=K`.
  const pagedByQuery = pageInAddress(new URL(nextLink?.getAttribute('href') ?? '', url).href) > 1;
  const posts: PostView[] = [];
  let pages: ThreadPages | undefined;
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
    const comments = [...el.querySelectorAll('[itemprop="comment"][itemtype$="schema.org/Comment"]')].flatMap((c) => {
      const body = c.querySelector('[itemprop="text"]');
      return body ? [{ scope: c, body }] : [];
    });
    // Later pages leave the posting's text out: only there does the address's page count.
    const current = own ? 1 : pageInAddress(url);
    const place = pagePlace(current, comments.length + (own ? 1 : 0), next, total);
    if (current > 1 || pagedByQuery) pages = place.pages;
    if (own) posts.push({ postNumber: 1, author: author(el), time: time(el), contentElement: own });
    comments.forEach(({ scope, body }) =>
      posts.push({
        postNumber: place.first + posts.length,
        author: author(scope),
        time: time(scope),
        contentElement: body,
      }),
    );
  }
  const headline = el?.querySelector('[itemprop="headline"]');
  const title =
    (headline?.getAttribute('content') ?? text(headline)) ||
    (typeof ld?.headline === 'string' ? ld.headline : '') ||
    doc.title;
  const highest = posts.at(-1)?.postNumber ?? 0;
  // Without a stated count, a page with a next page shows only part of the thread.
  const atLeast = total === null && next;
  return {
    ...ref,
    title,
    canonicalUrl: new URL(canonical, url).href,
    postCount: Math.max(total ?? 0, highest),
    ...(atLeast ? { postCountAtLeast: true } : {}),
    ...(pages ? { pages } : {}),
    posts,
  };
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isSchemaOrgPage(doc: Document): boolean {
  return !!postingEl(doc) || jsonLdPosting(doc) !== null;
}

export const schemaOrgAdapter: ForumAdapter = {
  engine: 'schema-org',
  // The page that holds the post, in the `?page=K` shape this reader takes later pages in;
  // a page size is known only from a thread read in that shape. Threadside then scrolls to it.
  postAddress({ url, perPage }, n) {
    const u = new URL(url);
    u.hash = '';
    const page = perPage ? Math.ceil(n / perPage) : 1;
    if (page > 1) u.searchParams.set('page', String(page));
    else u.searchParams.delete('page');
    return u.href;
  },
  // Shared link and image previews, and comments nested in a posting's text.
  ...ownWords('[itemprop="sharedContent"], [itemprop="comment"]'),
  detect: isSchemaOrgPage,
  parseThreadUrl: parse,
  readThread: read,
};
