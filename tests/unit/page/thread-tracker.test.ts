// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadView } from '../../../utils/forums/adapter';
import { trackThread, type ThreadTracker } from '../../../utils/page/thread-tracker';
import { fixtureText } from '../forums/fixtures';
import { adapterFor, allAdapters } from '../../../utils/forums/registry';
import type { EngineId, ForumAdapter, PageAdapters } from '../../../utils/forums/adapter';
import { labPage } from '../forums/lab-pages';

const TOPIC = 'https://forum.example.org/t/what-is-car-t-therapy/1828';
let tracker: ThreadTracker | undefined;
afterEach(() => tracker?.stop());

function loadPage(name: string) {
  const parsed = new DOMParser().parseFromString(fixtureText(name), 'text/html');
  document.head.replaceWith(document.adoptNode(parsed.head));
  document.body.replaceWith(document.adoptNode(parsed.body));
}

const settle = () => new Promise((r) => setTimeout(r, 40));

/** The demo topic tracked with every reader at hand, read again 10 ms after the page changes. */
const trackTopic = (onChange: (t: ThreadView | null) => unknown) =>
  trackThread({ doc: document, adapters: allAdapters, getUrl: () => TOPIC, onChange, debounceMs: 10 });

/** A reply the forum appends live to the stream, as post `n`. */
function appendReply(n: number) {
  const stream = document.querySelector('.post-stream')!;
  const reply = stream.querySelector('div.topic-post:last-of-type')!.cloneNode(true) as Element;
  reply.setAttribute('data-post-number', String(n));
  reply.querySelector('article')!.id = `post_${n}`;
  stream.append(reply);
}

describe('thread tracker', () => {
  it('reads the thread at once and again when the forum adds posts', async () => {
    loadPage('app-topic.html');
    const seen: Array<ThreadView | null> = [];
    tracker = trackTopic((t) => seen.push(t));
    expect(seen.at(-1)?.posts).toHaveLength(7);

    // The forum brings the cloaked post 3 back into the stream.
    const placeholder = document.getElementById('post_3')!;
    const post2 = document.querySelector('div.topic-post[data-post-number="2"]')!;
    const back = post2.cloneNode(true) as Element;
    back.setAttribute('data-post-number', '3');
    back.querySelector('article')!.id = 'post_3';
    placeholder.replaceWith(back);
    await settle();
    expect(seen.at(-1)?.posts.map((p) => p.postNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps counting replies appended live beyond what the page was served with', async () => {
    loadPage('app-topic.html');
    let latest: ThreadView | null = null;
    tracker = trackTopic((t) => (latest = t));
    for (const n of [9, 10]) appendReply(n);
    await settle();
    expect(latest!.postCount).toBe(10);
  });

  it('notices when the single-page forum leaves the thread', () => {
    loadPage('app-topic.html');
    let url = TOPIC;
    let latest: ThreadView | null = null;
    tracker = trackThread({ doc: document, adapters: allAdapters, getUrl: () => url, onChange: (t) => (latest = t) });
    expect(latest).not.toBeNull();
    url = 'https://forum.example.org/latest';
    loadPage('latest.html');
    tracker.refresh();
    expect(latest).toBeNull();
  });

  it('finds a topic the forum draws after the page has loaded, without a reload', async () => {
    loadPage('app-topic.html');
    // As Discourse arrives: the shell first, the topic drawn once its scripts have run.
    const drawn = [...document.querySelectorAll('#topic-title, section#topic')];
    for (const el of drawn) el.remove();
    let latest: ThreadView | null = null;
    tracker = trackTopic((t) => (latest = t));
    expect(latest).toBeNull();
    document.getElementById('main-outlet')!.append(...drawn);
    await settle();
    expect(latest!.title).toBe('What is CAR-T therapy?');
    expect(latest!.posts.length).toBeGreaterThan(0);
  });

  it('after a navigation shows the topic now on screen, never the one before', async () => {
    loadPage('app-topic.html');
    let latest: ThreadView | null = null;
    let url = TOPIC;
    tracker = trackThread({
      doc: document,
      adapters: allAdapters,
      getUrl: () => url,
      onChange: (t) => (latest = t),
      debounceMs: 10,
    });
    // The navigation starts: the page still shows topic 1828 while the address names 1955.
    const next = 'https://forum.example.org/t/fatigue-months-after-chemo/1955';
    tracker.refresh(next);
    expect(latest).toBeNull();
    url = next;
    // The app draws the new topic in place of the old one.
    const title = document.getElementById('topic-title')!.cloneNode(true) as Element;
    title.querySelector('a.fancy-title')!.textContent = 'Still exhausted months after chemo';
    const topic = document.querySelector('section#topic')!.cloneNode(true) as Element;
    for (const el of [title, topic, ...title.querySelectorAll('[data-topic-id]')])
      if (el.hasAttribute('data-topic-id')) el.setAttribute('data-topic-id', '1955');
    document.getElementById('topic-title')!.replaceWith(title);
    document.querySelector('section#topic')!.replaceWith(topic);
    await settle();
    expect(latest!.threadId).toBe('1955');
    expect(latest!.title).toBe('Still exhausted months after chemo');
  });

  it('reads nothing while the reader scrolls, and the posts that came meanwhile where they stop', async () => {
    loadPage('app-topic.html');
    const moves = new Set<() => void>();
    let still: (() => void) | null = null;
    let reads = 0;
    let latest: ThreadView | null = null;
    tracker = trackThread({
      adapters: allAdapters,
      doc: document,
      getUrl: () => TOPIC,
      onChange: (t) => {
        reads++;
        latest = t;
      },
      debounceMs: 10,
      reader: { onMove: (w) => void moves.add(w), whenStill: (w) => void (still = w) },
    });
    expect(reads).toBe(1);
    for (const w of moves) w();
    // The forum appends replies while the reader scrolls on.
    for (const n of [9, 10]) {
      appendReply(n);
      await settle();
    }
    expect(reads).toBe(1);
    // The reader stops: one reading, with both replies.
    still!();
    expect(reads).toBe(2);
    expect(latest!.posts.map((p) => p.postNumber).slice(-2)).toEqual([9, 10]);
    // Watched again: a live reply while they read is read as before.
    appendReply(11);
    await settle();
    expect(reads).toBe(3);
    expect(latest!.posts.at(-1)!.postNumber).toBe(11);
  });

  describe("an engine whose reader comes late (all but Discourse's)", () => {
    const PHPBB = '/phpbb/viewtopic.php?t=428';
    function loadLab(path: string) {
      const { doc, url } = labPage(path);
      document.head.replaceWith(document.adoptNode(doc.head));
      document.body.replaceWith(document.adoptNode(doc.body));
      return url;
    }
    /** Readers as a page has them: phpBB's only once `arrive` is called, or never when `fail`. */
    function lateReaders() {
      const here = new Set<EngineId>(['discourse']);
      let asked = 0;
      let settleLoad: ((ok: boolean) => void) | null = null;
      const adapters: PageAdapters = {
        detect: (doc) => allAdapters.detect(doc),
        loaded: (e) => (here.has(e) ? adapterFor(e) : null),
        load: (e) => {
          asked++;
          return new Promise<ForumAdapter>((resolve, reject) => {
            settleLoad = (ok) => {
              if (!ok) return reject(new Error('the page is on its way out'));
              here.add(e);
              resolve(adapterFor(e));
            };
          });
        },
      };
      return { adapters, asked: () => asked, settle: (ok: boolean) => settleLoad!(ok) };
    }
    /** The phpBB demo topic tracked with its reader still to come; every reading in `seen`. */
    function trackLate(readerRetryMs = 60_000) {
      const url = loadLab(PHPBB);
      const late = lateReaders();
      const seen: Array<ThreadView | null> = [];
      tracker = trackThread({
        doc: document,
        adapters: late.adapters,
        getUrl: () => url,
        onChange: (t) => seen.push(t),
        debounceMs: 10,
        readerRetryMs,
      });
      return { late, seen };
    }

    it('reports nothing while the reader comes, then the thread, without a change of the page', async () => {
      const { late, seen } = trackLate();
      // No "not a thread" meanwhile: the bar must not flicker away and back.
      expect(seen).toEqual([]);
      expect(late.asked()).toBe(1);
      late.settle(true);
      await settle();
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ engine: 'phpbb', threadId: '428' });
    });

    it('asks once however often the page changes meanwhile, and again at the next change after a failure', async () => {
      const { late, seen } = trackLate();
      for (let i = 0; i < 3; i++) {
        document.body.append(document.createElement('div'));
        await settle();
      }
      expect(late.asked()).toBe(1);
      late.settle(false);
      await settle();
      expect(seen).toEqual([]);
      document.body.append(document.createElement('div'));
      await settle();
      expect(late.asked()).toBe(2);
      late.settle(true);
      await settle();
      expect(seen.at(-1)?.threadId).toBe('428');
    });

    it('asks again by itself on a page that does not change, three times in all', async () => {
      const { late, seen } = trackLate(20);
      for (let i = 0; i < 3; i++) {
        late.settle(false);
        await settle();
      }
      expect(late.asked()).toBe(3);
      await settle();
      expect(late.asked()).toBe(3);
      expect(seen).toEqual([]);
    });
  });
});
