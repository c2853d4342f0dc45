/**
 * The Invision Community demo forum, as Invision Community 4.x draws a topic. Invision is closed
 * source and its templates are not public: this follows the markup its boards serve and its
 * documentation describes, as observed on public Invision 4 communities' topic pages (the
 * `forums/front/topics/topic` and `post` output: `a#comment-ID` before each
 * `article.cPost#elComment_ID`, the author in `.cAuthorPane_author`, the post in
 * `[data-role="commentContent"]`, quotes `blockquote.ipsQuote` with `.ipsQuote_citation`, code
 * `pre.ipsCode`, the "Edited" note marked `data-excludequote`, signatures in
 * `[data-role="memberSignature"]`; the `core/front/global/pagination` list `ul.ipsPagination`
 * with `data-pages` and `data-ipsPagination-perPage`, "Page 2 of 3" in its page jump; the
 * topic's JSON-LD `DiscussionForumPosting` with `pageStart`/`pageEnd` and the replies as its
 * `CommentAction` count). Invision's default is 25 posts a page; pages are
 * `/topic/ID-slug/page/K/`, a post `#comment-ID`. Element names, classes and nesting are
 * Invision's; the words are ours.
 *
 * Invision shows the last page for a page number past the end; this lab answers 404 there,
 * so a link that misses its page fails a test.
 */
import {
  memberIds,
  pageCount,
  pagedThread,
  postsOnPage,
  type PagedPost,
  type PagedThread,
} from '../data/paged-threads';
import { esc, html, type DemoThread, type EngineLab, type LabAnswer } from './engine-lab';

const COMMUNITY = 'Myeloma and MGUS Community';
const FORUM = 'Diagnosis and tests';
/** Invision Community's default posts a page in a topic. */
export const IPS_PER_PAGE = 25;

interface Topic extends PagedThread {
  /** Posts edited after the fact: post number → who, and when. */
  edited?: Record<number, { by: string; time: string }>;
}

const SHORT_TOPIC: Topic = {
  id: 903,
  slug: 'mgus-diagnosis-what-next',
  title: 'MGUS diagnosis - what next?',
  edited: { 2: { by: 'ken_r', time: '2025-01-21T16:05:00Z' } },
  posts: [
    {
      number: 1,
      id: 4401,
      author: 'ellie_b',
      time: '2025-01-20T09:00:00Z',
      paragraphs: [
        'My GP found a paraprotein and I have been told I have MGUS. The haematologist wants bloods every six months. Should I be worried about myeloma?',
      ],
    },
    {
      number: 2,
      id: 4402,
      author: 'ken_r',
      time: '2025-01-21T15:30:00Z',
      quote: { author: 'ellie_b', postNumber: 1, postId: 4401, text: 'Should I be worried about myeloma?' },
      paragraphs: [
        'MGUS for nine years here, serum free light chains checked twice a year. Myeloma UK have a good guide.',
      ],
    },
  ],
};

const LONG_TOPIC: Topic = pagedThread({
  id: 957,
  slug: 'carers-and-patients-support-thread',
  title: 'Carers and patients support thread - all welcome',
  count: 57,
  seed: 957,
  firstPostId: 8120,
  start: '2024-03-18T07:45:00Z',
});

const TOPICS: readonly Topic[] = [SHORT_TOPIC, LONG_TOPIC];
const userId = memberIds(8, 5);

const topicUrl = (origin: string, t: Topic, page = 1) =>
  `${origin}/invision/topic/${t.id}-${t.slug}/${page > 1 ? `page/${page}/` : ''}`;
const profile = (origin: string, name: string) =>
  `${origin}/invision/profile/${userId(name)}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`;
const findComment = (origin: string, t: Topic, id: number) => `${topicUrl(origin, t)}?do=findComment&amp;comment=${id}`;

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const time = (iso: string) =>
  `<time datetime="${new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z')}" title="${esc(new Date(iso).toUTCString())}" data-short="1 yr">${longDate(iso)}</time>`;

function content(t: Topic, p: PagedPost): string {
  const parts: string[] = [];
  if (p.quote) {
    const q = p.quote;
    const quoted = t.posts[q.postNumber - 1];
    parts.push(`<blockquote class="ipsQuote" data-ipsquote="" data-ipsquote-contentapp="forums" data-ipsquote-contentclass="forums_Topic" data-ipsquote-contentcommentid="${q.postId}" data-ipsquote-contentid="${t.id}" data-ipsquote-contenttype="forums" data-ipsquote-timestamp="${Date.parse(quoted.time) / 1000}" data-ipsquote-userid="${userId(q.author)}" data-ipsquote-username="${esc(q.author)}">
	<div class="ipsQuote_citation">
		On ${longDate(quoted.time)} at ${quoted.time.slice(11, 16)}, ${esc(q.author)} said:
	</div>
	<div class="ipsQuote_contents ipsClearfix" data-gramm="false">
		<p>${esc(q.text)}</p>
	</div>
</blockquote>`);
  }
  parts.push(...p.paragraphs.map((para) => `<p>\n\t${esc(para)}\n</p>`));
  if (p.code) parts.push(`<pre class="ipsCode prettyprint lang-auto">${esc(p.code)}</pre>`);
  const edit = t.edited?.[p.number];
  if (edit)
    parts.push(`<span class="ipsType_reset ipsType_medium ipsType_light" data-excludequote>
	<strong>Edited ${time(edit.time)} by ${esc(edit.by)}</strong>
</span>`);
  return parts.join('\n');
}

function post(origin: string, t: Topic, p: PagedPost): string {
  const name = esc(p.author);
  return `<a id="comment-${p.id}"></a>
<article id="elComment_${p.id}" class="cPost ipsBox ipsResponsive_pull ipsComment ipsComment_parent ipsClearfix ipsClear ipsColumns ipsColumns_noSpacing ipsColumns_collapsePhone">
	<aside class="ipsComment_author cAuthorPane ipsColumn ipsColumn_medium ipsResponsive_hidePhone">
		<h3 class="ipsType_sectionHead cAuthorPane_author ipsType_blendLinks ipsType_break"><strong><a href="${profile(origin, p.author)}" class="ipsType_break">${name}</a></strong></h3>
		<ul class="cAuthorPane_info ipsList_reset">
			<li data-role="group">Members</li>
			<li data-role="stats" class="ipsMargin_top"><ul class="ipsList_reset ipsType_light ipsFlex ipsFlex-ai:center ipsFlex-jc:center ipsGap_row:2 cAuthorPane_stats"><li><i class="fa fa-comment"></i> ${30 + ((userId(p.author) * 11) % 500)}</li></ul></li>
		</ul>
	</aside>
	<div class="ipsColumn ipsColumn_fluid ipsMargin:none">
		<div id="comment-${p.id}_wrap" data-controller="core.front.core.comment" data-commentapp="forums" data-commenttype="forums" data-commentid="${p.id}" class="ipsComment_content ipsType_medium">
			<div class="ipsComment_meta ipsType_light ipsFlex ipsFlex-ai:center ipsFlex-jc:between ipsFlex-fd:row-reverse">
				<div class="ipsType_light ipsType_reset ipsType_blendLinks ipsComment_toolWrap">
					<ul class="ipsList_reset ipsComment_tools">
						<li><a href="${findComment(origin, t, p.id)}" data-ipstooltip title="Share this post" class="ipsType_blendLinks" id="elSharePost_${p.id}" data-role="shareComment"><i class="fa fa-share-alt"></i></a></li>
					</ul>
				</div>
				<div class="ipsType_reset ipsResponsive_hidePhone">
					Posted <a href="${findComment(origin, t, p.id)}" rel="nofollow" class="ipsType_blendLinks">${time(p.time)}</a>
				</div>
			</div>
			<div class="cPost_contentWrap">
				<div data-role="commentContent" class="ipsType_normal ipsType_richText ipsPadding_bottom ipsContained" data-controller="core.front.core.lightboxedImages">
${content(t, p)}
				</div>
				<div class="ipsItemControls">
					<ul class="ipsComment_controls ipsClearfix ipsItemControls_left" data-role="commentControls">
						<li class="ipsJS_show"><a href="#" data-action="quoteComment" data-ipsquote-singlequote>Quote</a></li>
					</ul>
				</div>
				${p.signature ? `<div data-role="memberSignature" class="ipsResponsive_hidePhone ipsBorder_top ipsPadding_vertical">\n\t\t\t\t\t<div class="ipsType_light ipsType_richText" data-ipslazyload><p>${esc(p.signature)}</p></div>\n\t\t\t\t</div>` : ''}
			</div>
		</div>
	</div>
</article>`;
}

/** `core/front/global/pagination`: the pages around this one, prev/next, first/last, the jump. */
function pagination(origin: string, t: Topic, page: number): string {
  const total = pageCount(t, IPS_PER_PAGE);
  if (total === 1) return '';
  const link = (k: number) => topicUrl(origin, t, k);
  const id = `elPagination_4f1c9e_${t.id}`;
  const numbered = Array.from({ length: total }, (_, i) => i + 1)
    .filter((k) => Math.abs(k - page) <= 5)
    .map(
      (k) =>
        `<li class="ipsPagination_page${k === page ? ' ipsPagination_active' : ''}"><a href="${link(k)}" data-page="${k}">${k}</a></li>`,
    );
  const inactive = (b: boolean) => (b ? ' ipsPagination_inactive' : '');
  return `<ul class="ipsPagination" id="${id}" data-ipspagination-seopagination="true" data-pages="${total}" data-ipspagination data-ipspagination-pages="${total}" data-ipspagination-perpage="${IPS_PER_PAGE}">
		<li class="ipsPagination_first${inactive(page === 1)}"><a href="${link(1)}" rel="first" data-page="1" data-ipstooltip title="First page"><i class="fa fa-angle-double-left"></i></a></li>
		<li class="ipsPagination_prev${inactive(page === 1)}"><a href="${link(Math.max(1, page - 1))}" rel="prev" data-page="${page - 1}" data-ipstooltip title="Previous page">Prev</a></li>
		${numbered.join('\n\t\t')}
		<li class="ipsPagination_next${inactive(page === total)}"><a href="${link(Math.min(total, page + 1))}" rel="next" data-page="${page + 1}" data-ipstooltip title="Next page">Next</a></li>
		<li class="ipsPagination_last${inactive(page === total)}"><a href="${link(total)}" rel="last" data-page="${total}" data-ipstooltip title="Last page"><i class="fa fa-angle-double-right"></i></a></li>
		<li class="ipsPagination_pageJump">
			<a href="#" data-ipsmenu data-ipsmenu-closeonclick="false" data-ipsmenu-appendto="#${id}" id="${id}_jump">Page ${page} of ${total} &nbsp;<i class="fa fa-caret-down"></i></a>
			<div class="ipsMenu ipsMenu_narrow ipsPadding ipsHide" id="${id}_jump_menu">
				<form accept-charset="utf-8" method="post" action="${link(1)}" data-role="pageJump">
					<ul class="ipsForm ipsForm_horizontal">
						<li class="ipsFieldRow"><input type="number" min="1" max="${total}" placeholder="Page number" class="ipsField_fullWidth" name="page"></li>
						<li class="ipsFieldRow ipsFieldRow_fullWidth"><input type="submit" class="ipsButton_fullWidth ipsButton ipsButton_verySmall ipsButton_primary" value="Go"></li>
					</ul>
				</form>
			</div>
		</li>
	</ul>`;
}

/** The topic's JSON-LD, as Invision's topic controller builds it (replies = posts - 1). */
function jsonLd(origin: string, t: Topic, page: number): string {
  const first = t.posts[0];
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'DiscussionForumPosting',
    '@id': topicUrl(origin, t),
    isPartOf: { '@id': `${origin}/invision/#website` },
    url: topicUrl(origin, t),
    discussionUrl: topicUrl(origin, t),
    mainEntityOfPage: { '@type': 'WebPage', '@id': topicUrl(origin, t) },
    pageStart: 1,
    pageEnd: pageCount(t, IPS_PER_PAGE),
    name: t.title,
    headline: t.title,
    dateCreated: first.time,
    datePublished: first.time,
    dateModified: t.posts[t.posts.length - 1].time,
    author: { '@type': 'Person', name: first.author, url: profile(origin, first.author) },
    interactionStatistic: [
      {
        '@type': 'InteractionCounter',
        interactionType: 'http://schema.org/ViewAction',
        userInteractionCount: 40 * t.posts.length,
      },
      {
        '@type': 'InteractionCounter',
        interactionType: 'http://schema.org/CommentAction',
        userInteractionCount: t.posts.length - 1,
      },
      { '@type': 'InteractionCounter', interactionType: 'http://schema.org/FollowAction', userInteractionCount: 3 },
    ],
    comment: postsOnPage(t, page, IPS_PER_PAGE)
      .filter((p) => p.number > 1)
      .map((p) => ({
        '@type': 'Comment',
        '@id': `${topicUrl(origin, t, page)}#comment-${p.id}`,
        url: `${topicUrl(origin, t, page)}#comment-${p.id}`,
        author: { '@type': 'Person', name: p.author, url: profile(origin, p.author) },
        dateCreated: p.time,
        upvoteCount: 0,
      })),
  };
  return JSON.stringify(ld).replace(/</g, '\\u003c');
}

const STYLE =
  'body{font:14px/1.5 "Helvetica Neue",Helvetica,Arial,sans-serif;background:#ebeef2;margin:0;color:#353c41}.ipsLayout_container{max-width:1000px;margin:0 auto;padding:10px}.ipsBox{background:#fff;border-radius:4px;box-shadow:0 0 0 1px rgba(0,0,0,.07);margin:10px 0}.cPost{display:flex}.cAuthorPane{width:170px;padding:10px;background:#f7f8fa}.ipsColumn_fluid{flex:1;padding:10px}.ipsList_reset{list-style:none;padding:0;margin:0}.ipsQuote{background:#fafbfc;border-left:3px solid #3d6594;margin:8px 0;padding:6px}.ipsCode{background:#fafafa;border:1px solid #ddd;padding:6px}.ipsPagination{list-style:none;padding:0;display:flex;gap:6px}.ipsPagination_inactive{opacity:.4}.ipsPagination_active a{font-weight:bold}.ipsHide,.ipsJS_show{display:none}[data-role=memberSignature]{border-top:1px solid #eee;font-size:12px}';

function layout(o: {
  origin: string;
  title: string;
  controller: string;
  pageId?: number;
  head?: string;
  body: string;
}): string {
  return `<!DOCTYPE html>
<html lang="en-GB" dir="ltr">
	<head>
		<meta charset="utf-8">
		<title>${esc(o.title)}</title>
		<meta name="viewport" content="width=device-width, initial-scale=1">
		${o.head ?? ''}
		<style>${STYLE}</style>
	</head>
	<body class="ipsApp ipsApp_front ipsJS_none ipsClearfix" data-controller="core.front.core.app" data-message="" data-pageapp="forums" data-pagelocation="front" data-pagemodule="forums" data-pagecontroller="${o.controller}"${o.pageId ? ` data-pageid="${o.pageId}"` : ''}>
		<a href="#ipsLayout_mainArea" class="ipsHide" title="Go to main content on this page" accesskey="m">Jump to content</a>
		<div id="ipsLayout_header" class="ipsClearfix"><header><div class="ipsLayout_container"><a href="${o.origin}/invision/" id="elSiteTitle">${COMMUNITY}</a></div></header></div>
		<main id="ipsLayout_body" class="ipsLayout_container">
			<div id="ipsLayout_contentArea"><div id="ipsLayout_contentWrapper"><div id="ipsLayout_mainArea">
${o.body}
			</div></div></div>
		</main>
		<footer id="ipsLayout_footer" class="ipsClearfix"><div class="ipsLayout_container"><p id="elCopyright"><a rel="nofollow" title="Invision Community" href="https://www.invisioncommunity.com/">Powered by Invision Community</a></p></div></footer>
	</body>
</html>`;
}

function topicPage(origin: string, t: Topic, page: number): string {
  const total = pageCount(t, IPS_PER_PAGE);
  const bar = pagination(origin, t, page);
  const rel = [
    page > 1 ? `<link rel="prev" href="${topicUrl(origin, t, page - 1)}">` : '',
    page < total ? `<link rel="next" href="${topicUrl(origin, t, page + 1)}">` : '',
  ].join('\n\t\t');
  return layout({
    origin,
    title: `${t.title}${page > 1 ? ` - Page ${page}` : ''} - ${FORUM} - ${COMMUNITY}`,
    controller: 'topic',
    pageId: t.id,
    head: `<link rel="canonical" href="${topicUrl(origin, t, page)}">
		${rel}
		<script type="application/ld+json">${jsonLd(origin, t, page)}</script>`,
    body: `<div class="ipsPageHeader ipsResponsive_pull ipsBox ipsPadding sm:ipsPadding:half ipsMargin_bottom">
	<div class="ipsFlex ipsFlex-ai:center ipsFlex-fw:wrap ipsGap:4">
		<div class="ipsFlex-flex:11">
			<h1 class="ipsType_pageTitle ipsContained_container">
				<span class="ipsType_break ipsContained"><span>${esc(t.title)}</span></span>
			</h1>
		</div>
	</div>
	<div class="ipsPageHeader__meta ipsFlex ipsFlex-jc:between ipsFlex-ai:center ipsFlex-fw:wrap ipsGap:3">
		<div class="ipsType_reset ipsType_light ipsType_blendLinks">By <a href="${profile(origin, t.posts[0].author)}">${esc(t.posts[0].author)}</a>, ${time(t.posts[0].time)} in <a href="${origin}/invision/forum/12-diagnosis-and-tests/">${FORUM}</a></div>
	</div>
</div>
<div class="ipsClearfix">
	<ul class="ipsToolList ipsToolList_horizontal ipsClearfix ipsSpacer_both ipsResponsive_hidePhone">
		<li class="ipsToolList_primaryAction"><a href="#replyForm" rel="nofollow" class="ipsButton ipsButton_important ipsButton_medium ipsButton_fullWidth">Reply to this topic</a></li>
	</ul>
	${bar ? `<div class="ipsButtonBar ipsPad_half ipsClearfix ipsClear">${bar}</div>` : ''}
</div>
<div id="comments" data-controller="core.front.core.commentFeed,forums.front.topic.view, core.front.core.ignoredComments" data-baseurl="${topicUrl(origin, t)}" data-feedid="topic-${t.id}" class="cTopic ipsClear ipsSpacer_top">
	<div data-role="commentFeed" data-controller="core.front.core.moderation" class="ipsAreaBackground_light ipsPad">
${postsOnPage(t, page, IPS_PER_PAGE)
  .map((p) => post(origin, t, p))
  .join('\n')}
	</div>
	${bar ? `<div class="ipsButtonBar ipsPad_half ipsClearfix ipsClear">${bar}</div>` : ''}
</div>
<a id="replyForm"></a>
<div data-role="replyArea" class="cTopicPostArea ipsBox ipsResponsive_pull ipsPadding cTopicPostArea_noSize ipsSpacer_top">
	<div class="ipsType_center ipsPad cGuestTeaser"><h2 class="ipsType_pageTitle">Join the conversation</h2><p class="ipsType_light ipsType_normal ipsType_reset">You can post now and register later.</p></div>
</div>`,
  });
}

function errorPage(origin: string): string {
  return layout({
    origin,
    title: `Sorry, we can't find that! - ${COMMUNITY}`,
    controller: 'topic',
    body: `<div id="elError" class="ipsBox ipsPad">
	<div class="ipsType_center">
		<h1 class="ipsType_pageTitle">Sorry, we can't find that!</h1>
		<p class="ipsType_normal ipsType_light">The page you requested does not exist</p>
		<p class="ipsType_reset ipsType_light"><strong>Error code:</strong> 2F173/1</p>
	</div>
</div>`,
  });
}

export const invisionLab: EngineLab = {
  engine: 'invision',
  prefixes: ['/invision/'],
  otherThreads: [`/invision/topic/${SHORT_TOPIC.id}-${SHORT_TOPIC.slug}/`],
  answer(url, origin): LabAnswer | null {
    if (url.search) return null;
    const m = url.pathname.match(/^\/invision\/topic\/(\d+)-([a-z0-9-]+)\/(?:page\/([1-9]\d*)\/)?$/);
    const t = TOPICS.find((x) => m && String(x.id) === m[1] && x.slug === m[2]);
    const page = Number(m?.[3] ?? 1);
    if (!t || page > pageCount(t, IPS_PER_PAGE) || m?.[3] === '1') return null;
    return html(topicPage(origin, t, page));
  },
  notFound: (origin) => errorPage(origin),
  demo: demoThread(LONG_TOPIC),
};

function demoThread(t: Topic): DemoThread {
  return {
    title: t.title,
    pages: pageCount(t, IPS_PER_PAGE),
    pagePath: (k) => `/invision/topic/${t.id}-${t.slug}/${k > 1 ? `page/${k}/` : ''}`,
    pageOf: (n) => Math.ceil(n / IPS_PER_PAGE),
    barCount: () => `${t.posts.length} posts`,
    postSelector: (n) => `#elComment_${t.posts[n - 1].id}`,
    term: 'platelets',
  };
}

/** The demo's topics, for tests that read them as the forum serves them. */
export const IPS_TOPICS = { short: SHORT_TOPIC, long: LONG_TOPIC } as const;
