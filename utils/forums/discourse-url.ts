import type { ThreadRef } from './adapter';

/**
 * Discourse topic URLs: /t/slug/ID, /t/slug/ID/POST, /t/ID, /t/ID/POST, …/last, also under
 * a subfolder install (/forum/t/…). The JSON and RSS forms are data, not pages to read.
 */
const TOPIC_PATH = /^(?:\/[^/]+)*?\/t\/(?:([^/]+)\/)?(\d+)(?:\/(\d+|last))?\/?$/;

/**
 * The same few addresses (the page's, its canonical link) are read again on every change to
 * a topic's stream; parsing a URL is the costly part.
 */
const recent = new Map<string, ThreadRef | null>();

export function parseDiscourseTopicUrl(url: string): ThreadRef | null {
  let ref = recent.get(url);
  if (ref === undefined) {
    ref = parseTopicUrl(url);
    if (recent.size >= 8) recent.delete(recent.keys().next().value!);
    recent.set(url, ref);
  }
  return ref && { ...ref };
}

function parseTopicUrl(url: string): ThreadRef | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const m = parsed.pathname.match(TOPIC_PATH);
  if (!m) return null;
  // "/t/123" parses with the id as slug when the slug group is greedy: guard the shapes.
  const [, slug, id, post] = m;
  if (slug !== undefined && /^\d+$/.test(slug) && post === undefined) {
    // /t/123/4 is topic 123 post 4, not slug "123" topic 4.
    return { engine: 'discourse', origin: parsed.origin, threadId: slug, postNumber: Number(id) };
  }
  const ref: ThreadRef = { engine: 'discourse', origin: parsed.origin, threadId: id };
  if (post !== undefined && post !== 'last') ref.postNumber = Number(post);
  return ref;
}

export function discourseTopicUrl(origin: string, id: string | number, slug?: string, postNumber?: number): string {
  const path = slug ? `/t/${slug}/${id}` : `/t/${id}`;
  return `${origin}${path}${postNumber && postNumber > 1 ? `/${postNumber}` : ''}`;
}
