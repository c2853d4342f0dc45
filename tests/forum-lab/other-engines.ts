import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Pages from other forum engines, as their own servers render them, so the demo and the
 * e2e tests can show Threadside beyond Discourse. Static: these engines render on the server.
 */
const here = dirname(fileURLToPath(import.meta.url));
const ROUTES: Array<[RegExp, string]> = [
  [/^\/phpbb\/viewtopic\.php$/, 'phpbb-viewtopic.html'],
  [/^\/phpbb\/(index\.php)?$/, 'phpbb-index.html'],
  [/^\/xf\/threads\//, 'xenforo-thread.html'],
  [/^\/xf\/(forums\/)?$/, 'xenforo-forum-list.html'],
  [/^\/r\/[^/]+\/comments\//, 'reddit-new.html'],
  [/^\/old\/r\/[^/]+\/comments\//, 'reddit-old.html'],
  [/^\/flarum\/d\//, 'flarum-discussion.html'],
  [/^\/nodebb\/topic\//, 'nodebb-topic.html'],
  [/^\/vb\/showthread\.php$/, 'vbulletin-thread.html'],
  [/^\/invision\/topic\//, 'invision-topic.html'],
  [/^\/t5\//, 'khoros-thread.html'],
  [/^\/lymphoma-action\/posts\//, 'healthunlocked-post.html'],
  [/^\/stories\//, 'schema-org-story.html'],
  [/^\/news\//, 'plain-article.html'],
];

const cache = new Map<string, string>();

export function otherEnginePage(path: string): string | null {
  const file = ROUTES.find(([re]) => re.test(path))?.[1];
  if (!file) return null;
  if (!cache.has(file)) cache.set(file, readFileSync(join(here, 'pages', file), 'utf8'));
  return cache.get(file)!;
}
