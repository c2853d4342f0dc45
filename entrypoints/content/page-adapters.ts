import type { EngineId, ForumAdapter, PageAdapters } from '../../utils/forums/adapter';
import { detectEngine } from '../../utils/forums/detect-engine';
import { discourseAdapter } from '../../utils/forums/discourse';
import { askBackground } from '../../utils/browser/messages';
import { FORUM_READERS, partIn } from '../../utils/page/part-keys';

const injected = (engine: EngineId) => {
  const reader = (partIn(FORUM_READERS) as Partial<Record<EngineId, ForumAdapter>> | undefined)?.[engine];
  return reader?.engine === engine ? reader : null;
};

let loading: Promise<void> | null = null;

/**
 * The engines' readers in this page. Discourse's comes with this script; the others are
 * injected by the background (entrypoints/forum-readers.ts) the first time a page of theirs
 * is found: 23 kB of the start script (84 kB) that most forum pages compiled for nothing.
 */
export const pageAdapters: PageAdapters = {
  detect: detectEngine,
  loaded: (engine) => (engine === 'discourse' ? discourseAdapter : injected(engine)),
  async load(engine) {
    const now = pageAdapters.loaded(engine);
    if (now) return now;
    // Injecting fails when the page is on its way out (Firefox), or while the extension is
    // being updated: asked again at the next reading of the page.
    await (loading ??= askBackground('forumReaders', null).then(
      () => undefined,
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));
    const loaded = pageAdapters.loaded(engine);
    if (!loaded) throw new Error(`No reader for ${engine} in forum-readers.js`);
    return loaded;
  },
};

/** The reader of a thread already read on this page (so its reader is here). */
export function readerOf(engine: EngineId): ForumAdapter {
  const adapter = pageAdapters.loaded(engine);
  if (!adapter) throw new Error(`The ${engine} reader is not loaded`);
  return adapter;
}
