import type { ForumAdapter, ThreadView } from './adapter';
import { safeUrl } from './dom-reading';

/**
 * Whether `url` is the address of thread `threadId` on the forum at `origin`, by `adapter`'s
 * engine: http(s), on that origin, no user name or password in it, and of the engine's own
 * thread shape. Saved threads are requested, opened and shown by this address, so nothing
 * else may stand there.
 */
export function isAddressOf(adapter: ForumAdapter, origin: string, threadId: string, url: string): boolean {
  const u = safeUrl(url);
  if (!u || u.origin !== origin || u.username || u.password) return false;
  const ref = adapter.parseThreadUrl(u.href);
  return ref !== null && ref.origin === origin && ref.threadId === threadId;
}

/**
 * A page's word about itself counts for its own origin only. Canonical links, link posts'
 * targets and the like can name any address: where the one read is not this thread's own,
 * the page's address stands instead, and a page that claims another forum is no thread.
 * `adapter` is the engine's that read `view`.
 */
export function vetThread(view: ThreadView, pageUrl: string, adapter: ForumAdapter): ThreadView | null {
  const page = safeUrl(pageUrl);
  if (!page || view.origin !== page.origin || view.engine !== adapter.engine) return null;
  if (isAddressOf(adapter, view.origin, view.threadId, view.canonicalUrl)) return view;
  const ref = adapter.parseThreadUrl(page.href);
  if (!ref || ref.origin !== page.origin) return null;
  page.hash = '';
  return { ...view, threadId: ref.threadId, canonicalUrl: page.href };
}
