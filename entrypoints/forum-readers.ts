import type { EngineId, ForumAdapter } from '../utils/forums/adapter';
import { OTHER_ADAPTERS } from '../utils/forums/other-adapters';
import { FORUM_READERS } from '../utils/page/part-keys';

/**
 * The readers of every engine but Discourse's (whose reader comes with the start script: the
 * forums Threadside knows out of the box run Discourse), injected by the background into a
 * forum page's content-script world when the page turns out to be another engine's. Kept
 * out of the script every forum page compiles at start, which carries only their tests.
 */
export default defineUnlistedScript(() => {
  const readers: Partial<Record<EngineId, ForumAdapter>> = {};
  for (const a of OTHER_ADAPTERS) readers[a.engine] = a;
  (globalThis as Record<string, unknown>)[FORUM_READERS] = readers;
});
