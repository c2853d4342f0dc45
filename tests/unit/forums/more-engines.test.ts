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
    file: 'flarum-discussion.html',
    url: `${O}/flarum/d/42-neutropenic-diet-does-it-matter`,
    engine: 'flarum',
    id: '42',
    title: 'Neutropenic diet - does it matter?',
    authors: ['maria', 'jon'],
    text: 'FLAG-Ida',
  },
  {
    file: 'nodebb-topic.html',
    url: `${O}/nodebb/topic/77/ibrutinib-and-bruising`,
    engine: 'nodebb',
    id: '77',
    title: 'Ibrutinib and bruising',
    authors: ['steve_cll', 'jan_w'],
    text: 'ibrutinib for CLL',
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
      'reddit-new.html': 'reddit',
      'reddit-old.html': 'reddit',
      'schema-org-story.html': 'schema-org',
      'plain-article.html': null,
      ...Object.fromEntries(CASES.map((c) => [c.file, c.engine])),
    };
    for (const file of readdirSync(dir))
      expect(findAdapter(page(file), `${O}/x`)?.engine ?? null, file).toBe(expected[file]);
  });
});
