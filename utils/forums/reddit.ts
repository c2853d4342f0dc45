import type { ForumAdapter, PostView, ThreadRef, ThreadView } from './adapter';
import { isoTime, ownWords, pathParser, readPosts, safeUrl, text } from './dom-reading';

/**
 * Reddit, new (shreddit web components, content in light DOM slots) and old
 * (`div.thing`). The post is number 1; comments follow in page order.
 */
const COMMENTS_PATH = /\/r\/[^/]+\/comments\/([a-z0-9]+)(?:\/|$)/i;

const parse = pathParser('reddit', COMMENTS_PATH, (id) => id.toLowerCase());

/**
 * The thread's total: the comments the post states, plus the post. Comments beyond the first
 * screenful wait behind "more replies", so without that statement the page's count is only a
 * lower bound.
 */
function total(stated: string | null, onPage: number): Pick<ThreadView, 'postCount' | 'postCountAtLeast'> {
  const comments = stated !== null && /^\d+$/.test(stated.trim()) ? Number(stated) : NaN;
  return Number.isFinite(comments) ? { postCount: comments + 1 } : { postCount: onPage, postCountAtLeast: true };
}

/** The thread's own address, whichever comment's permalink (or query) `url` names. */
function threadAddress(url: string): string {
  const u = safeUrl(url);
  const m = u?.pathname.match(/^(.*?\/r\/[^/]+\/comments\/[a-z0-9]+)(?:\/([^/]*))?/i);
  return u && m ? `${u.origin}${m[1]}/${m[2] ? `${m[2]}/` : ''}` : url.replace(/[?#].*$/, '');
}

function readNew(doc: Document, ref: ThreadRef, url: string): ThreadView | null {
  const post = doc.querySelector('shreddit-post');
  if (!post) return null;
  const body = post.querySelector('[slot="text-body"]');
  const posts: PostView[] = [];
  if (body)
    posts.push({
      postNumber: 1,
      author: post.getAttribute('author') ?? '',
      time: isoTime(post.getAttribute('created-timestamp')),
      contentElement: body,
    });
  const comments = readPosts(doc, {
    post: 'shreddit-comment',
    content: '[slot="comment"]',
    author: (c) => c.getAttribute('author') ?? '',
    time: (c) => isoTime(c.getAttribute('created')),
    id: (c) => c.getAttribute('thingid') ?? undefined,
    number: (_c, i) => i + 2,
  });
  posts.push(...comments);
  return {
    ...ref,
    title: post.getAttribute('post-title') ?? text(post.querySelector('[slot="title"]')),
    canonicalUrl: new URL(post.getAttribute('permalink') ?? url, url).href,
    ...total(post.getAttribute('comment-count'), posts.length),
    posts,
  };
}

function readOld(doc: Document, ref: ThreadRef, url: string): ThreadView | null {
  const link = doc.querySelector('#siteTable div.thing.link');
  if (!link) return null;
  const posts: PostView[] = [];
  const body = link.querySelector('.usertext-body .md');
  if (body)
    posts.push({
      postNumber: 1,
      author: link.getAttribute('data-author') ?? '',
      time: isoTime(link.getAttribute('data-timestamp')),
      contentElement: body,
    });
  posts.push(
    ...readPosts(doc.querySelector('.commentarea') ?? doc, {
      post: '.thing.comment',
      content: '.usertext-body .md',
      author: (c) => c.getAttribute('data-author') ?? text(c.querySelector('.author')),
      time: (c) => isoTime(c.querySelector('time[datetime]')?.getAttribute('datetime')),
      id: (c) => c.getAttribute('data-fullname') ?? undefined,
      number: (_c, i) => i + 2,
    }),
  );
  return {
    ...ref,
    title: text(link.querySelector('a.title')),
    canonicalUrl: new URL(link.getAttribute('data-url') ?? url, url).href,
    ...total(link.getAttribute('data-comments-count'), posts.length),
    posts,
  };
}

/** Whether the page comes from this engine: run on every forum page at start, so cheap. */
export function isRedditPage(doc: Document): boolean {
  return (
    !!doc.querySelector('shreddit-app, shreddit-post') ||
    /^reddit$/i.test(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '')
  );
}

export const redditAdapter: ForumAdapter = {
  engine: 'reddit',
  // A thread is one page: comments have permalinks, but post n is the n-th in page order,
  // which only the page knows. The thread's address it is, and Threadside scrolls from there.
  postAddress: (thread) => threadAddress(thread.url),
  // Loaders ("3 more replies") and the comment's action row are Reddit's, not the poster's.
  ...ownWords('faceplate-partial, [slot="actionRow"], shreddit-comment-action-row, .usertext-edit'),
  detect: isRedditPage,
  parseThreadUrl: parse,
  readThread: (doc, url) => {
    const ref = parse(url);
    return ref ? (readNew(doc, ref, url) ?? readOld(doc, ref, url)) : null;
  },
};
