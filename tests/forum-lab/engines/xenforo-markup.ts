import { esc } from './engine-lab';
import type { EnginePost } from '../data/engine-threads';

/**
 * XenForo 2.3 markup, following the master templates of XenForo 2.3.3 as shipped in
 * `src/addons/XF/_data/templates.xml` (public templates `PAGE_CONTAINER`, `thread_view`,
 * `post_macros`, `message_macros`, `page_nav`, `bb_code_tag_quote`, `bb_code_tag_code`), the
 * page navigation logic of `XF\Template\Templater::fnPageNav` (range 2, `<link rel=prev/next>`)
 * and the JSON-LD of `XF\ThreadType\AbstractHandler::getLdStructuredData`. XenForo is not open
 * source; those files are public in the repository rajeshalda/matrix-server (a XenForo 2.3.3
 * install). Element names, classes, attributes and nesting are XenForo's; the words are ours.
 */
export interface XfThread {
  id: number;
  slug: string;
  title: string;
  forum: { id: number; slug: string; title: string };
  posts: EnginePost[];
  /** The post id of post `n`. */
  postId(n: number): number;
  perPage: number;
  views: number;
}

export const BOARD = 'Myeloma Friends';
const STYLE = `body{font:15px/1.5 'Segoe UI',sans-serif;background:#fefefe;color:#141414;margin:0}.p-body{max-width:960px;margin:0 auto;padding:16px}.message{border:1px solid #dfdfdf;border-radius:4px;margin:10px 0}.message-inner{display:flex}.message-cell--user{width:140px;background:#f5f5f5;padding:10px}.message-cell--main{padding:10px;flex:1;min-width:0}.message-attribution{font-size:12px;color:#8c8c8c;display:flex;justify-content:space-between}.listInline{list-style:none;margin:0;padding:0;display:flex;gap:8px}.bbCodeBlock{border:1px solid #d8d8d8;border-left:3px solid #f87b3b;margin:8px 0;padding:6px 10px;background:#f9f9f9}.bbCodeBlock-title{font-size:12px;color:#8c8c8c}.bbCodeBlock-expandLink,.menu,.u-srOnly{display:none}.message-signature{border-top:1px solid #eee;margin-top:10px;font-size:12px;color:#777}.pageNav-main{list-style:none;display:inline-flex;gap:4px;padding:0}.pageNav-page--current a{font-weight:bold}.pageNavSimple{display:none}`;

export const threadPath = (t: XfThread, page = 1) => `/xf/threads/${t.slug}.${t.id}/${page > 1 ? `page-${page}` : ''}`;
const postPath = (t: XfThread, n: number) => `/xf/threads/${t.slug}.${t.id}/post-${t.postId(n)}`;
const memberPath = (name: string) => `/xf/members/${encodeURIComponent(name.toLowerCase())}.${userId(name)}/`;
const userId = (name: string) => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9000, 7) + 1000;
const pageCount = (t: XfThread) => Math.max(1, Math.ceil(t.posts.length / t.perPage));

/** `bb_code()`: XenForo writes line breaks as `<br />`, quotes and code as blocks. */
function bbCode(t: XfThread, p: EnginePost): string {
  const quote = p.quote
    ? `<blockquote data-attributes="member: ${userId(p.quote.username)}" data-quote="${esc(p.quote.username)}" data-source="post: ${t.postId(p.quote.n)}"
	class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch">
		<div class="bbCodeBlock-title">
				<a href="/xf/goto/post?id=${t.postId(p.quote.n)}" class="bbCodeBlock-sourceJump" rel="nofollow" data-xf-click="attribution" data-content-selector="#post-${t.postId(p.quote.n)}">${esc(p.quote.username)} said:</a>
		</div>
	<div class="bbCodeBlock-content">
		<div class="bbCodeBlock-expandContent js-expandContent ">${esc(p.quote.text)}</div>
		<div class="bbCodeBlock-expandLink js-expandLink"><a role="button" tabindex="0">Click to expand...</a></div>
	</div>
</blockquote>`
    : '';
  const code = p.code
    ? `<div class="bbCodeBlock bbCodeBlock--screenLimited bbCodeBlock--code">
	<div class="bbCodeBlock-title">
		Code:
	</div>
	<div class="bbCodeBlock-content" dir="ltr">
		<pre class="bbCodeCode" dir="ltr" data-xf-init="code-block" data-lang=""><code>${esc(p.code)}</code></pre>
	</div>
</div>`
    : '';
  return `<div class="bbWrapper">${quote}${p.paragraphs.map(esc).join('<br />\n<br />\n')}${code}</div>`;
}

/** `post_macros::post` with `message_macros::user_info` and `message_macros::signature`. */
function post(t: XfThread, p: EnginePost): string {
  const id = t.postId(p.n);
  const micro = p.n > 1;
  const link = postPath(t, p.n);
  return `<article class="message message--post js-post js-inlineModContainer  "
		data-author="${esc(p.username)}"
		data-content="post-${id}"
		id="js-post-${id}"
		${micro ? `itemscope itemtype="https://schema.org/Comment" itemid="${link}"` : ''}>
		${micro ? `<meta itemprop="parentItem" itemscope itemid="${threadPath(t)}" />` : ''}
		<span class="u-anchorTarget" id="post-${id}"></span>
			<div class="message-inner">
					<div class="message-cell message-cell--user">
	<section class="message-user" ${micro ? `itemprop="author" itemscope itemtype="https://schema.org/Person" itemid="${memberPath(p.username)}"` : ''}>
		<div class="message-avatar "><div class="message-avatar-wrapper"><a href="${memberPath(p.username)}" class="avatar avatar--m avatar--default" data-user-id="${userId(p.username)}"><span class="avatar-u${userId(p.username)}-m" role="img" aria-label="${esc(p.username)}">${esc(p.username[0])}</span></a></div></div>
		<div class="message-userDetails">
			<h4 class="message-name"><a href="${memberPath(p.username)}" class="username " dir="auto" data-user-id="${userId(p.username)}" ${micro ? 'itemprop="name"' : ''}>${esc(p.username)}</a></h4>
			<h5 class="userTitle message-userTitle" dir="auto">Member</h5>
		</div>
	</section>
					</div>
					<div class="message-cell message-cell--main">
						<div class="message-main js-quickEditTarget">
	<header class="message-attribution message-attribution--split">
		<ul class="message-attribution-main listInline ">
			<li class="u-concealed">
				<a href="${link}" rel="nofollow" ${micro ? 'itemprop="url"' : ''}>
					<time  class="u-dt" dir="auto" datetime="${p.time.replace('.000Z', '+0000')}" data-timestamp="${Date.parse(p.time) / 1000}" ${micro ? 'itemprop="datePublished"' : ''}>${new Date(p.time).toUTCString().slice(5, 16)}</time>
				</a>
			</li>
		</ul>
		<ul class="message-attribution-opposite message-attribution-opposite--list ">
			<li>
				<a href="${link}" class="message-attribution-gadget" data-xf-init="share-tooltip" data-href="/xf/posts/${id}/share" aria-label="Share" rel="nofollow"><i class="fa--xf far fa-share-alt" aria-hidden="true"></i></a>
			</li>
			<li>
				<a href="${link}" rel="nofollow">
					#${p.n.toLocaleString('en-GB')}
				</a>
			</li>
		</ul>
	</header>
							<div class="message-content js-messageContent">
	<div class="message-userContent lbContainer js-lbContainer "
		data-lb-id="post-${id}"
		data-lb-caption-desc="${esc(p.username)} &middot; ${esc(p.time)}">
		<article class="message-body js-selectToQuote">
			<div ${micro ? 'itemprop="text"' : ''}>
				${bbCode(t, p)}
			</div>
			<div class="js-selectToQuoteEnd">&nbsp;</div>
		</article>
	</div>
${p.signature ? `			<aside class="message-signature">\n				<div class="bbWrapper">${esc(p.signature)}</div>\n			</aside>` : ''}
							</div>
	<footer class="message-footer">
		<div class="message-actionBar actionBar">
			<div class="actionBar-set actionBar-set--external">
				<a href="/xf/threads/${t.slug}.${t.id}/reply?quote=${id}" class="actionBar-action actionBar-action--reply" title="Reply, quoting this message" rel="nofollow" data-xf-click="quote" data-quote-href="/xf/posts/${id}/quote">Reply</a>
			</div>
		</div>
		<div class="reactionsBar js-reactionsList "></div>
	</footer>
						</div>
					</div>
			</div>
	</article>`;
}

/** One `page_link` of `page_nav`. */
const pageLink = (t: XfThread, page: number, current: number, cls = '') =>
  `<li class="pageNav-page ${page === current ? 'pageNav-page--current ' : ''}${cls}"><a href="${threadPath(t, page)}">${page}</a></li>`;

/** `page_nav`, with `fnPageNav`'s window of two pages either side of the current one. */
export function pageNav(t: XfThread, current: number): string {
  const total = pageCount(t);
  if (total <= 1) return '';
  const startInner = Math.max(2, current - 2);
  const endInner = Math.min(current + 2, total - 1);
  const skip = (where: 'Start' | 'End') =>
    `<li class="pageNav-page pageNav-page--skip pageNav-page--skip${where}"><a data-xf-init="tooltip" title="Go to page" data-xf-click="menu" role="button" tabindex="0" aria-expanded="false" aria-haspopup="true">…</a></li>`;
  const inner: string[] = [];
  for (let p = startInner; p <= endInner; p++)
    inner.push(
      pageLink(t, p, current, p < current ? 'pageNav-page--earlier' : p > current ? 'pageNav-page--later' : ''),
    );
  const start =
    startInner > 2 ? (startInner === 3 ? pageLink(t, 2, current, 'pageNav-page--earlier') : skip('Start')) : '';
  const end =
    endInner + 1 < total
      ? endInner + 2 === total
        ? pageLink(t, total - 1, current, 'pageNav-page--later')
        : skip('End')
      : '';
  return `<div class="block-outer-main"><nav class="pageNavWrapper pageNavWrapper--mixed ">
<div class="pageNav  ${startInner > 2 ? 'pageNav--skipStart' : ''} ${endInner + 1 < total ? 'pageNav--skipEnd' : ''}">
	${current > 1 ? `<a href="${threadPath(t, current - 1)}" class="pageNav-jump pageNav-jump--prev">Prev</a>` : ''}
	<ul class="pageNav-main">
		${pageLink(t, 1, current)}
		${start}
		${inner.join('\n\t\t')}
		${end}
		${pageLink(t, total, current)}
	</ul>
	${current < total ? `<a href="${threadPath(t, current + 1)}" class="pageNav-jump pageNav-jump--next">Next</a>` : ''}
</div>
<div class="pageNavSimple">
	${current > 1 ? `<a href="${threadPath(t, 1)}" class="pageNavSimple-el pageNavSimple-el--first" data-xf-init="tooltip" title="First"><i aria-hidden="true"></i> <span class="u-srOnly">First</span></a>\n\t<a href="${threadPath(t, current - 1)}" class="pageNavSimple-el pageNavSimple-el--prev"><i aria-hidden="true"></i> Prev</a>` : ''}
	<a class="pageNavSimple-el pageNavSimple-el--current" data-xf-init="tooltip" title="Go to page" data-xf-click="menu" role="button" tabindex="0" aria-expanded="false" aria-haspopup="true">
		${current} of ${total}
	</a>
	${current < total ? `<a href="${threadPath(t, current + 1)}" class="pageNavSimple-el pageNavSimple-el--next">Next <i aria-hidden="true"></i></a>\n\t<a href="${threadPath(t, total)}" class="pageNavSimple-el pageNavSimple-el--last" data-xf-init="tooltip" title="Last"><i aria-hidden="true"></i> <span class="u-srOnly">Last</span></a>` : ''}
</div>
</nav></div>`;
}

/** `getLdStructuredData`: a WebPage whose main entity is the thread, reply count included. */
function ldJson(t: XfThread, page: number, origin: string) {
  const first = t.posts[0];
  const threadLink = `${origin}${threadPath(t)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    url: `${origin}${threadPath(t, page)}`,
    mainEntity: {
      '@type': 'DiscussionForumPosting',
      '@id': threadLink,
      headline: t.title,
      datePublished: first.time.replace('.000Z', '+00:00'),
      url: threadLink,
      articleSection: t.forum.title,
      author: {
        '@type': 'Person',
        '@id': `${origin}${memberPath(first.username)}`,
        name: first.username,
        url: `${origin}${memberPath(first.username)}`,
      },
      interactionStatistic: [
        {
          '@type': 'InteractionCounter',
          interactionType: 'https://schema.org/ViewAction',
          userInteractionCount: t.views,
        },
        {
          '@type': 'InteractionCounter',
          interactionType: 'https://schema.org/CommentAction',
          userInteractionCount: t.posts.length - 1,
        },
        ...(page === 1
          ? [
              {
                '@type': 'InteractionCounter',
                interactionType: 'https://schema.org/LikeAction',
                userInteractionCount: 3,
              },
            ]
          : []),
      ],
      ...(page === 1 ? { articleBody: first.paragraphs.join(' ') } : {}),
    },
    publisher: { '@type': 'Organization', name: BOARD, url: `${origin}/xf/` },
  };
}

/** `PAGE_CONTAINER` around `thread_view`, for page `page` of the thread. */
export function threadPage(t: XfThread, page: number, origin: string): string {
  const total = pageCount(t);
  const posts = t.posts.slice((page - 1) * t.perPage, page * t.perPage);
  const nav = pageNav(t, page);
  return `<!DOCTYPE html>
<html id="XF" lang="en-GB" dir="LTR"
	data-xf="2.3"
	data-app="public"
	data-template="thread_view"
	data-container-key="node-${t.forum.id}"
	data-content-key="thread-${t.id}"
	data-logged-in="false"
	data-cookie-prefix="xf_"
	data-csrf="1739181731,demo"
	class="has-no-js template-thread_view">
<head>
	<meta charset="utf-8" />
	<title>${esc(t.title)}${page > 1 ? ` | Page ${page}` : ''} | ${BOARD}</title>
	<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
	<link rel="canonical" href="${origin}${threadPath(t, page)}" />
	${page > 1 ? `<link rel="prev" href="${threadPath(t, page - 1)}" />` : ''}
	${page < total ? `<link rel="next" href="${threadPath(t, page + 1)}" />` : ''}
	<meta property="og:site_name" content="${BOARD}" />
	<meta property="og:type" content="website" />
	<meta property="og:title" content="${esc(t.title)}" />
	<style>${STYLE}</style>
	<script type="application/ld+json">
		${JSON.stringify(ldJson(t, page, origin), null, '\t').replaceAll('/', '\\/')}
	</script>
</head>
<body data-template="thread_view">
<div class="p-pageWrapper" id="top">
<div class="p-body"><div class="p-body-inner">
	<div class="p-body-header">
		<div class="p-title "><h1 class="p-title-value">${esc(t.title)}</h1></div>
		<div class="p-description">
	<ul class="listInline listInline--bullet">
		<li><i class="fa--xf far fa-user" title="Thread starter" aria-hidden="true"></i><span class="u-srOnly">Thread starter</span>
			<a href="${memberPath(t.posts[0].username)}" class="username  u-concealed" dir="auto" data-user-id="${userId(t.posts[0].username)}">${esc(t.posts[0].username)}</a></li>
		<li><i class="fa--xf far fa-clock" title="Start date" aria-hidden="true"></i><span class="u-srOnly">Start date</span>
			<a href="${threadPath(t)}" class="u-concealed"><time class="u-dt" dir="auto" datetime="${t.posts[0].time}">${new Date(t.posts[0].time).toUTCString().slice(5, 16)}</time></a></li>
	</ul>
		</div>
	</div>
	<div class="p-body-main"><div class="p-body-content"><div class="p-body-pageContent">
<div class="block block--messages" data-xf-init="" data-type="post" data-href="/xf/inline-mod/" data-search-target="*">
	<span class="u-anchorTarget" id="posts"></span>
	<div class="block-outer">${nav}</div>
	<div class="block-container lbContainer" data-xf-init="lightbox select-to-quote" data-message-selector=".js-post" data-lb-id="thread-${t.id}" data-lb-universal="0">
		<div class="block-body js-replyNewMessageContainer">
			${posts.map((p) => post(t, p)).join('\n')}
		</div>
	</div>
	${nav ? `<div class="block-outer block-outer--after">${nav}</div>` : ''}
</div>
<form action="/xf/threads/${t.slug}.${t.id}/add-reply" method="post" class="block js-quickReply" data-xf-init="attachment-manager quick-reply">
	<div class="block-container"><div class="block-body"><div class="message message--quickReply block-topRadiusContent block-bottomRadiusContent">
		<div class="message-inner"><div class="message-cell message-cell--main"><div class="message-editorWrapper">
			<div class="fr-element fr-view" dir="auto" contenteditable="true" aria-label="Rich Text Editor">${esc(t.title.split(' ')[0])}</div>
		</div></div></div>
	</div></div></div>
</form>
	</div></div></div>
</div></div>
</div>
</body>
</html>`;
}

/** `forum_list`: the board index, which is not a thread. */
export const forumList = (forums: XfThread['forum'][]) => `<!DOCTYPE html>
<html id="XF" lang="en-GB" dir="LTR" data-xf="2.3" data-app="public" data-template="forum_list" data-container-key="" data-content-key="" data-logged-in="false" class="has-no-js template-forum_list">
<head><meta charset="utf-8" /><title>Forums | ${BOARD}</title><style>${STYLE}</style></head>
<body data-template="forum_list"><div class="p-body"><div class="p-body-inner">
	<div class="p-title "><h1 class="p-title-value">Forums</h1></div>
	<div class="block block--category"><div class="block-container"><div class="block-body">
${forums.map((f) => `		<div class="node node--id${f.id} node--depth2 node--forum"><div class="node-body"><div class="node-main js-nodeMain"><h3 class="node-title"><a href="/xf/forums/${f.slug}.${f.id}/" data-xf-init="element-tooltip" data-shortcut="node-description">${esc(f.title)}</a></h3></div></div></div>`).join('\n')}
	</div></div></div>
</div></div></body></html>`;

/** XenForo's "not found" error page (`error` template inside `PAGE_CONTAINER`). */
export const notFoundPage = () => `<!DOCTYPE html>
<html id="XF" lang="en-GB" dir="LTR" data-xf="2.3" data-app="public" data-template="error" data-container-key="" data-content-key="" data-logged-in="false" class="has-no-js template-error">
<head><meta charset="utf-8" /><title>Oops! We ran into some problems. | ${BOARD}</title></head>
<body data-template="error"><div class="p-body"><div class="p-body-inner">
	<div class="p-title "><h1 class="p-title-value">Oops! We ran into some problems.</h1></div>
	<div class="blockMessage">The requested thread could not be found.</div>
</div></div></body></html>`;
