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

describe('XenForo', () => {
  const url = `${O}/xf/threads/picc-line-or-port.2718/`;
  it('reads a thread: title, numbered posts, authors, times, post text', () => {
    const t = readThreadFromPage(page('xenforo-thread.html'), url)!;
    expect(t).toMatchObject({ engine: 'xenforo', threadId: '2718', title: 'PICC line or port for myeloma treatment?' });
    expect(t.posts.map((p) => [p.postNumber, p.author])).toEqual([
      [1, 'Sandra K'],
      [2, 'Pete_MM'],
    ]);
    expect(t.posts[0].time).toBe('2025-02-10T10:02:11.000Z');
    expect(t.posts[1].contentElement.textContent).toContain('weekly flushes');
  });

  it('recognises thread URLs with and without slugs, pages and post anchors', () => {
    expect(readThreadFromPage(page('xenforo-thread.html'), `${O}/xf/threads/2718/page-2`)?.threadId).toBe('2718');
    expect(
      readThreadFromPage(page('xenforo-thread.html'), `${O}/xf/threads/picc-line-or-port.2718/post-9102`)?.threadId,
    ).toBe('2718');
  });

  it('is not fooled by the forum list', () => {
    expect(readThreadFromPage(page('xenforo-forum-list.html'), `${O}/xf/forums/`)).toBeNull();
  });
});

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
