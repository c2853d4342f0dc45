import type { ForumAdapter, ThreadView } from './adapter';
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
