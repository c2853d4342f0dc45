import type { ForumAdapter } from './adapter';
import { flarumAdapter } from './flarum';
import { healthUnlockedAdapter } from './healthunlocked';
import { invisionAdapter } from './invision';
import { khorosAdapter } from './khoros';
import { nodebbAdapter } from './nodebb';
import { phpbbAdapter } from './phpbb';
import { redditAdapter } from './reddit';
import { schemaOrgAdapter } from './schema-org';
import { vbulletinAdapter } from './vbulletin';
import { xenforoAdapter } from './xenforo';

/**
 * Every engine's reader but Discourse's, whose comes with the script every forum page
 * compiles at start; these come only to a page another engine made (forum-readers.ts).
 */
export const OTHER_ADAPTERS: readonly ForumAdapter[] = [
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
