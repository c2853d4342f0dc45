import type { ForumAdapter, ThreadView } from './adapter';
import { discourseAdapter } from './discourse';

/** Every engine Threadside knows, most common first: detection stops at the first match. */
export const ADAPTERS: readonly ForumAdapter[] = [discourseAdapter];

export function findAdapter(doc: Document, url: string): ForumAdapter | null {
  return ADAPTERS.find((a) => a.detect(doc) && a.parseThreadUrl(url) !== null) ?? null;
}

export function readThreadFromPage(doc: Document, url: string): ThreadView | null {
  return findAdapter(doc, url)?.readThread(doc, url) ?? null;
}

/** Which thread a URL points at, whatever the engine, without a page to read. */
export function threadRefFromUrl(url: string) {
  for (const a of ADAPTERS) {
    const ref = a.parseThreadUrl(url);
    if (ref) return ref;
  }
  return null;
}
