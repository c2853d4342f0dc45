import type { ForumAdapter, PostView, ThreadRef, ThreadView } from './adapter';
import { isoTime, ownWords, pathParser, readPosts, text } from './dom-reading';

/**
 * Reddit, new (shreddit web components, content in light DOM slots) and old
 * (`div.thing`). The post is number 1; comments follow in page order.
 */
const COMMENTS_PATH = /\/r\/[^/]+\/comments\/([a-z0-9]+)(?:\/|$)/i;

const parse = pathParser('reddit', COMMENTS_PATH, (id) => id.toLowerCase());

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
  const count = Number(post.getAttribute('comment-count'));
  return {
    ...ref,
    title: post.getAttribute('post-title') ?? text(post.querySelector('[slot="title"]')),
    canonicalUrl: new URL(post.getAttribute('permalink') ?? url, url).href,
    postCount: Number.isFinite(count) ? count + 1 : posts.length,
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
  const count = Number(link.getAttribute('data-comments-count'));
  return {
    ...ref,
    title: text(link.querySelector('a.title')),
    canonicalUrl: new URL(link.getAttribute('data-url') ?? url, url).href,
    postCount: Number.isFinite(count) ? count + 1 : posts.length,
    posts,
  };
}

export const redditAdapter: ForumAdapter = {
  engine: 'reddit',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) =>
    !!doc.querySelector('shreddit-app, shreddit-post') ||
    /^reddit$/i.test(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? ''),
  parseThreadUrl: parse,
  readThread: (doc, url) => {
    const ref = parse(url);
    return ref ? (readNew(doc, ref, url) ?? readOld(doc, ref, url)) : null;
  },
};
