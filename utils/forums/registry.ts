import type { EngineId, ForumAdapter, PageAdapters, ThreadView } from './adapter';
import { detectEngine } from './detect-engine';
import { isAddressOf, vetThread } from './vet-thread';
import { discourseAdapter } from './discourse';
import { OTHER_ADAPTERS } from './other-adapters';
import { knownEngineAt } from './known-forums';

/** Every engine Threadside knows, each engine's reader in full (which one made a page: detect-engine.ts). */
const ADAPTERS: readonly ForumAdapter[] = [discourseAdapter, ...OTHER_ADAPTERS];

/** The engine that made this page; whether the page is a thread is `readThread`'s call. */
export function findAdapter(doc: Document, _url: string): ForumAdapter | null {
  const engine = detectEngine(doc);
  return engine ? adapterFor(engine) : null;
}

export function readThreadFromPage(doc: Document, url: string): ThreadView | null {
  const adapter = findAdapter(doc, url);
  const view = adapter?.readThread(doc, url);
  return view ? vetThread(view, url, adapter!) : null;
}

export function adapterFor(engine: EngineId): ForumAdapter {
  const adapter = ADAPTERS.find((a) => a.engine === engine);
  if (!adapter) throw new Error(`No adapter for ${engine}`);
  return adapter;
}

/** `isAddressOf` (vet-thread.ts) for an engine named by stored or sent data. */
export function isThreadAddress(engine: EngineId, origin: string, threadId: string, url: string): boolean {
  const known = knownEngineAt(origin);
  if (known && known !== engine) return false;
  return ENGINE_IDS.has(engine) && isAddressOf(adapterFor(engine), origin, threadId, url);
}

const ENGINE_IDS = new Set<string>(ADAPTERS.map((a) => a.engine));

/** Which thread a URL points at, whatever the engine, without a page to read. */
export function threadRefFromUrl(url: string) {
  for (const a of ADAPTERS) {
    const ref = a.parseThreadUrl(url);
    if (ref) return ref;
  }
  return null;
}

/** Every reader at hand, as a page would have them once all were loaded (tools and tests). */
export const allAdapters: PageAdapters = {
  detect: detectEngine,
  loaded: adapterFor,
  load: (engine) => Promise.resolve(adapterFor(engine)),
};
