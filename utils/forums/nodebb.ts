import type { ForumAdapter, ThreadView } from './adapter';
import { isoTime, ownWords, pageOf, pathParser, readPosts, safeUrl, text, threadPages } from './dom-reading';

/**
 * NodeBB: `/topic/{tid}/{slug}`, rendered on the server, then its client takes over (infinite
 * scroll by default, the paginator then only inside <noscript>). Posts are
 * `li[component=post]` with their index in the topic.
 */
const parse = pathParser('nodebb', /\/topic\/(\d+)(?:\/|$)/);

/** NodeBB's default posts per page (install/data/defaults.json). */
const PER_PAGE = 20;

/** The topic's own address, `/topic/{tid}/{slug}`, without a post index or page. */
function topicAddress(url: string): string | null {
  const u = safeUrl(url);
  const m = u?.pathname.match(/^(.*\/topic\/\d+(?:\/[^/]+)?)(?:\/\d+)?\/?$/);
  return u && m ? `${u.origin}${m[1]}` : null;
}

/** A count as NodeBB writes it in a title ("1,234"), or null. */
const statedNumber = (s: string | null | undefined) =>
  s && /^\d{1,3}(?:,\d{3})*$|^\d+$/.test(s.trim()) ? Number(s.trim().replace(/,/g, '')) : null;

/** The topic's total: the stats badge, else the schema.org comment count (replies) plus one. */
function statedTotal(doc: Document): number | null {
  const badge = doc.querySelector('[component="topic/post-count"]');
  const fromBadge = statedNumber(badge?.getAttribute('title')) ?? statedNumber(badge?.textContent);
  if (fromBadge) return fromBadge;
  for (const counter of doc.querySelectorAll(
    '[itemtype$="DiscussionForumPosting"] [itemprop="interactionStatistic"]',
  )) {
    const type = counter.querySelector('[itemprop="interactionType"]')?.getAttribute('content') ?? '';
    const n = statedNumber(counter.querySelector('[itemprop="userInteractionCount"]')?.getAttribute('content'));
    if (/CommentAction$/.test(type) && n !== null) return n + 1;
  }
  return null;
}

/** The paginator, where it is in the page (scripts off, or a forum set to pages). */
function paginatorPages(doc: Document): { current: number; count: number } | null {
  const nav = doc.querySelector('[component="pagination"]');
  const numbers = [...(nav?.querySelectorAll('.page-item.page a[data-page]') ?? [])].map((a) =>
    Number(a.getAttribute('data-page')),
  );
  const current = Number(nav?.querySelector('.page-item.page.active a[data-page]')?.getAttribute('data-page'));
  return numbers.length && current > 0 ? { current, count: Math.max(...numbers) } : null;
}

function read(doc: Document, url: string): ThreadView | null {
  const ref = parse(url);
  const address = topicAddress(url);
  const topic = doc.querySelector('ul[component="topic"][data-tid], [component="topic"][data-tid]');
  // The client may still show the previous topic while it loads the next.
  if (!ref || !address || !topic || topic.getAttribute('data-tid') !== ref.threadId) return null;
  const posts = readPosts(topic, {
    // Only the topic's own posts: replies opened under a post carry the same markup.
    post: ':scope > li[component="post"][data-index]',
    content: '[component="post/content"]',
    author: (p) => p.getAttribute('data-username') ?? '',
    time: (p) => isoTime(p.getAttribute('data-timestamp')),
    id: (p) => p.getAttribute('data-pid') ?? undefined,
    number: (p) => Number(p.getAttribute('data-index')) + 1,
  });
  const highestSeen = posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
  const stated = statedTotal(doc);
  const paged = paginatorPages(doc);
  const pages = paged
    ? threadPages({ ...paged, postsHere: posts.length, fallback: PER_PAGE, stated: undefined })
    : undefined;
  return {
    ...ref,
    title: text(doc.querySelector('[component="topic/title"]')),
    canonicalUrl: address,
    postCount: stated ?? highestSeen,
    ...(stated === null ? { postCountAtLeast: true } : {}),
    posts,
    ...(pages ? { pages } : {}),
  };
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isNodebbPage(doc: Document): boolean {
  return !!doc.querySelector('script[src*="nodebb.min.js"], [component="topic"][data-tid]');
}

export const nodebbAdapter: ForumAdapter = {
  engine: 'nodebb',
  detect: isNodebbPage,
  parseThreadUrl: parse,
  readThread: read,
  // `/topic/{tid}/{slug}/{n}` shows the posts around post n; without the slug NodeBB would
  // take n for one, so such an address gets the page that holds the post instead.
  postAddress: (thread, n) => {
    const address = topicAddress(thread.url) ?? thread.url.replace(/[?#].*$/, '');
    return /\/topic\/\d+\/[^/]+$/.test(address)
      ? `${address}/${n}`
      : `${address}?page=${pageOf(n, thread.perPage ?? PER_PAGE)}`;
  },
  // Mentions name someone, and a quote's "said in" link names the topic: not the poster's words.
  ...ownWords('.plugin-mentions-a, a[href*="/post/"]'),
};
