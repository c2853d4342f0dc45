// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAdapter, readThreadFromPage } from '../../../utils/forums/registry';

const page = (name: string) =>
  new DOMParser().parseFromString(
    readFileSync(join(import.meta.dirname, '../../forum-lab/pages', name), 'utf8'),
    'text/html',
  );
const O = 'http://127.0.0.1:4317';

describe('schema.org DiscussionForumPosting', () => {
  const url = `${O}/stories/stem-cell-transplant-one-year-on`;
  it('reads the posting and its comments from microdata, the count from JSON-LD', () => {
    const t = readThreadFromPage(page('schema-org-story.html'), url)!;
    expect(t).toMatchObject({ engine: 'schema-org', title: 'My stem cell transplant, one year on', postCount: 3 });
    expect(t.posts.map((p) => p.author)).toEqual(['Harriet', 'Tom', 'Anthony Nolan volunteer']);
    expect(t.posts[0].contentElement.textContent).toContain('allogeneic stem cell transplant');
  });

  it('ignores a page whose schema.org type is not a discussion', () => {
    expect(findAdapter(page('plain-article.html'), `${O}/news/parking`)).toBeNull();
  });

  it('leaves Discourse pages, which carry the same markup, to the Discourse adapter', () => {
    const doc = new DOMParser().parseFromString(
      readFileSync(join(import.meta.dirname, '../../fixtures/discourse/crawler-topic.html'), 'utf8'),
      'text/html',
    );
    expect(findAdapter(doc, 'https://forum.example.org/t/what-is-car-t-therapy/1828')?.engine).toBe('discourse');
  });
});
