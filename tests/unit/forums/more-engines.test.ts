// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAdapter, readThreadFromPage } from '../../../utils/forums/registry';

const dir = join(import.meta.dirname, '../../forum-lab/pages');
const O = 'http://127.0.0.1:4317';
// As the demo forum serves them: its own origin in place of the pages' placeholder.
const page = (name: string) =>
  new DOMParser().parseFromString(
    readFileSync(join(dir, name), 'utf8').replaceAll('http://127.0.0.1/', `${O}/`),
    'text/html',
  );

const CASES = [
  {
    file: 'khoros-thread.html',
    url: `${O}/t5/Myeloma/Stem-cell-harvest-tomorrow/td-p/123456`,
    engine: 'khoros',
    id: '123456',
    title: 'Stem cell harvest tomorrow',
    authors: ['Rosie_G', 'Andy_M'],
    text: 'G-CSF',
    canonical: true,
  },
  {
    file: 'healthunlocked-post.html',
    url: `${O}/lymphoma-action/posts/150001234/fatigue-after-car-t`,
    engine: 'healthunlocked',
    id: '150001234',
    title: 'Fatigue after CAR-T',
    authors: ['bluebell22', 'oakwood', 'nurse_kate'],
    text: 'PET scan was clear',
  },
];

describe.each(CASES)('$engine', (c) => {
  it('reads the thread: id, title, authors in order, the first post’s text', () => {
    const t = readThreadFromPage(page(c.file), c.url)!;
    expect(t).toMatchObject({ engine: c.engine, threadId: c.id, title: c.title });
    expect(t.posts.map((p) => p.author)).toEqual(c.authors);
    expect(t.posts.map((p) => p.postNumber)).toEqual(c.authors.map((_, i) => i + 1));
    expect(t.posts[0].contentElement.textContent).toContain(c.text);
  });

  it('is not a thread at a URL that names none (unless the page’s canonical link does)', () => {
    const t = readThreadFromPage(page(c.file), `${O}/somewhere/else`);
    if ('canonical' in c) expect(t?.threadId).toBe(c.id);
    else expect(t).toBeNull();
  });
});

describe('engine detection across every demo page', () => {
  it('gives each page to the engine that made it, never to another', () => {
    const expected: Record<string, string | null> = {
      'xenforo-thread.html': 'xenforo',
      'xenforo-forum-list.html': 'xenforo',
      'schema-org-story.html': 'schema-org',
      'plain-article.html': null,
      ...Object.fromEntries(CASES.map((c) => [c.file, c.engine])),
    };
    for (const file of readdirSync(dir))
      expect(findAdapter(page(file), `${O}/x`)?.engine ?? null, file).toBe(expected[file]);
  });
});
