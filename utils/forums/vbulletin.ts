import type { ForumAdapter, ThreadRef, ThreadView } from './adapter';
import { ownWords, readPosts, safeUrl, text } from './dom-reading';

/** vBulletin 4 (`ol#posts`) and 5/6 (`.conversation-list`), thread id from `t=` or the path. */
function parse(url: string): ThreadRef | null {
  const u = safeUrl(url);
  if (!u) return null;
  const t =
    u.searchParams.get('t') ??
    u.pathname.match(/\/(\d+)-[^/]*$/)?.[1] ??
    u.pathname.match(/showthread\.php\/(\d+)/)?.[1];
  return t && /^\d+$/.test(t) ? { engine: 'vbulletin', origin: u.origin, threadId: t } : null;
}

export const vbulletinAdapter: ForumAdapter = {
  engine: 'vbulletin',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) =>
    /^vBulletin/i.test(doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '') ||
    doc.documentElement.id === 'vbulletin_html' ||
    doc.body?.id === 'vb-page-body',
  parseThreadUrl: parse,
  readThread(doc, url): ThreadView | null {
    const ref = parse(url);
    if (!ref) return null;
    const v4 = readPosts(doc, {
      post: 'ol#posts > li[id^="post_"]',
      content: '[id^="post_message_"]',
      author: (p) => text(p.querySelector('.username')),
      id: (p) => p.id.replace('post_', ''),
      number: (p, i) => Number(text(p.querySelector('.postcounter')).replace('#', '')) || i + 1,
    });
    const posts = v4.length
      ? v4
      : readPosts(doc, {
          post: '.conversation-list > li[data-node-id]',
          content: '.b-post__content [itemprop="text"], .js-post__content-text',
          author: (p) => text(p.querySelector('.author [itemprop="name"], .b-userinfo__details .author')),
          id: (p) => p.getAttribute('data-node-id') ?? undefined,
        });
    if (posts.length === 0) return null;
    return {
      ...ref,
      title: text(doc.querySelector('.threadtitle, h1.main-title, #pagetitle h1')),
      canonicalUrl: url,
      postCount: posts.reduce((m, p) => Math.max(m, p.postNumber), 0),
      posts,
    };
  },
};
