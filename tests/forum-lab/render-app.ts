import { CHUNK_SIZE, postJson, topicJson } from './api-json';
import { escapeHtml } from './cooked';
import { pageShell } from './page-shell';
import { postMarkup } from './post-markup';
import type { LabTopic } from './store';

/**
 * The forum's own browser code, shaped like Discourse's post stream
 * (`components/post-stream.gjs` with its `LoadMore` sentinel and
 * `modifiers/post-stream-viewport-tracker.js`): the next chunk loads when a sentinel under
 * the stream comes within a screen of the viewport; posts more than a viewport's height
 * (SLACK_FACTOR 1) above or below it are cloaked, swapped for placeholders of the same
 * height, and drawn again as they come back. Both are driven by IntersectionObservers and
 * applied in one batch (10 ms debounce), never by measuring posts on each scroll: a forum
 * that did that would make every change on the page costly, Threadside's included.
 */
export const FORUM_APP_JS = `(() => {
  // Bundlers that keep function names wrap them in __name(); give the browser a no-op one.
  const __name = (f) => f;
  const postMarkup = ${postMarkup.toString()};
  const data = JSON.parse(document.getElementById('data-preloaded').dataset.preloaded);
  const topic = JSON.parse(data['topic_' + document.querySelector('#topic').dataset.topicId]);
  const stream = topic.post_stream.stream;
  const op = topic.details.created_by.username;
  const markup = document.querySelector('#topic').dataset.stream;
  const list = document.querySelector('.post-stream');
  const loadedIds = new Set([...list.querySelectorAll('article[data-post-id]')].map(a => Number(a.dataset.postId)));
  let lastLoaded = [...loadedIds].reduce((m, id) => Math.max(m, stream.indexOf(id)), -1);
  // Each post's JSON by number: a post brought back after cloaking is drawn again from it.
  const postJsonByNumber = new Map(topic.post_stream.posts.map((p) => [String(p.post_number), p]));
  let loading = null;

  async function loadMore() {
    if (loading) return loading;
    const next = stream.slice(lastLoaded + 1, lastLoaded + 1 + ${CHUNK_SIZE});
    if (next.length === 0) return;
    const qs = next.map(id => 'post_ids[]=' + id).join('&');
    loading = fetch('/t/' + topic.id + '/posts.json?' + qs, { headers: { Accept: 'application/json' } })
      .then(r => r.json())
      .then(json => {
        const html = json.post_stream.posts.map(p => { loadedIds.add(p.id); postJsonByNumber.set(String(p.post_number), p); return postMarkup(p, topic.id, op, markup); }).join('');
        lastLoaded += next.length;
        const before = list.lastElementChild;
        list.insertAdjacentHTML('beforeend', html);
        for (let el = before ? before.nextElementSibling : list.firstElementChild; el; el = el.nextElementSibling) track(el);
        document.querySelector('.topic-footer .loaded').textContent = String(loadedIds.size);
      })
      .finally(() => {
        loading = null;
        // Still near the end (a short chunk, a tall screen): the sentinel does not fire again by itself.
        sentinelObserver.unobserve(sentinel);
        sentinelObserver.observe(sentinel);
      });
    return loading;
  }

  const sentinel = document.createElement('div');
  sentinel.className = 'load-more-sentinel';
  list.after(sentinel);
  const sentinelObserver = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadMore();
  }, { rootMargin: '0px 0px ' + innerHeight + 'px 0px' });
  sentinelObserver.observe(sentinel);

  // Cloaking: which posts are outside the zone, applied together once the entries settle.
  // A cloaked post is gone from the page; one coming back is drawn anew from its JSON, as
  // Discourse's components are, so nothing added to the old elements survives the trip.
  const pending = new Map();
  let batch = 0;
  const cloaker = new IntersectionObserver((entries) => {
    for (const e of entries) pending.set(e.target, e);
    clearTimeout(batch);
    batch = setTimeout(applyCloaking, 10);
  }, { rootMargin: innerHeight + 'px 0px' });
  function track(el) { if (stream.length > 200) cloaker.observe(el); }
  const drawPost = (n) => {
    const holder = document.createElement('div');
    holder.innerHTML = postMarkup(postJsonByNumber.get(n), topic.id, op, markup);
    return holder.firstElementChild;
  };
  function applyCloaking() {
    for (const [el, e] of pending) {
      if (!el.isConnected) continue;
      if (!e.isIntersecting && el.classList.contains('topic-post')) {
        const n = el.querySelector('article').id.slice('post_'.length);
        if (!postJsonByNumber.has(n)) continue;
        const placeholder = document.createElement('div');
        placeholder.id = 'post_' + n;
        placeholder.className = 'post-stream--cloaked';
        placeholder.dataset.postNumber = n;
        placeholder.style.height = e.boundingClientRect.height + 'px';
        cloaker.unobserve(el);
        el.replaceWith(placeholder);
        cloaker.observe(placeholder);
      } else if (e.isIntersecting && el.classList.contains('post-stream--cloaked')) {
        const wrap = drawPost(el.dataset.postNumber);
        cloaker.unobserve(el);
        el.replaceWith(wrap);
        cloaker.observe(wrap);
      }
    }
    pending.clear();
  }
  for (const el of list.children) track(el);
  window.__forumLab = { loadMore };
})();`;

/** The topic as the app draws it (title and post stream), and the preloaded data it draws from. */
export type PostStream = 'glimmer' | 'widget';

export function appTopic(topic: LabTopic, nearPost = 1, suggested: LabTopic[] = [], stream: PostStream = 'glimmer') {
  const json = topicJson(topic, nearPost);
  const first = topic.posts.findIndex((p) => p.post_number >= nearPost);
  const shown = topic.posts.slice(Math.max(0, first), Math.max(0, first) + CHUNK_SIZE);
  const op = topic.posts[0].username;
  // Discourse preloads a map of JSON strings; the topic sits under "topic_<id>".
  const preloaded = JSON.stringify({ [`topic_${topic.id}`]: JSON.stringify(json) });
  const preloadedDiv = `<div id="data-preloaded" class="hidden" data-preloaded="${escapeHtml(preloaded)}" hidden></div>`;
  const drawn = `
<div id="topic-title"><div class="title-wrapper">
  <h1 data-topic-id="${topic.id}"><a href="/t/${topic.slug}/${topic.id}" class="fancy-title">${escapeHtml(topic.title)}</a></h1>
  <div class="topic-category"><span class="badge-category"></span>${escapeHtml(topic.category)}</div>
</div></div>
<section id="topic" data-topic-id="${topic.id}" data-stream="${stream}" class="container posts">
  <div class="posts-wrapper">
    <div class="post-stream">${shown.map((p) => postMarkup(postJson(topic, p), topic.id, op, stream)).join('')}</div>
  </div>
  <div class="topic-footer"><span class="loaded">${shown.length}</span> of <span class="timeline-replies">${topic.posts.length}</span> posts shown · <a href="/latest">Back to latest</a></div>
</section>
${
  suggested.length
    ? `<div id="suggested-topics" class="suggested-topics"><h3 class="suggested-topics-title">Suggested topics</h3><ul>${suggested
        .map(
          (t) =>
            `<li><a href="/t/${t.slug}/${t.id}" class="title raw-link raw-topic-link">${escapeHtml(t.title)}</a></li>`,
        )
        .join('')}</ul></div>`
    : ''
}
<div id="reply-control" class="closed"><div class="d-editor"><textarea class="d-editor-input" aria-label="Reply"></textarea></div></div>`;
  return { preloadedDiv, drawn };
}

export function renderApp(
  topic: LabTopic,
  origin: string,
  nearPost = 1,
  suggested: LabTopic[] = [],
  stream: PostStream = 'glimmer',
): string {
  const { preloadedDiv, drawn } = appTopic(topic, nearPost, suggested, stream);
  const body = `${preloadedDiv}${drawn}
<script src="/assets/forum-app.js" defer></script>`;
  return pageShell({
    title: topic.title,
    canonical: `${origin}/t/${topic.slug}/${topic.id}`,
    bodyClass: 'docked archetype-regular category-treatments',
    section: topic.category,
    body,
  });
}
