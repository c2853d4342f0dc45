/**
 * The NodeBB demo forum, after NodeBB/NodeBB v4.15.1 with its default theme
 * NodeBB/nodebb-theme-harmony v3.2.10:
 * - the page: harmony templates/header.tpl and footer.tpl (layout, `#content`), the head's
 *   meta and link tags from NodeBB src/controllers/topics.js (addTags: canonical with
 *   `?page=K`) and src/pagination.js (rel next/prev);
 * - the topic: harmony templates/topic.tpl (title, stats, `ul[component="topic"]`, the
 *   paginator inside <noscript> since infinite scroll is the default), NodeBB
 *   src/views/partials/topic/meta-tags.tpl and partials/data/topic.tpl (a post's data-index,
 *   data-pid, data-uid, data-timestamp, data-username), harmony partials/topic/post.tpl and
 *   partials/topic/stats.tpl, partials/paginator.tpl;
 * - paging as src/controllers/topics.js does it: 20 posts a page (install/data/defaults.json),
 *   `?page=K`, and `/topic/{tid}/{slug}/{n}` centred on post n;
 * - `/api/topic/{tid}`: the same topic data as JSON, `postcount` among it;
 * - post bodies as nodebb-plugin-markdown and nodebb-plugin-mentions render them, quotes as the
 *   composer writes them ("@name said in Title:").
 * NodeBB redirects a topic address without its slug; the demo answers only the slugged one.
 * Posts and titles are ours.
 */
import { longEngineThread, shortEngineThread, type EnginePost, type EngineThread } from '../data/engine-threads';
import { esc, html, json, type DemoThread, type EngineLab, type LabAnswer } from './engine-lab';

const BASE = '/nodebb';
const SITE = 'CLL Chat';
const PER_PAGE = 20;

const THREADS: EngineThread[] = [
  shortEngineThread(77, 'ibrutinib-and-bruising', 'Ibrutinib and bruising', '2025-03-03T11:06:40Z', [
    [
      'steve_cll',
      'Three months on ibrutinib for CLL and I bruise if anyone looks at me. Is this normal? My platelets are fine.',
    ],
    [
      'jan_w',
      'Same here on acalabrutinib. My haematologist said BTK inhibitors affect how platelets work, not the count.',
    ],
  ]),
  longEngineThread(78, 'cll-treatment-check-in-thread', 'CLL treatment check-in thread', 57),
];
const byId = new Map(THREADS.map((t) => [String(t.id), t]));

const pid = (t: EngineThread, n: number) => t.id * 100 + n;
const uid = (name: string) => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 900, 3) + 2;
const topicPath = (t: EngineThread) => `${BASE}/topic/${t.id}/${t.slug}`;
const pageCount = (t: EngineThread) => Math.max(1, Math.ceil(t.posts.length / PER_PAGE));

/** A post as the markdown and mentions plugins render it. */
function content(t: EngineThread, p: EnginePost, origin: string): string {
  const quote = p.quote
    ? `<p dir="auto"><a class="plugin-mentions-user plugin-mentions-a" href="${origin}${BASE}/uid/${uid(p.quote.username)}">@${esc(p.quote.username)}</a> said in <a href="${BASE}/post/${pid(t, p.quote.n)}">${esc(t.title)}</a>:</p>\n<blockquote>\n<p dir="auto">${esc(p.quote.text)}</p>\n</blockquote>\n`
    : '';
  const code = p.code ? `<pre><code>${esc(p.code)}\n</code></pre>\n` : '';
  return quote + p.paragraphs.map((s) => `<p dir="auto">${esc(s)}</p>\n`).join('') + code;
}

/** harmony partials/topic/post.tpl inside topic.tpl's `li[component="post"]`. */
function postItem(t: EngineThread, p: EnginePost, origin: string): string {
  const index = p.n - 1;
  const ts = Date.parse(p.time);
  const user = esc(p.username);
  return `<li component="post" class="${index ? 'pt-4' : ''}  ${p.username === t.posts[0].username ? 'topic-owner-post' : ''}" data-index="${index}" data-pid="${pid(t, p.n)}" data-uid="${uid(p.username)}" data-timestamp="${ts}" data-username="${user}" data-userslug="${user}" itemprop="comment" itemtype="http://schema.org/Comment" itemscope>
	<a component="post/anchor" data-index="${index}" id="${p.n}"></a>
	<meta itemprop="datePublished" content="${p.time}">
<div class="d-flex align-items-start gap-3 post-container-parent">
	<div class="bg-body d-none d-sm-block rounded-circle" style="box-shadow: 0 0 0 3px var(--bs-body-bg);">
		<a class="d-inline-block position-relative text-decoration-none" href="${BASE}/user/${user}" aria-label="Profile page for user ${user}"><span title="${user}" data-uid="${uid(p.username)}" class="avatar avatar-rounded" component="user/picture" style="--avatar-size: 48px; background-color: #3f51b5;">${user.charAt(0).toUpperCase()}</span></a>
	</div>
	<div class="post-container d-flex gap-2 flex-grow-1 flex-column w-100" style="min-width:0;">
		<div class="d-flex align-items-start justify-content-between gap-1 flex-nowrap w-100 post-header" itemprop="author" itemscope itemtype="https://schema.org/Person">
			<div class="d-flex gap-1 flex-wrap align-items-center text-truncate">
				<meta itemprop="name" content="${user}">
				<meta itemprop="url" content="${BASE}/user/${user}">
				<div class="d-flex flex-nowrap gap-1 align-items-center text-truncate">
					<a class="fw-bold text-nowrap text-truncate" href="${BASE}/user/${user}" data-username="${user}" data-uid="${uid(p.username)}">${user}</a>
				</div>
				<div class="d-flex gap-1 align-items-center">
					<span class="text-muted">wrote <a href="${BASE}/post/${pid(t, p.n)}" class="timeago text-muted" title="${p.time}">${p.time.slice(0, 10)}</a></span>
					<i component="post/edit-indicator" class="fa fa-edit text-muted edit-icon hidden" title="Edited"></i>
					<span data-editor="" component="post/editor" class="visually-hidden">last edited by  <span class="timeago" title=""></span></span>
				</div>
			</div>
			<div class="d-flex align-items-center gap-1 justify-content-end">
				<span class="bookmarked opacity-0 text-primary"><i class="fa fa-bookmark-o"></i></span>
				<a href="${BASE}/post/${pid(t, p.n)}" class="post-index text-muted d-none d-md-inline">#${p.n}</a>
			</div>
		</div>

		<div class="content text-break" component="post/content" itemprop="text">
			${content(t, p, origin)}
		</div>

		<div component="post/footer" class="post-footer border-bottom pb-2">
			<div class="d-flex flex-wrap-reverse gap-2 justify-content-end">
				<div component="post/actions" class="d-flex flex-grow-1 align-items-start align-items-lg-center justify-content-end gap-1 post-tools">
					<a component="post/reply" href="#" class="btn btn-ghost btn-sm hidden" title="Reply"><i class="fa fa-fw fa-reply text-primary"></i></a>
					<a component="post/quote" href="#" class="btn btn-ghost btn-sm hidden" title="Quote"><i class="fa fa-fw fa-quote-right text-primary"></i></a>
				</div>
			</div>
			<div component="post/replies/container" class="my-2 col-11 border rounded-1 p-3 hidden-empty"></div>
		</div>
	</div>
</div>
</li>`;
}

/** src/pagination.js `create`: the pages to show, with separators where pages are skipped. */
function paginationPages(current: number, count: number): Array<number | null> {
  let start = Math.max(1, current - 2);
  if (start > count - 5) start -= 2 - (count - current);
  const shown = [...new Set([1, 2, count - 1, count, ...[0, 1, 2, 3, 4].map((i) => start + i)])]
    .filter((p) => p > 0 && p <= count)
    .sort((a, b) => a - b);
  const out: Array<number | null> = [];
  shown.forEach((p, i) => {
    const prev = shown[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(p - 1);
    else if (prev !== undefined && p - prev > 2) out.push(null);
    out.push(p);
  });
  return out;
}

/** harmony partials/paginator.tpl, topic version (no first/last row). */
function paginator(current: number, count: number): string {
  const item = (p: number | null) =>
    p === null
      ? `<li component="pagination/select-page" class="page-item page select-page">
				<a class="page-link rounded fw-secondary px-3 border-0" href="#" aria-label="Go to page"><i class="fa fa-ellipsis-h"></i></a>
			</li>`
      : `<li class="page-item page${p === current ? ' active' : ''}" >
				<a class="page-link rounded fw-secondary px-3 border-0" href="?page=${p}" data-page="${p}" aria-label="Page ${p}">${p}</a>
			</li>`;
  const prev = Math.max(1, current - 1);
  const next = Math.min(count, current + 1);
  return `<nav component="pagination" class="pagination-container mt-3${count > 1 ? '' : ' hidden'}" aria-label="Pagination">
	<ul class="pagination pagination-sm gap-1 hidden-xs hidden-sm justify-content-center">
		<li class="page-item previous ${current > 1 ? '' : ' opacity-50 pe-none'}">
			<a class="page-link rounded fw-secondary px-3 border-0" href="?page=${prev}" data-page="${prev}" aria-label="Previous Page"><i class="fa fa-chevron-left"></i> </a>
		</li>
		${count > 1 ? paginationPages(current, count).map(item).join('\n\t\t') : ''}
		<li class="page-item next ${current < count ? '' : ' opacity-50 pe-none'}">
			<a class="page-link rounded fw-secondary px-3 border-0" href="?page=${next}" data-page="${next}" aria-label="Next Page"> <i class="fa fa-chevron-right"></i></a>
		</li>
	</ul>
</nav>`;
}

/** Where a page starts, as calculateStartStop does with infinite scroll on. */
function shownPosts(t: EngineThread, page: number, postIndex: number): EnginePost[] {
  const start = postIndex > 1 ? Math.max(0, postIndex - PER_PAGE / 2) : (page - 1) * PER_PAGE;
  return t.posts.slice(start, start + PER_PAGE);
}

function topicPage(t: EngineThread, origin: string, page: number, postIndex: number): string {
  const count = pageCount(t);
  const url = `${origin}${topicPath(t)}`;
  const at = (k: number) => `${url}${k > 1 ? `?page=${k}` : ''}`;
  const first = t.posts[0];
  const last = t.posts[t.posts.length - 1];
  const posters = new Set(t.posts.map((p) => p.username)).size;
  return `<!DOCTYPE html>
<html lang="en-GB" >
<head>
	<title>${esc(t.title)} | ${SITE}</title>
	<meta name="viewport" content="width&#x3D;device-width, initial-scale&#x3D;1.0" />
	<meta name="content-type" content="text/html; charset=UTF-8" />
	<meta name="title" content="${esc(t.title)}" />
	<meta property="og:title" content="${esc(t.title)}" />
	<meta property="og:type" content="article" />
	<meta property="article:published_time" content="${first.time}" />
	<meta property="article:modified_time" content="${last.time}" />
	<meta property="article:section" content="Treatment" />
	<meta name="description" content="${esc(first.paragraphs[0])}" />
	<meta property="og:site_name" content="${SITE}" />
	<link rel="canonical" href="${at(page)}" />
	<link rel="up" href="${origin}${BASE}/category/3/treatment" />
	${page < count ? `<link rel="next" href="${at(page + 1)}" />` : ''}
	${page > 1 ? `<link rel="prev" href="${at(page - 1)}" />` : ''}
	<script>
		var config = JSON.parse('{"relative_path":"${BASE}","usePagination":false,"postsPerPage":${PER_PAGE}}');
		var app = {
			user: JSON.parse('{"uid":0}')
		};
		document.documentElement.style.setProperty('--panel-offset', \`0px\`);
	</script>
	<style>${STYLE}</style>
</head>

<body class="page-topic page-topic-${t.id} page-topic-${t.slug} template-topic page-topic-category-3 page-topic-category-treatment parent-category-3 page-status-200 theme-harmony user-guest skin-noskin">
	<a class="visually-hidden-focusable position-absolute top-0 start-0 p-3 m-3 bg-body" style="z-index: 1021;" href="#content">Skip to content</a>
	<div class="layout-container d-flex justify-content-between pb-4 pb-md-0">
		<main id="panel" class="d-flex flex-column gap-3 flex-grow-1 mt-3" style="min-width: 0;">
			<div class="container-lg px-md-4 d-flex flex-column gap-3 h-100 mb-5 mb-lg-0" id="content">
<div class="flex-fill" itemid="${topicPath(t)}" itemscope itemtype="https://schema.org/DiscussionForumPosting">
	<meta itemprop="headline" content="${esc(t.title)}">
	<meta itemprop="text" content="${esc(t.title)}">
	<meta itemprop="url" content="${topicPath(t)}">
	<meta itemprop="datePublished" content="${first.time}">
	<meta itemprop="dateModified" content="${last.time}">
	<div itemprop="author" itemscope itemtype="https://schema.org/Person">
		<meta itemprop="name" content="${esc(first.username)}">
		<meta itemprop="url" content="${BASE}/user/${esc(first.username)}">
	</div>
	<div itemprop="interactionStatistic" itemscope itemtype="https://schema.org/InteractionCounter">
		<meta itemprop="interactionType" content="https://schema.org/CommentAction">
		<meta itemprop="userInteractionCount" content="${t.posts.length - 1}">
	</div>

	<div class="d-flex flex-column gap-3">
		<div class="d-flex gap-2 flex-wrap flex-column flex-md-row justify-content-between">
			<div class="d-flex flex-column gap-3 flex-md-shrink-50">
				<h1 component="post/header" class="tracking-tight fw-semibold fs-3 mb-0 text-break ">
					<span class="topic-title" component="topic/title">${esc(t.title)}</span>
				</h1>

				<div class="topic-info d-flex gap-2 align-items-center flex-wrap ">
					<a href="${BASE}/category/3/treatment" class="badge px-1 text-truncate text-decoration-none border" style="color: #ffffff;background-color: #86ba4b;border-color: #86ba4b!important;">Treatment</a>
					<div class="d-flex gap-2" component="topic/stats"><span class="badge text-body border border-gray-300 stats text-xs">
	<i class="fa-regular fa-fw fa-message visible-xs-inline" title="Posts"></i>
	<span component="topic/post-count" title="${t.posts.length.toLocaleString('en')}" class="fw-bold">${t.posts.length}</span>
	<span class="hidden-xs text-lowercase fw-normal">Posts</span>
</span>
<span class="badge text-body border border-gray-300 stats text-xs">
	<i class="fa fa-fw fa-user visible-xs-inline" title="Posters"></i>
	<span title="${posters}" class="fw-bold">${posters}</span>
	<span class="hidden-xs text-lowercase fw-normal">Posters</span>
</span></div>
				</div>
			</div>
		</div>

		<div class="row mb-4 mb-lg-0">
			<div class="topic col-lg-12">
				<div class="d-flex gap-0 gap-lg-5">
					<div class="posts-container" style="min-width: 0;">
						<ul component="topic" class="posts timeline list-unstyled p-0 py-3" style="min-width: 0;" data-tid="${t.id}" data-cid="3">
						${shownPosts(t, page, postIndex)
              .map((p) => postItem(t, p, origin))
              .join('\n\t\t\t\t\t\t')}
						</ul>
					</div>
				</div>
			</div>
		</div>
	</div>
</div>

<div data-widget-area="footer">
</div>

<noscript>
${paginator(page, count)}
</noscript>
			</div><!-- /.container#content -->
		</main>
	</div>

<script defer src="${BASE}/assets/nodebb.min.js?v=lab"></script>
</body>
</html>`;
}

/** Ours, in place of harmony's compiled Bootstrap: enough to tell posts apart. */
const STYLE =
  'body{font:15px/1.5 sans-serif;margin:0}#content{max-width:820px;margin:0 auto;padding:0 16px}' +
  '.hidden,.visually-hidden,.d-none{display:none}li[component=post]{border-bottom:1px solid #eee;padding:10px 0}' +
  'blockquote{border-left:3px solid #ccd;margin:0 0 8px;padding:0 8px;color:#555}pre{background:#f3f4f8;padding:8px}' +
  '.pagination{display:flex;gap:8px;list-style:none}';

/** The topic as `/api/topic/{tid}` gives it (a part of what NodeBB sends). */
function topicJson(t: EngineThread, origin: string) {
  return {
    tid: t.id,
    cid: 3,
    title: t.title,
    slug: `${t.id}/${t.slug}`,
    postcount: t.posts.length,
    mainPid: pid(t, 1),
    timestampISO: t.posts[0].time,
    lastposttimeISO: t.posts[t.posts.length - 1].time,
    posts: shownPosts(t, 1, 1).map((p) => ({
      pid: pid(t, p.n),
      uid: uid(p.username),
      tid: t.id,
      index: p.n - 1,
      timestamp: Date.parse(p.time),
      content: content(t, p, origin),
      user: { uid: uid(p.username), username: p.username, userslug: p.username },
    })),
    pagination: { currentPage: 1, pageCount: pageCount(t) },
    url: `${origin}${topicPath(t)}`,
  };
}

const TOPIC = /^\/nodebb\/topic\/(\d+)\/([^/]+)(?:\/(\d+))?\/?$/;
const API_TOPIC = /^\/nodebb\/api\/topic\/(\d+)(?:\/[^/]+)?\/?$/;

function answer(url: URL, origin: string): LabAnswer | null {
  let m = url.pathname.match(API_TOPIC);
  if (m) {
    const t = byId.get(m[1]);
    return t ? json(topicJson(t, origin)) : json({ status: { code: 'not-found', message: 'Not Found' } }, 404);
  }
  m = url.pathname.match(TOPIC);
  const t = m ? byId.get(m[1]) : undefined;
  if (!m || !t || m[2] !== t.slug) return null;
  const postIndex = Number(m[3] ?? 1);
  const asked = Number(url.searchParams.get('page') ?? 0);
  // NodeBB redirects an index past the end and shows an empty page past the last; not here.
  if (postIndex < 1 || postIndex > t.posts.length || asked > pageCount(t)) return null;
  const page = asked || 1 + Math.floor((postIndex - 1) / PER_PAGE);
  return html(topicPage(t, origin, page, asked ? 1 : postIndex));
}

const LONG = THREADS[1];

export const nodebbLab: EngineLab = {
  engine: 'nodebb',
  prefixes: [`${BASE}/`],
  otherThreads: [topicPath(THREADS[0])],
  answer,
  // NodeBB src/views/404.tpl with the en-GB words, in a bare page rather than the theme's.
  notFound: () => `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Not Found | ${SITE}</title></head>
<body class="page-404 template-404 page-status-404 theme-harmony user-guest skin-noskin">
<div class="flex-fill">
	<h2 class="fw-semibold tracking-tight text-center">Not Found</h2>

	<div class="mx-auto">
		<div class="d-flex flex-column gap-3 justify-content-center text-center">
			<div class="mx-auto p-4">
				<i class="text-secondary fa fa-fw fa-4x fa-otter"></i>
			</div>
			You seem to have stumbled upon a page that does not exist.<br/><div class="text-sm text-muted">Return to the <a href='${BASE}/'>home page</a>.</div>
		</div>
	</div>
</div>
</body></html>`,
  demo: {
    title: LONG.title,
    pages: pageCount(LONG),
    pagePath: (k) => `${topicPath(LONG)}${k > 1 ? `?page=${k}` : ''}`,
    pageOf: (n) => Math.ceil(n / PER_PAGE),
    postPath: (n) => `${topicPath(LONG)}/${n}`,
    barCount: () => `${LONG.posts.length} posts`,
    postSelector: (n) => `li[component="post"][data-index="${n - 1}"]`,
    term: 'R-CHOP',
  } satisfies DemoThread,
};
