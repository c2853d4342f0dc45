import type { ForumAdapter, ThreadRef, ThreadView } from './adapter';
import { isoTime, ownWords, readPosts, safeUrl, text } from './dom-reading';

/** phpBB 3.x (prosilver and styles built on it): server-rendered, `viewtopic.php?t=`. */
function parse(url: string): ThreadRef | null {
  const u = safeUrl(url);
  if (!u || !/\/viewtopic\.php$/.test(u.pathname)) return null;
  const t = u.searchParams.get('t');
  if (!t || !/^\d+$/.test(t)) return null;
  return { engine: 'phpbb', origin: u.origin, threadId: t };
}

function read(doc: Document, url: string): ThreadView | null {
  if (!doc.body?.classList.contains('section-viewtopic')) return null;
  // A post link (?p=123) names no topic: the canonical link or the reply form does.
  const ref: ThreadRef | null =
    parse(url) ??
    parse(new URL(doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '', url).href) ??
    parse(
      new URL(
        doc.querySelector('form#qr_postform, form[action*="posting.php"]')?.getAttribute('action') ?? '',
        url,
      ).href.replace('posting.php', 'viewtopic.php'),
    );
  if (!ref) return null;
  // The page's own origin names the forum, whatever a canonical link says.
  ref.origin = safeUrl(url)?.origin ?? ref.origin;
  const start = Number(safeUrl(url)?.searchParams.get('start') ?? 0) || 0;
  const posts = readPosts(doc, {
    post: 'div.post[id^="p"]',
    content: '.content',
    author: (p) =>
      text(
        p.querySelector(
          '.author .username, .author .username-coloured, .postprofile .username, .postprofile .username-coloured',
        ),
      ),
    time: (p) => isoTime(p.querySelector('.author time[datetime], time[datetime]')?.getAttribute('datetime')),
    id: (p) => p.id.slice(1),
    number: (_p, i) => start + i + 1,
  });
  const total = Number(
    text(doc.querySelector('.pagination'))
      .match(/([\d,]+)\s+posts?/i)?.[1]
      ?.replace(/,/g, ''),
  );
  const highestSeen = posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
  return {
    ...ref,
    title: text(doc.querySelector('h2.topic-title')) || doc.title.split(' - ')[0],
    canonicalUrl: `${ref.origin}${safeUrl(url)?.pathname ?? '/viewtopic.php'}?t=${ref.threadId}`,
    postCount: Number.isFinite(total) && total > 0 ? total : highestSeen,
    posts,
  };
}

export const phpbbAdapter: ForumAdapter = {
  engine: 'phpbb',
  // TODO(#13): the engine's own post address and furniture.
  postAddress: (thread) => thread.url,
  ...ownWords(''),
  detect: (doc) => doc.body?.id === 'phpbb' || !!doc.querySelector('meta[name="generator"][content^="phpBB" i]'),
  parseThreadUrl: parse,
  readThread: read,
};
