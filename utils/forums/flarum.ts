import type { ForumAdapter, ThreadView } from './adapter';
import { isoTime, ownWords, pathParser, readPosts, text } from './dom-reading';

/** Flarum: `/d/{id}-{slug}`, a single-page app whose stream items carry their number. */
const parse = pathParser('flarum', /\/d\/(\d+)(?:-[^/]*)?(?:\/\d+)?\/?$/);

export const flarumAdapter: ForumAdapter = {
  engine: 'flarum',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) => !!doc.getElementById('flarum-loading') || !!doc.querySelector('.PostStream .CommentPost'),
  parseThreadUrl: parse,
  readThread(doc, url): ThreadView | null {
    const ref = parse(url);
    const stream = doc.querySelector('.PostStream');
    if (!ref || !stream) return null;
    const posts = readPosts(stream, {
      post: '.PostStream-item[data-number]',
      content: '.Post-body',
      author: (p) => text(p.querySelector('.PostUser-name .username, .username')),
      time: (p) => isoTime(p.getAttribute('data-time') ?? p.querySelector('time[datetime]')?.getAttribute('datetime')),
      id: (p) => p.getAttribute('data-id') ?? undefined,
      number: (p) => Number(p.getAttribute('data-number')),
    });
    return {
      ...ref,
      title: text(doc.querySelector('.DiscussionHero-title')),
      canonicalUrl: url,
      postCount: posts.reduce((m, p) => Math.max(m, p.postNumber), 0),
      posts,
    };
  },
};
