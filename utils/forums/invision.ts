import type { ForumAdapter, ThreadView } from './adapter';
import { isoTime, ownWords, pathParser, readPosts, safeUrl, text } from './dom-reading';

/** Invision Community 4 and 5: `/topic/{id}-{slug}/`, posts as `article.cPost` or `.ipsEntry--post`. */
const parse = pathParser('invision', /\/topic\/(\d+)(?:-[^/]*)?(?:\/|$)/);

export const invisionAdapter: ForumAdapter = {
  engine: 'invision',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) => !!doc.querySelector('body.ipsApp, body[data-pageapp="forums"]'),
  parseThreadUrl: parse,
  readThread(doc, url): ThreadView | null {
    const ref = parse(url);
    if (!ref || doc.body?.getAttribute('data-pagecontroller') !== 'topic') return null;
    const page = Number(safeUrl(url)?.pathname.match(/\/page\/(\d+)/)?.[1] ?? 1);
    const posts = readPosts(doc, {
      post: 'article.cPost, article.ipsEntry--post',
      content: '[data-role="commentContent"]',
      author: (p) => text(p.querySelector('.cAuthorPane_author, .ipsEntry__username')),
      time: (p) => isoTime(p.querySelector('time[datetime]')?.getAttribute('datetime')),
      id: (p) => p.id.replace('elComment_', ''),
      number: (_p, i) => (page - 1) * 25 + i + 1,
    });
    return {
      ...ref,
      title: text(doc.querySelector('h1.ipsType_pageTitle, h1')),
      canonicalUrl: url,
      postCount: posts.reduce((m, p) => Math.max(m, p.postNumber), 0),
      posts,
    };
  },
};
