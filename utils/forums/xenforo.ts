import type { ForumAdapter, ThreadView } from './adapter';
import { isoTime, ownWords, pageOf, pathParser, readPosts, safeUrl, text, threadPages } from './dom-reading';
import { declaredPostTotal, jsonLdBlocksOfDoc } from './structured-data';

/**
 * XenForo 2: `/threads/slug.123/`, its pages `/threads/slug.123/page-2`, posts as
 * `article.message--post` numbered "#N" in their attribution bar (templates `thread_view`,
 * `post_macros`, `page_nav`).
 */
const THREAD_PATH = /\/threads\/(?:[^/]*\.)?(\d+)(?:\/|$)/;
/** XenForo's default "Messages per page". */
const PER_PAGE = 20;

const parse = pathParser('xenforo', THREAD_PATH);

/** The thread's own address (page 1) from the address of any of its pages or posts. */
export function threadBase(url: string): string {
  const u = new URL(url);
  const m = u.pathname.match(/^(.*\/threads\/[^/]+)/);
  return `${u.origin}${m ? m[1] : u.pathname.replace(/\/$/, '')}/`;
}

/** "#1,234": `number()` writes the board language's thousands separator. */
const positionOf = (post: Element) => {
  const m = text(post.querySelector('.message-attribution-opposite')).match(/#\s*(\d[\d,.\s]*)/);
  const n = m ? Number(m[1].replace(/\D/g, '')) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** This page and the page count, from the first page navigation (top of the messages). */
function pageNav(doc: Document): { current: number; count: number } {
  const nav = doc.querySelector('.pageNavWrapper');
  if (!nav) return { current: 1, count: 1 };
  const numbers = [...nav.querySelectorAll('.pageNav-main .pageNav-page:not(.pageNav-page--skip) > a')]
    .map((a) => Number(text(a)))
    .filter((n) => Number.isInteger(n) && n > 0);
  const current = Number(text(nav.querySelector('.pageNav-page--current > a'))) || 1;
  const simple = text(nav.querySelector('.pageNavSimple-el--current')).match(/(\d+)\D+(\d+)/);
  const count = Math.max(current, ...numbers, simple ? Number(simple[2]) : 1);
  return { current, count };
}

function read(doc: Document, url: string): ThreadView | null {
  const html = doc.documentElement;
  if (html.getAttribute('data-template') !== 'thread_view' && doc.body?.getAttribute('data-template') !== 'thread_view')
    return null;
  const canonical = doc.querySelector('link[rel=canonical]')?.getAttribute('href');
  const ref = parse(url) ?? (canonical ? parse(new URL(canonical, url).href) : null);
  if (!ref) return null;
  // The page's own origin names the forum, whatever a canonical link says.
  ref.origin = safeUrl(url)?.origin ?? ref.origin;
  const posts = readPosts(doc, {
    post: 'article.message--post[data-content^="post-"]',
    content: '.message-body .bbWrapper',
    author: (p) => p.getAttribute('data-author') ?? text(p.querySelector('.message-name .username')),
    time: (p) => isoTime(p.querySelector('.message-attribution-main time[datetime]')?.getAttribute('datetime')),
    id: (p) => p.getAttribute('data-content')?.replace('post-', ''),
    number: (p, i) => positionOf(p) ?? i + 1,
  });
  const highestSeen = posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
  const nav = pageNav(doc);
  // A later page's first "#N" says how many posts each earlier page held.
  const first = posts[0]?.postNumber ?? 1;
  const stated = nav.current > 1 && (first - 1) % (nav.current - 1) === 0 ? (first - 1) / (nav.current - 1) : 0;
  const pages = threadPages({ ...nav, stated, postsHere: posts.length, fallback: PER_PAGE });
  // XenForo 2.2+ declares the reply count in JSON-LD; on the last page "#N" is the total.
  const declared = declaredPostTotal(jsonLdBlocksOfDoc(doc));
  const onLast = nav.current >= nav.count;
  const atLeast = declared === null && !onLast;
  const lowest = pages ? (pages.count - 1) * pages.perPage + 1 : highestSeen;
  const named = canonical ? threadBase(new URL(canonical, url).href) : null;
  const base = named && parse(named)?.threadId === ref.threadId && parse(named)?.origin === ref.origin ? named : null;
  return {
    ...ref,
    title: text(doc.querySelector('h1.p-title-value')),
    canonicalUrl: base ?? threadBase(url),
    postCount: declared ?? (atLeast ? Math.max(lowest, highestSeen) : highestSeen),
    ...(atLeast ? { postCountAtLeast: true } : {}),
    highestPostNumber: onLast && highestSeen ? highestSeen : undefined,
    posts,
    ...(pages ? { pages } : {}),
  };
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isXenforoPage(doc: Document): boolean {
  return doc.documentElement.id === 'XF' && doc.documentElement.hasAttribute('data-xf');
}

export const xenforoAdapter: ForumAdapter = {
  engine: 'xenforo',
  // Post links name post ids, which a saved thread does not know: the page, then the landing.
  postAddress: (thread, n) => {
    const base = threadBase(thread.url);
    const page = pageOf(n, thread.perPage ?? PER_PAGE);
    return page > 1 ? `${base}page-${page}` : base;
  },
  // Quote and code boxes (with their "Code:" and "… said:" titles), spoilers, link previews,
  // signatures and "Last edited" notes.
  ...ownWords(
    '.bbCodeBlock--quote, .bbCodeBlock--code, .bbCodeBlock--unfurl, .bbCodeSpoiler, .bbCodeBlock-title, .message-signature, .message-lastEdit, .js-selectToQuoteEnd',
  ),
  detect: isXenforoPage,
  parseThreadUrl: parse,
  readThread: read,
};
