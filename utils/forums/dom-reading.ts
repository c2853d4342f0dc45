import type { EngineId, PostView, ThreadRef } from './adapter';

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
