import type { ForumAdapter, PostView, ThreadPages, ThreadRef, ThreadView } from './adapter';
import { ownWords, pageOf, readPosts, safeUrl, text, threadPages } from './dom-reading';

/**
 * vBulletin 4 (`ol#posts`) and 5/6 (`.conversation-list`), thread id from `t=` or the path.
 * vBulletin is closed source: the markup read here is what vBulletin 4 boards serve
 * (`li.postcontainer`, `a.postcounter` "#N", the pagination form's "Page 2 of 3",
 * "Results 11 to 20 of 27" in `#postpagestats_above`), pages `showthread.php?t=T&page=K` or,
 * with friendly addresses, `…/5150-title/page2`.
 */

/** vBulletin's default "Maximum Displayed Posts" on a thread page. */
const DEFAULT_PER_PAGE = 10;

function parse(url: string): ThreadRef | null {
  const u = safeUrl(url);
  if (!u) return null;
  // `t=` names a thread on showthread.php only: elsewhere it is any page's parameter.
  const t =
    (/\/showthread\.php$/.test(u.pathname) ? u.searchParams.get('t') : null) ??
    u.pathname.match(/\/(\d+)-[^/]*(?:\/page\d+)?\/?$/)?.[1] ??
    u.pathname.match(/showthread\.php\/(\d+)/)?.[1];
  return t && /^\d+$/.test(t) ? { engine: 'vbulletin', origin: u.origin, threadId: t } : null;
}

/** The thread's first page: `showthread.php?t=T`, or a friendly address less its `/pageK`. */
function firstPage(u: URL): string {
  const t = u.searchParams.get('t');
  if (t) return `${u.origin}${u.pathname}?t=${t}`;
  return `${u.origin}${u.pathname.replace(/\/page\d+\/?$/, '')}`;
}

const numbers = (s: string) => [...s.matchAll(/\d[\d,.]*/g)].map((m) => Number(m[0].replace(/[,.]/g, '')));

/**
 * vBulletin 4's pages and total: "Page 2 of 3" heads the pagination form, and "Results 11 to
 * 20 of 27" (in the board's language, numbers in that order) stands above the posts.
 */
function readV4Pages(doc: Document, postsHere: number): { pages?: ThreadPages; total?: number } {
  const stats = numbers(text(doc.querySelector('#postpagestats_above, .postpagestats')));
  const [first, last, total] = stats.length === 3 ? stats : [];
  const form = doc.querySelector('form.pagination, .pagination');
  const [current, count] = numbers(text(form?.querySelector('a.popupctrl')));
  const pages =
    form && current >= 1 && count >= current
      ? threadPages({
          current,
          count,
          // A page before the last shows a full page: "Results 11 to 20" says how full.
          stated: current < count && last >= first ? last - first + 1 : undefined,
          postsHere,
          fallback: DEFAULT_PER_PAGE,
        })
      : undefined;
  return { pages, total: total >= last ? total : undefined };
}

function readV4(doc: Document, url: string, ref: ThreadRef): ThreadView | null {
  const items = doc.querySelectorAll('ol#posts > li[id^="post_"]');
  const { pages, total } = readV4Pages(doc, items.length);
  const from = pages ? (pages.current - 1) * pages.perPage : 0;
  const posts = readPosts(doc, {
    post: 'ol#posts > li[id^="post_"]',
    content: '[id^="post_message_"]',
    author: (p) => text(p.querySelector('.username')),
    id: (p) => p.id.replace('post_', ''),
    number: (p, i) => Number(text(p.querySelector('.postcounter')).replace(/[#,]/g, '')) || from + i + 1,
  });
  if (posts.length === 0) return null;
  const highestSeen = Math.max(...posts.map((p) => p.postNumber));
  const onLastPage = !doc.querySelector('form.pagination') || (pages !== undefined && pages.current === pages.count);
  return view(doc, url, ref, posts, {
    postCount: total ?? highestSeen,
    // Without "Results … of N" only the last page says how many posts there are.
    ...(total === undefined && !(onLastPage && doc.querySelector('#postpagestats_above'))
      ? { postCountAtLeast: true }
      : {}),
    ...(pages ? { pages } : {}),
  });
}

/** vBulletin 5/6: no total on the page that we know of, so "at least" what is here. */
function readV5(doc: Document, url: string, ref: ThreadRef): ThreadView | null {
  const page = Number(safeUrl(url)?.pathname.match(/\/page(\d+)\/?$/)?.[1] ?? 1);
  const posts = readPosts(doc, {
    post: '.conversation-list > li[data-node-id]',
    content: '.b-post__content [itemprop="text"], .js-post__content-text',
    author: (p) => text(p.querySelector('.author [itemprop="name"], .b-userinfo__details .author')),
    id: (p) => p.getAttribute('data-node-id') ?? undefined,
    number: (p, i) =>
      Number(text(p.querySelector('.b-post__count')).replace(/[#,]/g, '')) || (page - 1) * DEFAULT_PER_PAGE + i + 1,
  });
  if (posts.length === 0) return null;
  return view(doc, url, ref, posts, {
    postCount: Math.max(...posts.map((p) => p.postNumber)),
    postCountAtLeast: true,
  });
}

function view(
  doc: Document,
  url: string,
  ref: ThreadRef,
  posts: PostView[],
  counts: Pick<ThreadView, 'postCount' | 'postCountAtLeast' | 'pages'>,
): ThreadView {
  const page = safeUrl(url)!;
  return {
    ...ref,
    origin: page.origin,
    // In that order: vBulletin 4's `#pagetitle h1` holds "Thread: " before `.threadtitle`.
    title: text(doc.querySelector('.threadtitle') ?? doc.querySelector('h1.main-title, #pagetitle h1')),
    // The address read from: a canonical link names another page of the thread at best.
    canonicalUrl: parse(url) ? firstPage(page) : firstPage(safeUrl(new URL(canonicalHref(doc), url).href) ?? page),
    posts,
    ...counts,
  };
}

const canonicalHref = (doc: Document) => doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '';

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isVbulletinPage(doc: Document): boolean {
  return (
    /^vBulletin/i.test(doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '') ||
    doc.documentElement.id === 'vbulletin_html' ||
    doc.body?.id === 'vb-page-body'
  );
}

export const vbulletinAdapter: ForumAdapter = {
  engine: 'vbulletin',
  postAddress(thread, n) {
    const u = safeUrl(thread.url);
    if (!u) return thread.url;
    const page = pageOf(n, thread.perPage ?? DEFAULT_PER_PAGE);
    const base = firstPage(u);
    if (page === 1) return base;
    return u.searchParams.has('t') ? `${base}&page=${page}` : `${base.replace(/\/$/, '')}/page${page}`;
  },
  // vBulletin 4 wraps every post's text in `blockquote.postcontent`: the poster's words. Quote
  // and code boxes, the edit note, the signature and the post's footer are not.
  ...ownWords('.bbcode_container, .signature, .signaturecontainer, .lastedited, .postfoot', '.postcontent'),
  detect: isVbulletinPage,
  parseThreadUrl: parse,
  readThread(doc, url): ThreadView | null {
    // A post's own link (showthread.php?p=ID) names no thread: its canonical link does.
    const ref = parse(url) ?? parse(new URL(canonicalHref(doc), url).href);
    if (!ref || !safeUrl(url)) return null;
    return doc.querySelector('ol#posts') ? readV4(doc, url, ref) : readV5(doc, url, ref);
  },
};
