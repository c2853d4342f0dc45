import type { EngineId } from './adapter';
import { isDiscourse } from './discourse';
import { isFlarumPage } from './flarum';
import { isHealthUnlockedPage } from './healthunlocked';
import { isInvisionPage } from './invision';
import { isKhorosPage } from './khoros';
import { isNodebbPage } from './nodebb';
import { isPhpbbPage } from './phpbb';
import { isRedditPage } from './reddit';
import { isSchemaOrgPage } from './schema-org';
import { isVbulletinPage } from './vbulletin';
import { isXenforoPage } from './xenforo';

/**
 * Which engine made a page, by each engine's own cheap test, without its reader: every forum
 * page runs this at start, while an engine's reader is loaded only where it is needed
 * (entrypoints/content/page-adapters.ts). Detection stops at the first match, so the generic
 * schema.org test comes last: Discourse's crawler view carries that markup too.
 */
const DETECTORS: readonly (readonly [EngineId, (doc: Document) => boolean])[] = [
  ['discourse', isDiscourse],
  ['phpbb', isPhpbbPage],
  ['xenforo', isXenforoPage],
  ['vbulletin', isVbulletinPage],
  ['invision', isInvisionPage],
  ['flarum', isFlarumPage],
  ['nodebb', isNodebbPage],
  ['khoros', isKhorosPage],
  ['healthunlocked', isHealthUnlockedPage],
  ['reddit', isRedditPage],
  ['schema-org', isSchemaOrgPage],
];

/** The engine that made this page; whether the page is a thread is its reader's call. */
export function detectEngine(doc: Document): EngineId | null {
  return DETECTORS.find(([, detect]) => detect(doc))?.[0] ?? null;
}

/** Each engine's test, for checking that adapters test pages the same way. */
export const engineDetectors = (): ReadonlyMap<EngineId, (doc: Document) => boolean> => new Map(DETECTORS);
