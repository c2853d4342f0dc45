import type { EngineId, ForumAdapter, ThreadView } from './adapter';
import { safeUrl } from './dom-reading';
import { discourseAdapter } from './discourse';
import { flarumAdapter } from './flarum';
import { healthUnlockedAdapter } from './healthunlocked';
import { invisionAdapter } from './invision';
import { khorosAdapter } from './khoros';
import { nodebbAdapter } from './nodebb';
import { vbulletinAdapter } from './vbulletin';
import { phpbbAdapter } from './phpbb';
import { redditAdapter } from './reddit';
import { schemaOrgAdapter } from './schema-org';
import { xenforoAdapter } from './xenforo';

/**
 * Every engine Threadside knows. Detection stops at the first match, so the generic
 * schema.org reader comes last: Discourse's crawler view carries that markup too.
 */
const ADAPTERS: readonly ForumAdapter[] = [
  discourseAdapter,
  phpbbAdapter,
  xenforoAdapter,
  vbulletinAdapter,
  invisionAdapter,
  flarumAdapter,
  nodebbAdapter,
  khorosAdapter,
  healthUnlockedAdapter,
  redditAdapter,
  schemaOrgAdapter,
];

/** The engine that made this page; whether the page is a thread is `readThread`'s call. */
export function findAdapter(doc: Document, _url: string): ForumAdapter | null {
  return ADAPTERS.find((a) => a.detect(doc)) ?? null;
}

export function readThreadFromPage(doc: Document, url: string): ThreadView | null {
  const view = findAdapter(doc, url)?.readThread(doc, url);
  return view ? vetThread(view, url) : null;
}

export function adapterFor(engine: EngineId): ForumAdapter {
  const adapter = ADAPTERS.find((a) => a.engine === engine);
  if (!adapter) throw new Error(`No adapter for ${engine}`);
  return adapter;
}

/**
 * Whether `url` is the address of thread `threadId` on the forum at `origin`: http(s), on that
 * origin, no user name or password in it, and of the engine's own thread shape. Saved
 * threads are requested, opened and shown by this address, so nothing else may stand there.
 */
export function isThreadAddress(engine: EngineId, origin: string, threadId: string, url: string): boolean {
  const u = safeUrl(url);
  if (!u || u.origin !== origin || u.username || u.password) return false;
  const ref = ENGINE_IDS.has(engine) ? adapterFor(engine).parseThreadUrl(u.href) : null;
  return ref !== null && ref.origin === origin && ref.threadId === threadId;
}

const ENGINE_IDS = new Set<string>(ADAPTERS.map((a) => a.engine));

/**
 * A page's word about itself counts for its own origin only. Canonical links, link posts'
 * targets and the like can name any address: where the one read is not this thread's own,
 * the page's address stands instead, and a page that claims another forum is no thread.
 */
export function vetThread(view: ThreadView, pageUrl: string): ThreadView | null {
  const page = safeUrl(pageUrl);
  if (!page || view.origin !== page.origin) return null;
  if (isThreadAddress(view.engine, view.origin, view.threadId, view.canonicalUrl)) return view;
  const ref = adapterFor(view.engine).parseThreadUrl(page.href);
  if (!ref || ref.origin !== page.origin) return null;
  page.hash = '';
  return { ...view, threadId: ref.threadId, canonicalUrl: page.href };
}

/** Which thread a URL points at, whatever the engine, without a page to read. */
export function threadRefFromUrl(url: string) {
  for (const a of ADAPTERS) {
    const ref = a.parseThreadUrl(url);
    if (ref) return ref;
  }
  return null;
}
