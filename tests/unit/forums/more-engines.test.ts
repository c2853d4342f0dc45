// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../../utils/forums/registry';
import { ENGINE_LABS } from '../../forum-lab/other-engines';
import { labPage } from './lab-pages';

const dir = join(import.meta.dirname, '../../forum-lab/pages');
const O = 'http://127.0.0.1:4317';
// As the demo forum serves them: its own origin in place of the pages' placeholder.
const page = (name: string) =>
  new DOMParser().parseFromString(
    readFileSync(join(dir, name), 'utf8').replaceAll('http://127.0.0.1/', `${O}/`),
    'text/html',
  );

describe('engine detection across every demo page', () => {
  it('gives each page to the engine that made it, never to another', () => {
    const files: Record<string, string | null> = { 'schema-org-story.html': 'schema-org', 'plain-article.html': null };
    for (const file of readdirSync(dir))
      expect(findAdapter(page(file), `${O}/x`)?.engine ?? null, file).toBe(files[file]);
    const demos = ENGINE_LABS.filter((lab) => lab.demo);
    expect(demos.length).toBeGreaterThanOrEqual(7);
    for (const lab of demos)
      for (const k of [1, lab.demo!.pages]) {
        const { doc, url } = labPage(lab.demo!.pagePath(k));
        expect(findAdapter(doc, url)?.engine, url).toBe(lab.engine);
      }
  });
});
