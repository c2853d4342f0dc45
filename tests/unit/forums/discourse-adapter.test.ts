// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { discourseAdapter } from '../../../utils/forums/discourse';
import { findAdapter, readThreadFromPage } from '../../../utils/forums/registry';
import { fixtureDoc } from './fixtures';

const TOPIC = 'https://forum.example.org/t/what-is-car-t-therapy/1828';

describe('Discourse detection', () => {
  it('recognises Discourse pages by their generator and setup tags', () => {
    expect(discourseAdapter.detect(fixtureDoc('app-topic.html'))).toBe(true);
    expect(discourseAdapter.detect(fixtureDoc('crawler-topic.html'))).toBe(true);
    expect(discourseAdapter.detect(fixtureDoc('latest.html'))).toBe(true);
  });

  it('does not claim other sites', () => {
    const doc = new DOMParser().parseFromString(
      '<html><head><meta name="generator" content="WordPress 6.5"><title>t/123</title></head><body><h1>Blog</h1></body></html>',
      'text/html',
    );
    expect(discourseAdapter.detect(doc)).toBe(false);
    expect(findAdapter(doc, 'https://blog.example.org/t/slug/123')).toBeNull();
  });
});

describe('reading a Discourse thread from the app view', () => {
  const doc = fixtureDoc('app-topic.html');
  const thread = discourseAdapter.readThread(doc, TOPIC)!;

  it('finds the title, the thread id and the canonical URL', () => {
    expect(thread.title).toBe('What is CAR-T therapy?');
    expect(thread.threadId).toBe('1828');
    expect(thread.canonicalUrl).toBe(TOPIC);
  });

  it('takes the post count from the forum, not from the posts that happen to be loaded', () => {
    expect(thread.postCount).toBe(8);
    expect(thread.highestPostNumber).toBe(8);
  });

  it('lists the posts in the DOM, skipping cloaked ones and expanded reply copies', () => {
    expect(thread.posts.map((p) => p.postNumber)).toEqual([1, 2, 4, 5, 6, 7, 8]);
  });

  it('uses usernames, not display names, and reads post times', () => {
    const first = thread.posts[0];
    expect(first.author).toBe('Dawn_BCUK');
    expect(first.time).toBe('2023-03-02T10:15:00.000Z');
    expect(thread.posts[1].author).toBe('Fozzie');
  });

  it("points at each post's own text", () => {
    const sara = thread.posts.find((p) => p.postNumber === 5)!;
    expect(sara.contentElement.textContent).toContain('I have refractory aggressive DLBC.');
    const fozzie = thread.posts.find((p) => p.postNumber === 2)!;
    // The expanded reply under Fozzie's post is not part of his text.
    expect(fozzie.contentElement.textContent).not.toContain('great to hear from you again');
  });

  it('reads a post again from its new text once the forum draws that anew (an edit)', () => {
    const page = fixtureDoc('app-topic.html');
    const before = discourseAdapter.readThread(page, TOPIC)!.posts.find((p) => p.postNumber === 5)!;
    const edited = page.createElement('div');
    edited.className = 'cooked';
    edited.textContent = 'Edited: the PET scan was clear.';
    before.contentElement.replaceWith(edited);
    const after = discourseAdapter.readThread(page, TOPIC)!.posts.find((p) => p.postNumber === 5)!;
    expect(after.contentElement.textContent).toBe('Edited: the PET scan was clear.');
    expect(after.author).toBe(before.author);
  });

  it('survives a broken preloaded-data blob by counting what it sees', () => {
    const broken = fixtureDoc('app-topic.html');
    broken.getElementById('data-preloaded')!.setAttribute('data-preloaded', '{"topic_1828": "{not json');
    expect(discourseAdapter.readThread(broken, TOPIC)!.postCount).toBe(8);
  });
});

describe('reading a Discourse thread from the crawler view', () => {
  it('reads title, count, authors and post text without JavaScript markup', () => {
    const doc = fixtureDoc('crawler-topic.html');
    const thread = readThreadFromPage(doc, TOPIC)!;
    expect(thread.title).toBe('What is CAR-T therapy?');
    expect(thread.postCount).toBe(8);
    expect(thread.posts.map((p) => p.author)).toEqual([
      'Dawn_BCUK',
      'Fozzie',
      'Jenny_R',
      'Mark_Volunteer',
      'Sara',
      'Mark_Volunteer',
      'Louise_Volunteer',
      'Fozzie',
    ]);
    expect(thread.posts[4].contentElement.textContent).toContain('waiting on a PET scan');
  });

  it('numbers posts on later pages and keeps the thread URL canonical', () => {
    const url = 'https://forum.example.org/t/long-running-support-thread/2000?page=2';
    const thread = readThreadFromPage(fixtureDoc('crawler-topic-page2.html'), url)!;
    expect(thread.posts[0].postNumber).toBe(21);
    expect(thread.posts).toHaveLength(20);
    expect(thread.postCount).toBe(1000);
    expect(thread.canonicalUrl).toBe('https://forum.example.org/t/long-running-support-thread/2000');
  });
});

describe('pages that are not threads', () => {
  it('topic lists and 404 pages give no thread', () => {
    expect(readThreadFromPage(fixtureDoc('latest.html'), 'https://forum.example.org/latest')).toBeNull();
    expect(readThreadFromPage(fixtureDoc('not-found.html'), 'https://forum.example.org/t/x/999999')).toBeNull();
  });

  it('a topic URL whose page still shows another topic (mid-navigation) gives no thread yet', () => {
    expect(readThreadFromPage(fixtureDoc('app-topic.html'), 'https://forum.example.org/t/other/1902')).toBeNull();
  });
});

describe('Discourse as real pages arrive', () => {
  const edited = (name: string, edit: (doc: Document) => void) => {
    const doc = fixtureDoc(name);
    edit(doc);
    return doc;
  };

  it('reads the older widget stream, where only article#post_N carries the number', () => {
    const doc = edited('app-topic.html', (d) => {
      for (const w of d.querySelectorAll('div.topic-post[data-post-number]')) w.removeAttribute('data-post-number');
    });
    const t = discourseAdapter.readThread(doc, TOPIC)!;
    expect(t.posts.map((p) => p.postNumber)).toEqual(
      discourseAdapter.readThread(fixtureDoc('app-topic.html'), TOPIC)!.posts.map((p) => p.postNumber),
    );
  });

  it('reads the posts inside <noscript> when scripts are off, in a body with no crawler class', () => {
    const crawler = fixtureDoc('crawler-topic.html');
    const html = crawler.getElementById('main-outlet')!.outerHTML;
    const doc = new DOMParser().parseFromString(
      `<html><head><meta name="generator" content="Discourse 3.3.2"></head><body><noscript>${html}</noscript></body></html>`,
      'text/html',
    );
    const t = discourseAdapter.readThread(doc, TOPIC)!;
    expect(t.posts).toHaveLength(8);
    expect(t.postCount).toBe(8);
  });

  it('reads older crawler posts that have no id, by their position', () => {
    const doc = edited('crawler-topic.html', (d) => {
      for (const p of d.querySelectorAll('div.crawler-post')) p.removeAttribute('id');
    });
    expect(discourseAdapter.readThread(doc, TOPIC)!.posts.map((p) => p.postNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('takes the count the page states, not the highest post number (deleted posts leave gaps)', () => {
    const doc = edited('app-topic.html', (d) => {
      d.getElementById('data-preloaded')?.remove();
      d.querySelector('#topic-title')!.insertAdjacentHTML('beforeend', '<div class="timeline-replies">1 / 7</div>');
    });
    expect(discourseAdapter.readThread(doc, TOPIC)!.postCount).toBe(7);
  });

  it('says "at least" when a crawler page has a next page and states no total', () => {
    const doc = edited('crawler-topic.html', (d) => {
      d.querySelector('[itemprop="interactionStatistic"]')?.remove();
      d.head.insertAdjacentHTML('beforeend', '<link rel="next" href="/t/what-is-car-t-therapy/1828?page=2">');
    });
    const t = discourseAdapter.readThread(doc, TOPIC)!;
    expect(t.postCountAtLeast).toBe(true);
    expect(t.postCount).toBe(8);
  });

  it('takes the site and category names off a title read from og:title', () => {
    const doc = edited('app-topic.html', (d) => {
      d.querySelector('#topic-title')!.remove();
      d.querySelector('meta[property="og:title"]')!.setAttribute(
        'content',
        'Just started R-CHOP - what helped you? - Treatments - Threadside Demo Community',
      );
      d.head.insertAdjacentHTML('beforeend', '<meta property="article:section" content="Treatments">');
    });
    expect(discourseAdapter.readThread(doc, TOPIC)?.title).toBe('Just started R-CHOP - what helped you?');
  });
});
