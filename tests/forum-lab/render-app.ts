import { CHUNK_SIZE, postJson, topicJson } from './api-json';
import { escapeHtml } from './cooked';
import { pageShell } from './page-shell';
import { postMarkup } from './post-markup';
import type { LabTopic } from './store';

/** How far outside the viewport a post may be before the stream "cloaks" it (px). */
const CLOAK_MARGIN = 4000;

/**
 * The forum's own browser code: load the next chunk when the reader nears the end, and
 * cloak posts far above the viewport the way Discourse does on long topics.
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
  let loading = null;
  const cloaked = new Map();

  async function loadMore() {
    if (loading) return loading;
    const lastLoaded = [...loadedIds].reduce((m, id) => Math.max(m, stream.indexOf(id)), -1);
    const next = stream.slice(lastLoaded + 1, lastLoaded + 1 + ${CHUNK_SIZE});
    if (next.length === 0) return;
    const qs = next.map(id => 'post_ids[]=' + id).join('&');
    loading = fetch('/t/' + topic.id + '/posts.json?' + qs, { headers: { Accept: 'application/json' } })
      .then(r => r.json())
      .then(json => {
        const html = json.post_stream.posts.map(p => { loadedIds.add(p.id); return postMarkup(p, topic.id, op, markup); }).join('');
        list.insertAdjacentHTML('beforeend', html);
        document.querySelector('.topic-footer .loaded').textContent = String(loadedIds.size);
      })
      .finally(() => { loading = null; });
    return loading;
  }

  function cloakFarPosts() {
    const top = window.scrollY - ${CLOAK_MARGIN};
    for (const wrap of list.querySelectorAll('div.topic-post')) {
      const rect = wrap.getBoundingClientRect();
      const absBottom = rect.bottom + window.scrollY;
      if (absBottom < top) {
        const n = wrap.querySelector('article').id.slice('post_'.length);
        const placeholder = document.createElement('div');
        placeholder.id = 'post_' + n;
        placeholder.className = 'post-stream--cloaked';
        placeholder.dataset.postNumber = n;
        placeholder.style.height = rect.height + 'px';
        cloaked.set(placeholder, wrap);
        wrap.replaceWith(placeholder);
      }
    }
    for (const [placeholder, wrap] of cloaked) {
      const absTop = placeholder.getBoundingClientRect().top + window.scrollY;
      if (absTop > top) { placeholder.replaceWith(wrap); cloaked.delete(placeholder); }
    }
  }

  window.addEventListener('scroll', () => {
    if (window.innerHeight + window.scrollY > document.body.scrollHeight - 1500) loadMore();
    if (stream.length > 200) cloakFarPosts();
  }, { passive: true });
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
    body,
  });
}
