import type { ForumAdapter, ThreadView } from './adapter';
import { ownWords, pageOf, readPosts, safeUrl, text, threadPages } from './dom-reading';

/**
 * Khoros (Lithium) communities: a thread is `/t5/{board}/{slug}/td-p/{id}`, its pages
 * `…/td-p/{id}/page/{k}`, a message `/t5/{board}/{slug}/m-p/{message id}` (whose id is the
 * message's, not the thread's: such a page names its thread in its canonical link). Messages
 * are in the linear view, each saying "Message N of T".
 */
const THREAD = /^(\/t5\/[^/]+\/[^/]+\/td-p\/(\d+))(?:\/page\/\d+)?\/?$/;
/** Khoros' default number of messages on a page of a thread. */
const PER_PAGE = 10;

function parse(url: string) {
  const u = safeUrl(url);
  const m = u?.pathname.match(THREAD);
  return u && m ? { engine: 'khoros' as const, origin: u.origin, threadId: m[2] } : null;
}

/** The thread's own address (page 1) from the address of any of its pages. */
function threadBase(url: string): string | null {
  const u = safeUrl(url);
  const m = u?.pathname.match(THREAD);
  return u && m ? `${u.origin}${m[1]}` : null;
}

/** "Message 12 of 27": the message's place and the thread's total. */
function position(post: Element): { n: number; of: number } | null {
  const m = text(post.querySelector('.MessagesPositionInThread')).match(/(\d[\d,]*)\s+of\s+(\d[\d,]*)/);
  return m ? { n: Number(m[1].replace(/,/g, '')), of: Number(m[2].replace(/,/g, '')) } : null;
}

/** This page and the page count, from the message pager ("lia-paging-full"). */
function pager(doc: Document): { current: number; count: number } {
  const pages = doc.querySelector('.lia-paging-full-pages');
  if (!pages) return { current: 1, count: 1 };
  const numbers = [...pages.querySelectorAll('li')].map((li) => Number(text(li))).filter((n) => n > 0);
  const current = Number(text(pages.querySelector('.lia-paging-page-active'))) || 1;
  return { current, count: Math.max(current, ...numbers) };
}

function read(doc: Document, url: string): ThreadView | null {
  const canonical = new URL(doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '', url).href;
  const ref = parse(url) ?? parse(canonical);
  if (!ref) return null;
  ref.origin = safeUrl(url)?.origin ?? ref.origin;
  const nav = pager(doc);
  const views = [...doc.querySelectorAll('.lia-linear-display-message-view')];
  const stated = views.map((v) => position(v));
  const total = stated.find((s) => s)?.of ?? null;
  // Without "Message N of T" the place comes from the page, at the default page size.
  const firstHere = stated[0]?.n ?? (nav.current - 1) * PER_PAGE + 1;
  const posts = readPosts(doc, {
    post: '.lia-linear-display-message-view',
    content: '.lia-message-body-content',
    author: (p) => text(p.querySelector('.lia-user-name-link')),
    id: (p) => p.querySelector('[data-lia-message-uid]')?.getAttribute('data-lia-message-uid') ?? undefined,
    number: (p, i) => position(p)?.n ?? firstHere + i,
  });
  if (posts.length === 0) return null;
  const highestSeen = posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
  const perPage = nav.current > 1 ? (firstHere - 1) / (nav.current - 1) : nav.count > 1 ? posts.length : PER_PAGE;
  const pages = threadPages({
    ...nav,
    stated: Number.isInteger(perPage) ? perPage : 0,
    postsHere: posts.length,
    fallback: PER_PAGE,
  });
  const atLeast = total === null && nav.current < nav.count;
  const base = threadBase(canonical);
  return {
    ...ref,
    title: text(doc.querySelector('.lia-message-subject-banner .lia-message-subject, .lia-message-subject')),
    canonicalUrl: base && parse(base)?.threadId === ref.threadId ? base : (threadBase(url) ?? url),
    postCount: total ?? (atLeast && pages ? Math.max((pages.count - 1) * pages.perPage + 1, highestSeen) : highestSeen),
    ...(atLeast ? { postCountAtLeast: true } : {}),
    posts,
    ...(pages ? { pages } : {}),
  };
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isKhorosPage(doc: Document): boolean {
  return !!doc.querySelector('body.lia-body, .lia-message-body-content');
}

export const khorosAdapter: ForumAdapter = {
  engine: 'khoros',
  // A message's own address names its id, which a saved thread does not know: the page, then the landing.
  postAddress: (thread, n) => {
    const base = threadBase(thread.url);
    if (!base) return thread.url;
    const page = pageOf(n, thread.perPage ?? PER_PAGE);
    return page > 1 ? `${base}/page/${page}` : base;
  },
  // Quotes ("… wrote:"), code samples, spoilers, signatures and "edited" notes.
  ...ownWords('.lia-quote, .lia-code-sample, .lia-spoiler-container, .lia-message-signature, .lia-message-edited-on'),
  detect: isKhorosPage,
  parseThreadUrl: parse,
  readThread: read,
};
