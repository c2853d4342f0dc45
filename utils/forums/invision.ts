import type { ForumAdapter, ThreadView } from './adapter';
import { isoTime, ownWords, pageOf, pathParser, readPosts, safeUrl, text, threadPages } from './dom-reading';

/**
 * Invision Community 4 and 5: `/topic/{id}-{slug}/`, pages `/topic/{id}-{slug}/page/{k}/`,
 * posts as `article.cPost` (4) or `article.ipsEntry--post` (5). Invision is closed source: the
 * markup read here is what its boards serve, `ul.ipsPagination[data-pages]` and the topic's
 * JSON-LD (`pageEnd`, the replies as its `CommentAction` count) included.
 */
const parse = pathParser('invision', /\/topic\/(\d+)(?:-[^/]*)?(?:\/|$)/);

/** Invision's default posts a page in a topic; boards that change it say so in the pagination. */
const DEFAULT_PER_PAGE = 25;

/** The topic's own address (its first page), from the address of any of its pages. */
function topicBase(u: URL): string {
  const path = u.pathname.match(/^(.*?\/topic\/\d+(?:-[^/]*)?)(?:\/|$)/)?.[1] ?? u.pathname.replace(/\/$/, '');
  return `${u.origin}${path}/`;
}

interface TopicLd {
  pageEnd?: unknown;
  commentCount?: unknown;
  interactionStatistic?: unknown;
  mainEntity?: { answerCount?: unknown };
}

const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined);

/**
 * Posts in the topic by its JSON-LD: replies (the `CommentAction` count, `commentCount`, or a
 * question's `answerCount`) plus the opening post. Undefined when it does not say.
 */
export function invisionTotalFromLd(ld: unknown): number | undefined {
  if (!ld || typeof ld !== 'object') return undefined;
  const t = ld as TopicLd;
  const stats = Array.isArray(t.interactionStatistic) ? (t.interactionStatistic as unknown[]) : [];
  const comments = stats.find(
    (s): s is { userInteractionCount?: unknown } =>
      !!s &&
      typeof s === 'object' &&
      /CommentAction$/.test(String((s as { interactionType?: unknown }).interactionType)),
  );
  const replies = count(comments?.userInteractionCount) ?? count(t.commentCount) ?? count(t.mainEntity?.answerCount);
  return replies === undefined ? undefined : replies + 1;
}

function topicLd(doc: Document): TopicLd | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const ld = JSON.parse(script.textContent ?? '') as unknown;
      if (
        ld &&
        typeof ld === 'object' &&
        /DiscussionForumPosting|QAPage/.test(String((ld as { '@type'?: unknown })['@type']))
      )
        return ld;
    } catch {
      // Not JSON: a page's other script, or a broken one. The count then comes from elsewhere.
    }
  }
  return null;
}

function read(doc: Document, url: string): ThreadView | null {
  const ref = parse(url);
  const page = safeUrl(url);
  if (!ref || !page || doc.body?.getAttribute('data-pagecontroller') !== 'topic') return null;
  const ld = topicLd(doc);
  const bar = doc.querySelector('ul.ipsPagination[data-pages], ul.ipsPagination[data-ipspagination-pages]');
  const fromUrl = Number(page.pathname.match(/\/page\/(\d+)\/?$/)?.[1] ?? 1);
  const current =
    Number(
      bar
        ?.querySelector('.ipsPagination_active [data-page], .ipsPagination__page--active [data-page]')
        ?.getAttribute('data-page'),
    ) || fromUrl;
  const pageCount =
    Number(bar?.getAttribute('data-pages') ?? bar?.getAttribute('data-ipspagination-pages')) || count(ld?.pageEnd) || 1;
  const items = doc.querySelectorAll('article.cPost, article.ipsEntry--post');
  const pages = threadPages({
    current,
    count: pageCount,
    stated: Number(bar?.getAttribute('data-ipspagination-perpage')) || undefined,
    postsHere: items.length,
    fallback: DEFAULT_PER_PAGE,
  });
  const from = pages ? (pages.current - 1) * pages.perPage : 0;
  const posts = readPosts(doc, {
    post: 'article.cPost, article.ipsEntry--post',
    content: '[data-role="commentContent"]',
    author: (p) => text(p.querySelector('.cAuthorPane_author, .ipsEntry__username')),
    time: (p) => isoTime(p.querySelector('time[datetime]')?.getAttribute('datetime')),
    id: (p) => p.id.replace('elComment_', ''),
    number: (_p, i) => from + i + 1,
  });
  if (posts.length === 0) return null;
  const highestSeen = posts[posts.length - 1].postNumber;
  const stated = invisionTotalFromLd(ld);
  const total = stated !== undefined && stated >= highestSeen ? stated : undefined;
  const onLastPage = pages !== undefined && pages.current === pages.count;
  return {
    ...ref,
    title: text(doc.querySelector('h1.ipsType_pageTitle, h1')),
    canonicalUrl: topicBase(page),
    postCount: total ?? highestSeen,
    // Without the JSON-LD only the last page of several says how many posts there are.
    ...(total === undefined && !onLastPage ? { postCountAtLeast: true } : {}),
    posts,
    ...(pages ? { pages } : {}),
  };
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isInvisionPage(doc: Document): boolean {
  return !!doc.querySelector('body.ipsApp, body[data-pageapp="forums"]');
}

export const invisionAdapter: ForumAdapter = {
  engine: 'invision',
  postAddress(thread, n) {
    const u = safeUrl(thread.url);
    if (!u) return thread.url;
    const page = pageOf(n, thread.perPage ?? DEFAULT_PER_PAGE);
    return `${topicBase(u)}${page > 1 ? `page/${page}/` : ''}`;
  },
  // Quotes, code, the "Edited by" note (which Invision itself keeps out of quotes), the
  // signature and the post's buttons.
  ...ownWords('.ipsQuote, .ipsCode, [data-excludequote], [data-role="memberSignature"], .ipsItemControls'),
  detect: isInvisionPage,
  parseThreadUrl: parse,
  readThread: read,
};
