import type { EngineLab, LabAnswer } from './engines/engine-lab';
import { html } from './engines/engine-lab';
import { flarumLab } from './engines/flarum';
import { invisionLab } from './engines/invision';
import { nodebbLab } from './engines/nodebb';
import { phpbbLab } from './engines/phpbb';
import { redditLab } from './engines/reddit';
import { schemaOrgLab } from './engines/schema-org';
import { vbulletinLab } from './engines/vbulletin';
import { healthUnlockedLab } from './engines/healthunlocked';
import { khorosLab } from './engines/khoros';
import { xenforoLab } from './engines/xenforo';

/**
 * The demo forums of the engines other than Discourse, each under its own path prefixes
 * (see `engines/`). Their servers render on the server, as these do.
 */
export const ENGINE_LABS: EngineLab[] = [
  phpbbLab,
  vbulletinLab,
  invisionLab,
  xenforoLab,
  khorosLab,
  healthUnlockedLab,
  flarumLab,
  nodebbLab,
  redditLab,
  schemaOrgLab,
];

/**
 * The answer for a path under one of the engines' prefixes (404 when that engine has no such
 * page); null when the path belongs to none of them.
 */
export function otherEngineAnswer(url: URL, origin: string): LabAnswer | null {
  const lab = ENGINE_LABS.find((l) => l.prefixes.some((p) => url.pathname.startsWith(p) || `${url.pathname}/` === p));
  if (!lab) return null;
  return lab.answer(url, origin) ?? html(lab.notFound(origin), 404);
}
