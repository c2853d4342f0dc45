import type { ForumAdapter, ThreadRef, ThreadView } from './adapter';
import { isoTime, ownWords, pageOf, readPosts, safeUrl, text, threadPages } from './dom-reading';

/**
 * phpBB 3.x (prosilver and styles built on it): server-rendered, `viewtopic.php?t=T`, pages
 * `&start=S`, a post's own link `viewtopic.php?p=ID#pID`. Markup as in phpBB 3.3's
 * `styles/prosilver/template/viewtopic_body.html` and `pagination.html`.
 */

/** phpBB's `posts_per_page` as installed; a board may change it (its page links then say). */
const DEFAULT_PER_PAGE = 10;

function parse(url: string): ThreadRef | null {
  const u = safeUrl(url);
  if (!u || !/\/viewtopic\.php$/.test(u.pathname)) return null;
  const t = u.searchParams.get('t');
  if (!t || !/^\d+$/.test(t)) return null;
  return { engine: 'phpbb', origin: u.origin, threadId: t };
}

const startOf = (u: URL | null) => Math.max(0, Number(u?.searchParams.get('start') ?? 0) || 0);

/**
 * The pages as the top pagination bar draws them: the current page is `li.active`, every
 * other page a link with its `start`, the last page always listed. A numbered link to page
 * P starting at S says the board shows S / (P - 1) posts a page.
 */
function readPages(bar: Element | null, url: string, postsHere: number) {
  if (!bar) return undefined;
  const current = Number(text(bar.querySelector('li.active > span')));
  let count = current;
  let stated: number | undefined;
  for (const a of bar.querySelectorAll('li > a.button:not(.button-icon-only)')) {
    const page = Number(text(a));
    if (!Number.isInteger(page) || page < 1) continue;
    count = Math.max(count, page);
    const start = startOf(safeUrl(new URL(a.getAttribute('href') ?? '', url).href));
    if (page > 1 && start > 0 && start % (page - 1) === 0) stated = start / (page - 1);
  }
  const jump = Number(bar.querySelector('[data-per-page]')?.getAttribute('data-per-page'));
  if (jump > 0) stated = jump;
  if (!(current >= 1)) return undefined;
  return threadPages({ current, count, stated, postsHere, fallback: DEFAULT_PER_PAGE });
}

function read(doc: Document, url: string): ThreadView | null {
  if (!doc.body?.classList.contains('section-viewtopic')) return null;
  const page = safeUrl(url);
  const canonical = safeUrl(new URL(doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '', url).href);
  // A post link (?p=123) names no topic: the canonical link or the reply form does.
  const ref: ThreadRef | null =
    parse(url) ??
    (canonical && parse(canonical.href)) ??
    parse(
      new URL(
        doc.querySelector('form#qr_postform, form[action*="posting.php"]')?.getAttribute('action') ?? '',
        url,
      ).href.replace('posting.php', 'viewtopic.php'),
    );
  if (!ref || !page) return null;
  // The page's own origin names the forum, whatever a canonical link says.
  ref.origin = page.origin;
  // Post numbers count from this page's start: the address's own, else (a post link) the
  // canonical link's, which phpBB writes with the start of the page holding the post.
  const bar = doc.querySelector('.action-bar .pagination, .pagination');
  const pagesBar = bar?.querySelector('ul') ? bar : null;
  let start = page.searchParams.has('t') ? startOf(page) : startOf(canonical);
  const postEls = doc.querySelectorAll('div.post[id^="p"]');
  const pages = readPages(pagesBar, url, postEls.length);
  if (!page.searchParams.has('t') && !canonical?.searchParams.has('start') && pages)
    start = (pages.current - 1) * pages.perPage;
  const posts = readPosts(doc, {
    post: 'div.post[id^="p"]',
    content: '.content',
    author: (p) =>
      text(
        p.querySelector(
          '.author .username, .author .username-coloured, .postprofile .username, .postprofile .username-coloured',
        ),
      ),
    time: (p) => isoTime(p.querySelector('.author time[datetime], time[datetime]')?.getAttribute('datetime')),
    id: (p) => p.id.slice(1),
    number: (_p, i) => start + i + 1,
  });
  if (posts.length === 0) return null;
  const stated = Number(
    text(bar)
      .match(/([\d,.]+)\s+posts?\b/i)?.[1]
      ?.replace(/[,.]/g, ''),
  );
  const highestSeen = posts[posts.length - 1].postNumber;
  const onLastPage = !pagesBar || (pages !== undefined && pages.current === pages.count);
  const total = Number.isInteger(stated) && stated >= highestSeen ? stated : null;
  return {
    ...ref,
    title: text(doc.querySelector('h2.topic-title')) || doc.title.split(' - ')[0],
    canonicalUrl: `${ref.origin}${page.pathname}?t=${ref.threadId}`,
    postCount: total ?? highestSeen,
    // A board in another language says "12 Beiträge": without a total, only the last page
    // tells how many posts there are.
    ...(total === null && !(onLastPage && pagesBar) ? { postCountAtLeast: true } : {}),
    posts,
    ...(pages ? { pages } : {}),
  };
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isPhpbbPage(doc: Document): boolean {
  return doc.body?.id === 'phpbb' || !!doc.querySelector('meta[name="generator"][content^="phpBB" i]');
}

export const phpbbAdapter: ForumAdapter = {
  engine: 'phpbb',
  postAddress(thread, n) {
    const u = safeUrl(thread.url);
    const t = u?.searchParams.get('t');
    if (!u || !t) return thread.url;
    const perPage = thread.perPage ?? DEFAULT_PER_PAGE;
    const start = (pageOf(n, perPage) - 1) * perPage;
    return `${u.origin}${u.pathname}?t=${t}${start ? `&start=${start}` : ''}`;
  },
  // Code boxes carry their "Code: Select all" label; signatures, edit and moderation notices
  // and attachment boxes stand beside the content in prosilver, but other styles move them in.
  ...ownWords('.codebox, .signature, .notice, .post-notice, .attachbox, .inline-attachment, .ignore'),
  detect: isPhpbbPage,
  parseThreadUrl: parse,
  readThread: read,
};
