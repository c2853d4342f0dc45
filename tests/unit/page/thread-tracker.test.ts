// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadView } from '../../../utils/forums/adapter';
import { trackThread, type ThreadTracker } from '../../../utils/page/thread-tracker';
import { fixtureText } from '../forums/fixtures';

const TOPIC = 'https://forum.example.org/t/what-is-car-t-therapy/1828';
let tracker: ThreadTracker | undefined;
afterEach(() => tracker?.stop());

function loadPage(name: string) {
  const parsed = new DOMParser().parseFromString(fixtureText(name), 'text/html');
  document.head.replaceWith(document.adoptNode(parsed.head));
  document.body.replaceWith(document.adoptNode(parsed.body));
}

const settle = () => new Promise((r) => setTimeout(r, 40));

describe('thread tracker', () => {
  it('reads the thread at once and again when the forum adds posts', async () => {
    loadPage('app-topic.html');
    const seen: Array<ThreadView | null> = [];
    tracker = trackThread({ doc: document, getUrl: () => TOPIC, onChange: (t) => seen.push(t), debounceMs: 10 });
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
    tracker = trackThread({ doc: document, getUrl: () => TOPIC, onChange: (t) => (latest = t), debounceMs: 10 });
    const stream = document.querySelector('.post-stream')!;
    for (const n of [9, 10]) {
      const reply = stream.querySelector('div.topic-post[data-post-number="8"]')!.cloneNode(true) as Element;
      reply.setAttribute('data-post-number', String(n));
      reply.querySelector('article')!.id = `post_${n}`;
      stream.append(reply);
    }
    await settle();
    expect(latest!.postCount).toBe(10);
  });

  it('notices when the single-page forum leaves the thread', () => {
    loadPage('app-topic.html');
    let url = TOPIC;
    let latest: ThreadView | null = null;
    tracker = trackThread({ doc: document, getUrl: () => url, onChange: (t) => (latest = t) });
    expect(latest).not.toBeNull();
    url = 'https://forum.example.org/latest';
    loadPage('latest.html');
    tracker.refresh();
    expect(latest).toBeNull();
  });
});
