import { demoThread, pagedDemo, type EnginePost } from '../data/engine-threads';
import { html, type EngineLab, type LabAnswer } from './engine-lab';
import { forumList, notFoundPage, threadPage, threadPath, type XfThread } from './xenforo-markup';

/**
 * The XenForo 2.3 demo forum under `/xf/`: markup from XenForo 2.3.3's templates (see
 * `xenforo-markup.ts` for the files followed; XenForo itself is not open source). It answers
 * XenForo's own addresses: `/threads/slug.ID/`, `/page-K`, `/post-PID` and `/latest`.
 */
const FORUM = { id: 12, slug: 'treatment', title: 'Treatment and side effects' };

const picc: EnginePost[] = [
  {
    n: 1,
    username: 'Sandra K',
    time: '2025-02-10T10:02:11.000Z',
    paragraphs: [
      'My husband has myeloma and starts Dara-VRd next month, then an autologous stem cell transplant. The team asked if he wants a PICC line or a portacath. Any experiences?',
    ],
  },
  {
    n: 2,
    username: 'Pete_MM',
    time: '2025-02-10T14:40:00.000Z',
    quote: { username: 'Sandra K', n: 1, text: 'PICC line or a portacath' },
    paragraphs: [
      'I had a PICC for my stem cell harvest and transplant. It was fine, weekly flushes at the day unit. Watch out for the neuropathy from bortezomib too.',
    ],
  },
];

const long = demoThread(57);
export const XF_THREADS: XfThread[] = [
  {
    id: 2718,
    slug: 'picc-line-or-port',
    title: 'PICC line or port for myeloma treatment?',
    forum: FORUM,
    posts: picc,
    postId: (n) => 9100 + n,
    perPage: 20,
    views: 214,
  },
  {
    id: 3306,
    slug: 'going-through-treatment-this-year-support-thread',
    title: long.title,
    forum: FORUM,
    posts: long.posts,
    postId: (n) => 40_000 + n * 7,
    perPage: 20,
    views: 5_120,
  },
];

const pages = (t: XfThread) => Math.ceil(t.posts.length / t.perPage);
const pageOfPost = (t: XfThread, n: number) => Math.ceil(n / t.perPage);

/** What XenForo serves (or redirects to) for a thread address; null when it has no such page. */
function threadAnswer(rest: string, origin: string): LabAnswer | null {
  const m = rest.match(/^([a-z0-9-]+)\.(\d+)\/(?:page-(\d+)|post-(\d+)|(latest))?$/);
  const t = m && XF_THREADS.find((x) => x.id === Number(m[2]) && x.slug === m[1]);
  if (!m || !t) return null;
  const [, , , page, postId, latest] = m;
  if (page !== undefined) {
    const k = Number(page);
    return k >= 2 && k <= pages(t) && page === String(k) ? html(threadPage(t, k, origin)) : null;
  }
  // XenForo redirects a post's address to the page that holds it; the lab serves that page
  // at once, as the browser shows it after the hop.
  if (postId !== undefined) {
    const n = t.posts.find((p) => t.postId(p.n) === Number(postId))?.n;
    return n ? html(threadPage(t, pageOfPost(t, n), origin)) : null;
  }
  // /latest answers with a 303 to the last page (XF\Pub\Controller\Thread::actionLatest), as
  // the real one does: a reader of it that follows no redirect must not count on it.
  if (latest) {
    const last = threadPath(t, pages(t));
    return { status: 303, type: 'html', body: `<a href="${last}">${last}</a>`, location: last };
  }
  return html(threadPage(t, 1, origin));
}

const longThread = XF_THREADS[1];
// XenForo 2.3 states the reply count in JSON-LD on every page.
const demo = pagedDemo({
  thread: longThread,
  perPage: longThread.perPage,
  pagePath: (k) => threadPath(longThread, k),
  // The post's text: Threadside scrolls the nearest article, XenForo's inner `article.message-body`.
  postSelector: (n) => `#js-post-${longThread.postId(n)} .message-body`,
  term: 'R-CHOP',
});

export const xenforoLab: EngineLab = {
  engine: 'xenforo',
  prefixes: ['/xf/'],
  otherThreads: [threadPath(XF_THREADS[0])],
  answer(url, origin) {
    if (url.search) return null;
    const path = url.pathname;
    if (path === '/xf/' || path === '/xf/forums/') return html(forumList([FORUM]));
    const rest = path.match(/^\/xf\/threads\/(.+)$/)?.[1];
    return rest ? threadAnswer(rest, origin) : null;
  },
  notFound: notFoundPage,
  demo,
};
