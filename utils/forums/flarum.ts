import type { ForumAdapter, PostView, ThreadRef, ThreadView } from './adapter';
import { isoTime, ownWords, pathParser, readPosts, safeUrl, text, threadPages } from './dom-reading';
import { flarumPayload, type FlarumDiscussion } from './flarum-payload';

/**
 * Flarum: `/d/{id}-{slug}`, a single-page app. The server also writes the discussion into
 * `<noscript id="flarum-content">` (20 posts a page, `?page=K`), which is what a reader with
 * scripts off sees, and a JSON payload with the discussion's counts and the posts it shows.
 */
const parse = pathParser('flarum', /\/d\/(\d+)(?:-[^/]*)?(?:\/\d+)?\/?$/);

/** Posts on a page of the server's view (Flarum's Discussion content controller). */
const PER_PAGE = 20;

/** The discussion's own address: its path up to the slug, without a post number or page. */
function discussionAddress(url: string): string | null {
  const u = safeUrl(url);
  const m = u?.pathname.match(/^(.*\/d\/\d+(?:-[^/]*)?)(?:\/\d+)?\/?$/);
  return u && m ? `${u.origin}${m[1]}` : null;
}

/** The app's drawing: the stream's items carry their post number. */
function appPosts(stream: Element): PostView[] {
  return readPosts(stream, {
    post: '.PostStream-item[data-number]',
    content: '.Post-body',
    author: (p) => text(p.querySelector('.PostUser-name .username, .username')),
    time: (p) => isoTime(p.getAttribute('data-time') ?? p.querySelector('time[datetime]')?.getAttribute('datetime')),
    id: (p) => p.getAttribute('data-id') ?? undefined,
    number: (p) => Number(p.getAttribute('data-number')),
  });
}

/**
 * The server's view (scripts off): articles in the order of the payload's posts, which give
 * their numbers; without a payload, numbers follow from the page as the server pages.
 */
function serverPosts(view: Element, url: string, payload: FlarumDiscussion | null): PostView[] {
  const { near, page } = placeIn(url);
  // A post number in the path centres the page on it, as Flarum's ShowDiscussionController does.
  const offset = near > 1 ? Math.max(0, near - 1 - PER_PAGE / 2) : (page - 1) * PER_PAGE;
  return readPosts(view, {
    post: 'article',
    content: '.Post-body',
    author: (p) => text(p.querySelector('.PostUser-name')),
    number: (_p, i) => payload?.posts[i]?.number ?? offset + i + 1,
  }).map((p, i) => {
    const known = payload?.posts[i];
    return known ? { ...p, postId: known.id, author: known.username ?? p.author, time: isoTime(known.createdAt) } : p;
  });
}

/**
 * The post number in the path (0 when none), `?page=K`, and the page the server says it is
 * on: the later of the two, as Flarum's Discussion content controller counts it.
 */
function placeIn(url: string) {
  const u = safeUrl(url);
  const near = Number(u?.pathname.match(/\/d\/[^/]+\/(\d+)\/?$/)?.[1] ?? 0);
  const page = Math.max(1, Number(u?.searchParams.get('page') ?? 1) || 1);
  return { near, page, current: Math.max(page, 1 + Math.floor(near / PER_PAGE)) };
}

/** Whether the server's view links to a later page: the thread goes on past this page. */
function hasNextPage(doc: Document, view: Element, current: number): boolean {
  if (doc.querySelector('link[rel="next"]')) return true;
  return [...view.querySelectorAll('a[href*="page="]')].some(
    (a) => Number(a.getAttribute('href')?.match(/[?&]page=(\d+)/)?.[1] ?? 0) > current,
  );
}

function read(doc: Document, url: string): ThreadView | null {
  const ref: ThreadRef | null = parse(url);
  const address = discussionAddress(url);
  if (!ref || !address) return null;
  const payload = flarumPayload(doc, ref.threadId);
  const stream = doc.querySelector('.PostStream');
  // With scripts on, <noscript> holds text, not elements: only a page without them has articles.
  const view = stream ? null : doc.querySelector('#flarum-content .Post-body')?.closest('#flarum-content');
  if (!stream && !view) return null;

  const posts = stream ? appPosts(stream) : serverPosts(view!, url, payload);
  const title = stream ? text(doc.querySelector('.DiscussionHero-title')) : text(view!.querySelector('h1'));
  if (!title) return null;
  const highestSeen = posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
  // The payload is the first page's: after a move inside the app it names another discussion.
  const scrubber = Number(text(doc.querySelector('.PostStreamScrubber .Scrubber-count')).replace(/[^\d]/g, ''));
  const stated = payload?.commentCount ?? (stream && scrubber > 0 ? scrubber : null);
  const { current } = placeIn(url);
  const more = !!view && stated === null && hasNextPage(doc, view, current);
  const pages = view
    ? threadPages({
        current,
        count: stated ? Math.ceil(stated / PER_PAGE) : current + (more ? 1 : 0),
        stated: PER_PAGE,
        postsHere: posts.length,
        fallback: PER_PAGE,
      })
    : undefined;
  return {
    ...ref,
    title,
    canonicalUrl: address,
    postCount: stated ?? highestSeen,
    ...(stated === null ? { postCountAtLeast: true } : {}),
    highestPostNumber: payload?.lastPostNumber ?? (highestSeen || undefined),
    posts,
    ...(pages ? { pages } : {}),
  };
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isFlarumPage(doc: Document): boolean {
  return !!doc.getElementById('flarum-loading') || !!doc.querySelector('.PostStream .CommentPost');
}

export const flarumAdapter: ForumAdapter = {
  engine: 'flarum',
  detect: isFlarumPage,
  parseThreadUrl: parse,
  readThread: read,
  // Every post has its own address, `/d/{id}-{slug}/{number}`: the app scrolls to it, and
  // the server's view shows the 20 posts around it.
  postAddress: (thread, n) => `${discussionAddress(thread.url) ?? thread.url.replace(/[?#].*$/, '')}/${n}`,
  // Mentions of users, posts, groups and tags name someone; they are not the poster's words.
  ...ownWords('.UserMention, .PostMention, .GroupMention, .TagMention'),
};
