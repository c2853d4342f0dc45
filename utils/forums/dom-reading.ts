import type { EngineId, PostView, ThreadPages, ThreadRef } from './adapter';

/** Small helpers the engine adapters share for reading posts out of server-rendered pages. */
export const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) * (value.length <= 10 ? 1000 : 1) : Date.parse(value);
  return Number.isFinite(n) && n > 0 ? new Date(n).toISOString() : undefined;
}

export interface PostSelectors {
  post: string;
  content: string;
  author: (post: Element) => string;
  time?: (post: Element) => string | undefined;
  id?: (post: Element) => string | undefined;
  /** The post's number in the thread; by default its position among the posts read. */
  number?: (post: Element, index: number) => number | undefined;
}

export function readPosts(root: ParentNode, s: PostSelectors): PostView[] {
  const posts: PostView[] = [];
  root.querySelectorAll(s.post).forEach((el, i) => {
    const content = el.querySelector(s.content);
    if (!content) return;
    const postNumber = s.number?.(el, i) ?? i + 1;
    if (!Number.isInteger(postNumber) || postNumber < 1) return;
    posts.push({ postNumber, postId: s.id?.(el), author: s.author(el), time: s.time?.(el), contentElement: content });
  });
  return posts;
}

export function safeUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** A thread-URL parser for engines whose thread id is the first group of a path pattern. */
export function pathParser(engine: EngineId, pattern: RegExp, normalise: (id: string) => string = (id) => id) {
  return (url: string): ThreadRef | null => {
    const u = safeUrl(url);
    const m = u?.pathname.match(pattern);
    return u && m ? { engine, origin: u.origin, threadId: normalise(m[1]) } : null;
  };
}

/** Never the poster's own words, whatever the engine: quotes, code, scripts, controls. */
export const NOT_OWN_WORDS_ANYWHERE = 'blockquote, pre, code, script, style, noscript, template, button, svg, textarea';

const BLOCKS = new Set([
  'P',
  'LI',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
  'TR',
  'UL',
  'OL',
  'DL',
  'DD',
]);

/**
 * The text of a post's content element, less the parts `notOwnWords` names; blocks become
 * paragraphs (separated by a blank line) and `<br>` a new line, so sentences stay apart.
 */
export function readableText(content: Element, notOwnWords: string): string {
  const parts: string[] = [''];
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) parts[parts.length - 1] += (n as Text).data;
      else if (n.nodeType === 1) {
        const child = n as Element;
        if (child.matches(notOwnWords)) continue;
        if (child.tagName === 'BR') parts[parts.length - 1] += '\n';
        else if (BLOCKS.has(child.tagName)) {
          parts.push('');
          walk(child);
          parts.push('');
        } else walk(child);
      }
    }
  };
  walk(content);
  return parts
    .map((t) =>
      t
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/**
 * An engine's `notOwnWords` and `postText`, from the selectors of its own furniture.
 * `ownBlocks` names elements that hold the poster's words although the list above would skip
 * them: vBulletin 4 wraps every post's text in a `blockquote`.
 */
export function ownWords(
  engineParts: string,
  ownBlocks?: string,
): { notOwnWords: string; postText: (content: Element) => string } {
  const anywhere = ownBlocks
    ? NOT_OWN_WORDS_ANYWHERE.split(', ')
        .map((s) => `${s}:not(${ownBlocks})`)
        .join(', ')
    : NOT_OWN_WORDS_ANYWHERE;
  const notOwnWords = engineParts ? `${anywhere}, ${engineParts}` : anywhere;
  return { notOwnWords, postText: (content) => readableText(content, notOwnWords) };
}

/** The page (1-based) that holds post `n` when each full page holds `perPage` posts. */
export const pageOf = (n: number, perPage: number) => Math.max(1, Math.ceil(n / Math.max(1, perPage)));

/**
 * A thread's pages as the reader sees them: this page, the page count, posts on a full page.
 * `perPage` is what the engine is set to when a page says so (a link to page 2 starting at
 * post 21), else the posts on a page that is not the last, else the engine's default.
 */
export function threadPages(p: {
  current: number;
  count: number;
  stated?: number;
  postsHere: number;
  fallback: number;
}): ThreadPages | undefined {
  if (!(p.count > 1)) return undefined;
  const perPage = p.stated && p.stated > 0 ? p.stated : p.current < p.count ? p.postsHere : p.fallback;
  return { current: Math.min(p.current, p.count), count: p.count, perPage: Math.max(1, perPage) };
}

/**
 * The forum section a thread sits in, as the page names it for sharing and search (Discourse
 * writes each level as `og:article:section`; others `article:section` or schema.org's
 * articleSection). Its words count as cues for the glossary in
 * every post ("Myeloma" makes "MM" safe).
 */
export function pageCategory(doc: Document): string {
  const metas = doc.querySelectorAll(
    'meta[property="og:article:section"], meta[property="article:section"], meta[itemprop="articleSection"]',
  );
  return [...metas]
    .map((m) => m.getAttribute('content') ?? '')
    .join(' / ')
    .slice(0, 200);
}
