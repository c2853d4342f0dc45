import type { ForumAdapter, ThreadView } from './adapter';
import { ownWords, pathParser, readPosts, safeUrl, text } from './dom-reading';

/** Khoros (Lithium) communities: `/t5/{board}/{slug}/td-p/{id}`, messages in linear view. */
const parse = pathParser('khoros', /\/t5\/[^/]+\/[^/]+\/(?:td-p|m-p)\/(\d+)/);

export const khorosAdapter: ForumAdapter = {
  engine: 'khoros',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) => !!doc.querySelector('body.lia-body, .lia-message-body-content'),
  parseThreadUrl: parse,
  readThread(doc, url): ThreadView | null {
    const canonical = new URL(doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '', url).href;
    const fromUrl = parse(url);
    const ref = fromUrl ?? parse(canonical);
    if (!ref) return null;
    ref.origin = safeUrl(url)?.origin ?? ref.origin;
    const posts = readPosts(doc, {
      post: '.lia-linear-display-message-view',
      content: '.lia-message-body-content',
      author: (p) => text(p.querySelector('.lia-user-name-link')),
      id: (p) => p.querySelector('[data-lia-message-uid]')?.getAttribute('data-lia-message-uid') ?? undefined,
    });
    if (posts.length === 0) return null;
    return {
      ...ref,
      title: text(doc.querySelector('.lia-message-subject')),
      canonicalUrl: fromUrl ? url : canonical,
      postCount: posts.length,
      posts,
    };
  },
};
