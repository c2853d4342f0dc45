import type { ForumAdapter, ThreadView } from './adapter';
import { isoTime, ownWords, pathParser, readPosts, text } from './dom-reading';

/** NodeBB: `/topic/{tid}/{slug}`, posts as `li[component=post]` with their index. */
const parse = pathParser('nodebb', /\/topic\/(\d+)(?:\/|$)/);

export const nodebbAdapter: ForumAdapter = {
  engine: 'nodebb',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) => !!doc.querySelector('script[src*="nodebb.min.js"], [component="topic"][data-tid]'),
  parseThreadUrl: parse,
  readThread(doc, url): ThreadView | null {
    const ref = parse(url);
    const topic = doc.querySelector('[component="topic"]');
    if (!ref || !topic) return null;
    const posts = readPosts(topic, {
      post: 'li[component="post"][data-index]',
      content: '[component="post/content"]',
      author: (p) => p.getAttribute('data-username') ?? '',
      time: (p) => isoTime(p.getAttribute('data-timestamp')),
      id: (p) => p.getAttribute('data-pid') ?? undefined,
      number: (p) => Number(p.getAttribute('data-index')) + 1,
    });
    return {
      ...ref,
      title: text(doc.querySelector('[component="topic/title"]')),
      canonicalUrl: url,
      postCount: posts.reduce((m, p) => Math.max(m, p.postNumber), 0),
      posts,
    };
  },
};
