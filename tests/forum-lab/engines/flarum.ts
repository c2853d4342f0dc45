/**
 * The Flarum demo forum, after flarum/framework at tag v1.8.7 (the current 1.x release):
 * - the page: framework/core/views/frontend/app.blade.php (head, payload script, boot),
 *   forum.blade.php (the `#app` shell) and content.blade.php (`#flarum-loading`, the
 *   `<noscript id="flarum-content">` holding the server's view);
 * - the server's view: framework/core/views/frontend/content/discussion.blade.php, paged by
 *   src/Forum/Content/Discussion.php (20 posts a page, `?page=K`, a post number in the path
 *   centres the page on that post) with the rel/canonical links of src/Frontend/Document.php
 *   and the title of BasicTitleDriver ("Title: Page 2 - Forum");
 * - the payload and `/api/discussions/{id}`: the JSON:API document of ShowDiscussionController;
 * - the app's drawing (`flarum-app.ts`, inlined where forum.js is loaded from assets): js/src/forum/components/DiscussionPage.tsx,
 *   DiscussionHero.js, PostStream.js, PostStreamScrubber.js, Post.tsx, CommentPost.js,
 *   PostUser.js, PostMeta.js; post bodies as TextFormatter and flarum/mentions render them.
 * Posts and titles are ours.
 */
import { longEngineThread, shortEngineThread, type EnginePost, type EngineThread } from '../data/engine-threads';
import { FLARUM_APP_JS } from './flarum-app';
import { esc, html, json, type DemoThread, type EngineLab, type LabAnswer } from './engine-lab';

const BASE = '/flarum';
const FORUM = 'Carers Corner';
const PER_PAGE = 20;

const THREADS: EngineThread[] = [
  shortEngineThread(
    42,
    'neutropenic-diet-does-it-matter',
    'Neutropenic diet - does it matter?',
    '2025-04-01T10:00:00Z',
    [
      [
        'maria',
        'Mum is neutropenic after FLAG-Ida for AML. The ward gave us a food leaflet. Does the diet really matter?',
      ],
      [
        'jon',
        'Food safety matters more than a strict diet. Ring the 24 hour line with any temperature, neutropenic sepsis comes on fast.',
      ],
    ],
  ),
  longEngineThread(58, 'caring-for-someone-through-treatment', 'Caring for someone through treatment', 57),
];
const byId = new Map(THREADS.map((t) => [String(t.id), t]));

const postId = (t: EngineThread, n: number) => t.id * 1000 + n;
const userId = (name: string) => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9000, 7) + 100;
const discussionPath = (t: EngineThread) => `${BASE}/d/${t.id}-${t.slug}`;

/** A post's body as TextFormatter renders it, with flarum/mentions' post mention in a quote. */
function contentHtml(t: EngineThread, p: EnginePost): string {
  const quote = p.quote
    ? `<blockquote><p><a href="${BASE}/d/${t.id}/${p.quote.n}" class="PostMention" data-id="${postId(t, p.quote.n)}">${esc(p.quote.username)}</a> ${esc(p.quote.text)}</p></blockquote>`
    : '';
  const code = p.code ? `<pre><code>${esc(p.code)}</code></pre>` : '';
  return quote + p.paragraphs.map((s) => `<p>${esc(s)}</p>`).join('') + code;
}

/** ShowDiscussionController's document: the discussion, then the users and posts included. */
function apiDocument(t: EngineThread, shown: EnginePost[], origin: string) {
  const last = t.posts[t.posts.length - 1];
  const users = [...new Set(shown.map((p) => p.username))];
  return {
    data: {
      type: 'discussions',
      id: String(t.id),
      attributes: {
        title: t.title,
        slug: `${t.id}-${t.slug}`,
        commentCount: t.posts.length,
        participantCount: new Set(t.posts.map((p) => p.username)).size,
        createdAt: t.posts[0].time,
        lastPostedAt: last.time,
        lastPostNumber: last.n,
        canReply: false,
      },
      relationships: {
        user: { data: { type: 'users', id: String(userId(t.posts[0].username)) } },
        posts: { data: t.posts.map((p) => ({ type: 'posts', id: String(postId(t, p.n)) })) },
      },
    },
    included: [
      ...users.map((u) => ({
        type: 'users',
        id: String(userId(u)),
        attributes: { username: u, displayName: u, avatarUrl: null, slug: u },
      })),
      ...shown.map((p) => ({
        type: 'posts',
        id: String(postId(t, p.n)),
        attributes: {
          number: p.n,
          createdAt: p.time,
          contentType: 'comment',
          contentHtml: contentHtml(t, p),
          renderFailed: false,
        },
        relationships: {
          user: { data: { type: 'users', id: String(userId(p.username)) } },
          discussion: { data: { type: 'discussions', id: String(t.id) } },
        },
      })),
    ],
    links: { self: `${origin}${BASE}/api/discussions/${t.id}` },
  };
}

/** Which posts a page shows: `?page=K` from offset (K-1)*20, or 20 centred on a post number. */
function pagePosts(t: EngineThread, page: number, near: number): EnginePost[] {
  const offset = near > 1 ? Math.max(0, near - 1 - PER_PAGE / 2) : (page - 1) * PER_PAGE;
  return t.posts.slice(offset, offset + PER_PAGE);
}

/** content/discussion.blade.php: what a reader sees with scripts off. */
function noscriptView(t: EngineThread, shown: EnginePost[], page: number, href: (k: number) => string) {
  const pages = Math.ceil(t.posts.length / PER_PAGE);
  const articles = shown
    .map(
      (p) => `
            <article>
                <div class="PostUser"><h3 class="PostUser-name">${esc(p.username)}</h3></div>
                <div class="Post-body">
                    ${contentHtml(t, p)}
                </div>
            </article>

            <hr>`,
    )
    .join('');
  return `<div class="container">
    <h1>${esc(t.title)}</h1>

    <div>${articles}
    </div>
${
  page > 1
    ? `
        <a href="${href(page - 1)}">&laquo; Previous Page</a>`
    : ''
}${
    page < pages
      ? `
        <a href="${href(page + 1)}">Next Page &raquo;</a>`
      : ''
  }
</div>`;
}

function discussionPage(t: EngineThread, origin: string, page: number, near: number): string {
  const shown = pagePosts(t, page, near);
  const path = discussionPath(t);
  const href = (k: number) => `${origin}${path}${k > 1 ? `?page=${k}` : ''}`;
  const pages = Math.ceil(t.posts.length / PER_PAGE);
  const payload = {
    resources: [{ type: 'forums', id: '1', attributes: { title: FORUM, baseUrl: `${origin}${BASE}`, basePath: BASE } }],
    session: { userId: 0, csrfToken: 'lab' },
    locale: 'en',
    apiDocument: apiDocument(t, shown, origin),
  };
  const title = page > 1 ? `${t.title}: Page ${page} - ${FORUM}` : `${t.title} - ${FORUM}`;
  return `<!doctype html>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>${esc(title)}</title>

        <style>${STYLE}</style>
${page > 1 ? `<link rel="prev" href="${href(page - 1)}">\n` : ''}${page < pages ? `<link rel="next" href="${href(page + 1)}">\n` : ''}<link rel="canonical" href="${href(page)}">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, minimum-scale=1">
<meta name="description" content="${esc(t.posts[0].paragraphs[0])}">
    </head>

    <body>
        <div id="app" class="App">

    <div id="app-navigation" class="App-navigation"></div>

    <div id="drawer" class="App-drawer">

        <header id="header" class="App-header">
            <div id="header-navigation" class="Header-navigation"></div>
            <div class="container">
                <div class="Header-title">
                    <a href="${origin}${BASE}" id="home-link">${esc(FORUM)}</a>
                </div>
                <div id="header-primary" class="Header-primary"></div>
                <div id="header-secondary" class="Header-secondary"></div>
            </div>
        </header>

    </div>

    <main class="App-content">
        <div id="notices"></div>

        <div id="content"></div>

        <div id="flarum-loading" style="display: none">
    Loading...
</div>

<noscript>
    <div class="Alert">
        <div class="container">
            This site is best viewed in a modern browser with JavaScript enabled.
        </div>
    </div>
</noscript>

<div id="flarum-loading-error" style="display: none">
    <div class="Alert">
        <div class="container">
            Something went wrong while trying to load the full version of this site. Try hard-refreshing this page to fix the error.
        </div>
    </div>
</div>

<noscript id="flarum-content">
    ${noscriptView(t, shown, page, href)}
</noscript>

        <div class="App-composer">
            <div class="container">
                <div id="composer"></div>
            </div>
        </div>
    </main>

    <footer class="App-footer" id="footer"></footer>

</div>

        <div id="modal"></div>
        <div id="alerts"></div>

        <script>
            document.getElementById('flarum-loading').style.display = 'block';
            var flarum = {extensions: {}};
        </script>

        <script>${FLARUM_APP_JS}</script>

        <script id="flarum-json-payload" type="application/json">${JSON.stringify(payload).replace(/</g, '\\u003c')}</script>

        <script>
            const data = JSON.parse(document.getElementById('flarum-json-payload').textContent);
            document.getElementById('flarum-loading').style.display = 'none';

            try {
                flarum.core.app.load(data);
                flarum.core.app.bootExtensions(flarum.extensions);
                flarum.core.app.boot();
            } catch (e) {
                var error = document.getElementById('flarum-loading-error');
                error.innerHTML += document.getElementById('flarum-content').textContent;
                error.style.display = 'block';
                throw e;
            }
        </script>
    </body>
</html>`;
}

/** Ours: enough for a reader to tell posts apart; Flarum's own stylesheet is compiled LESS. */
const STYLE =
  'body{font:14px/1.5 sans-serif;margin:0}.container{max-width:800px;margin:0 auto;padding:0 16px}' +
  '.PostStream-item{border-top:1px solid #e8ecf3;padding:10px 0}.PostUser-name{font-size:14px;margin:0}' +
  'blockquote{border-left:3px solid #ccd;margin:0 0 8px;padding:0 8px;color:#555}pre{background:#f3f4f8;padding:8px}';

const DISCUSSION = /^\/flarum\/d\/(\d+)(?:-[^/]*)?(?:\/(\d+))?$/;
const API_DISCUSSION = /^\/flarum\/api\/discussions\/(\d+)$/;

function answer(url: URL, origin: string): LabAnswer | null {
  const path = url.pathname;
  let m = path.match(API_DISCUSSION);
  if (m) {
    const t = byId.get(m[1]);
    return t
      ? json(apiDocument(t, pagePosts(t, 1, 0), origin))
      : json({ errors: [{ status: '404', code: 'not_found' }] }, 404);
  }
  m = path.match(DISCUSSION);
  const t = m ? byId.get(m[1]) : undefined;
  if (!m || !t) return null;
  const near = Number(m[2] ?? 0);
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1, 1 + Math.floor(near / PER_PAGE));
  // Flarum itself answers an empty page here; the demo says "not found" so a wrong link shows.
  if (near > t.posts.length || (!near && page > Math.ceil(t.posts.length / PER_PAGE))) return null;
  return html(discussionPage(t, origin, page, near));
}

const LONG = THREADS[1];

export const flarumLab: EngineLab = {
  engine: 'flarum',
  prefixes: [`${BASE}/`],
  otherThreads: [discussionPath(THREADS[0])],
  answer,
  // views/error/not_found.blade.php in layouts/basic.blade.php (its long stylesheet left out).
  notFound: (origin) => `<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8">
    <title>${FORUM}</title>
    <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, minimum-scale=1">
  </head>

  <body>
    <div class="container">
      <p>
    The page you requested could not be found.
  </p>
  <p>
    <a href="${origin}${BASE}">
      Return to ${FORUM}
    </a>
  </p>
    </div>
  </body>
</html>`,
  demo: {
    title: LONG.title,
    pages: Math.ceil(LONG.posts.length / PER_PAGE),
    pagePath: (k) => `${discussionPath(LONG)}${k > 1 ? `?page=${k}` : ''}`,
    pageOf: (n) => Math.ceil(n / PER_PAGE),
    postPath: (n) => `${discussionPath(LONG)}/${n}`,
    barCount: () => `${LONG.posts.length} posts`,
    // The post itself (Post.tsx's article), inside the stream item's padding.
    postSelector: (n) => `.PostStream-item[data-number="${n}"] > article.CommentPost`,
    term: 'R-CHOP',
  } satisfies DemoThread,
};
