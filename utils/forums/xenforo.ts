import type { ForumAdapter, ThreadView } from './adapter';
import { isoTime, ownWords, pathParser, readPosts, safeUrl, text } from './dom-reading';

/** XenForo 2: `/threads/slug.123/`, posts as `article.message--post`. */
const THREAD_PATH = /\/threads\/(?:[^/]*\.)?(\d+)(?:\/|$)/;

const parse = pathParser('xenforo', THREAD_PATH);

function read(doc: Document, url: string): ThreadView | null {
  const html = doc.documentElement;
  if (html.getAttribute('data-template') !== 'thread_view' && doc.body?.getAttribute('data-template') !== 'thread_view')
    return null;
  const ref =
    parse(url) ?? parse(new URL(doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '', url).href);
  if (!ref) return null;
  // The page's own origin names the forum, whatever a canonical link says.
  ref.origin = safeUrl(url)?.origin ?? ref.origin;
  const posts = readPosts(doc, {
    post: 'article.message--post[data-content^="post-"]',
    content: '.message-body .bbWrapper',
    author: (p) => p.getAttribute('data-author') ?? text(p.querySelector('.message-name .username')),
    time: (p) => isoTime(p.querySelector('time.u-dt[datetime]')?.getAttribute('datetime')),
    id: (p) => p.getAttribute('data-content')?.replace('post-', ''),
    number: (p, i) => Number(text(p.querySelector('.message-attribution-opposite')).match(/#(\d+)/)?.[1]) || i + 1,
  });
  const highestSeen = posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
  const canonical = doc.querySelector('link[rel=canonical]')?.getAttribute('href');
  return {
    ...ref,
    title: text(doc.querySelector('h1.p-title-value')),
    canonicalUrl: canonical ? new URL(canonical, url).href : url,
    postCount: highestSeen,
    posts,
  };
}

export const xenforoAdapter: ForumAdapter = {
  engine: 'xenforo',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) => doc.documentElement.id === 'XF' && doc.documentElement.hasAttribute('data-xf'),
  parseThreadUrl: parse,
  readThread: read,
};
