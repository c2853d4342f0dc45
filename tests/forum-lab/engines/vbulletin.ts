/**
 * The vBulletin demo forum, as vBulletin 4.2 draws a thread with its default templates
 * (`showthread`, `postbit`, `pagenav`, the `bbcode_quote` and `bbcode_code` boxes). vBulletin
 * is closed source and its templates are not public: this follows the markup vBulletin 4
 * boards serve, as observed on public vB4 boards' thread pages (`ol#posts >
 * li.postcontainer#post_ID`, `a.postcounter` "#N", `div#post_message_ID > blockquote.postcontent`,
 * the pagination form with "Page 1 of 3", "Results 1 to 10 of 27" in `#postpagestats_above`,
 * `blockquote.signature`, `blockquote.lastedited`), with vBulletin's default of 10 posts a page
 * ("Maximum Displayed Posts") and its addresses: pages `showthread.php?t=T&page=K`, a post
 * `showthread.php?p=ID#postID`. Element names, classes and nesting are vBulletin's; the words
 * are ours. Images are left out so the demo requests nothing vBulletin would serve from disk.
 *
 * vBulletin shows the last page for a page number past the end; this lab answers 404 there,
 * so a link that misses its page fails a test.
 */
import {
  memberIds,
  pageCount,
  pagedThread,
  pageWithPost,
  postsOnPage,
  type PagedPost,
  type PagedThread,
} from '../data/paged-threads';
import { esc, html, type DemoThread, type EngineLab, type LabAnswer } from './engine-lab';
import { numberedPages } from './pager';

const SITENAME = 'MPN and Myeloma Forum';
/** vBulletin's default "Maximum Displayed Posts" per thread page. */
export const VB_PER_PAGE = 10;

const SHORT_THREAD: PagedThread = {
  id: 5150,
  slug: '',
  title: 'Ruxolitinib for myelofibrosis',
  posts: [
    {
      number: 1,
      id: 60001,
      author: 'PeterMF',
      time: '2025-03-05T10:12:00Z',
      paragraphs: [
        'Started ruxolitinib last month for myelofibrosis. My spleen has already shrunk and the night sweats have stopped.',
      ],
    },
    {
      number: 2,
      id: 60002,
      author: 'Moira',
      time: '2025-03-05T14:40:00Z',
      paragraphs: ['Watch your haemoglobin, mine dropped in the first months and I needed a transfusion.'],
    },
  ],
};

const LONG_THREAD = pagedThread({
  id: 5188,
  slug: '',
  title: 'Support thread: chemo, transplant and everything in between',
  count: 27,
  seed: 5188,
  firstPostId: 61020,
  start: '2024-02-12T08:30:00Z',
});

const THREADS: readonly PagedThread[] = [SHORT_THREAD, LONG_THREAD];

const userId = memberIds(12, 3);

/** vBulletin's default date and time formats, `m-d-Y, h:i A`, in UTC. */
function vbDate(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  const h = d.getUTCHours() % 12 || 12;
  return `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}-${d.getUTCFullYear()},&nbsp;<span class="time">${two(h)}:${two(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}</span>`;
}

const threadLink = (t: PagedThread, page = 1) => `showthread.php?t=${t.id}${page > 1 ? `&amp;page=${page}` : ''}`;
const results = (t: PagedThread, page: number) => {
  const first = (page - 1) * VB_PER_PAGE + 1;
  return `${first} to ${Math.min(t.posts.length, page * VB_PER_PAGE)} of ${t.posts.length}`;
};

function message(p: PagedPost): string {
  const parts: string[] = [];
  if (p.quote) {
    const q = p.quote;
    parts.push(`<div class="bbcode_container">
	<div class="bbcode_quote">
		<div class="quote_container">
			<div class="bbcode_quote_container"></div>
				<div class="bbcode_postedby">
					Originally Posted by <strong>${esc(q.author)}</strong>
					<a href="showthread.php?p=${q.postId}#post${q.postId}" rel="nofollow"><span class="inlineimg">View Post</span></a>
				</div>
				<div class="message">${esc(q.text)}</div>
		</div>
	</div>
</div>`);
  }
  parts.push(p.paragraphs.map(esc).join('<br />\n<br />\n'));
  if (p.code)
    parts.push(`<div class="bbcode_container">
	<div class="bbcode_description">Code:</div>
	<pre class="bbcode_code" style="height:84px;">${esc(p.code)}</pre>
</div>`);
  return parts.join('<br />\n');
}

function postbit(t: PagedThread, p: PagedPost): string {
  const name = esc(p.author);
  return `<li class="postbit postbitim postcontainer old" id="post_${p.id}">
	<div class="postdetails_noavatar">
		<div class="posthead">
				<span class="postdate old">
						<span class="date">${vbDate(p.time)}</span>
				</span>
				<span class="nodecontrols">
						<a name="post${p.id}" href="showthread.php?t=${t.id}&amp;p=${p.id}&amp;viewfull=1#post${p.id}" class="postcounter">#${p.number}</a><a id="postcount${p.id}" name="${p.number}"></a>
				</span>
		</div>
		<div class="userinfo_noavatar">
			<div class="contact">
				<div class="username_container">
						<div class="popupmenu memberaction">
	<a class="username offline popupctrl" href="member.php?u=${userId(p.author)}" title="${name} is offline"><strong>${name}</strong></a>
</div>
					<span class="usertitle">Member</span>
				</div>
			</div>
				<div class="userinfo_extra">
					<dl class="userstats">
						<dt>Join Date</dt> <dd>Sep 2023</dd>
						<dt>Posts</dt> <dd>${20 + ((userId(p.author) * 13) % 400)}</dd>
					</dl>
				</div>
		</div>
	</div>
	<div class="postbody">
		<div class="postrow">
		${p.number === 1 ? `<h2 class="posttitle icon">\n\t\t\t${esc(t.title)}\n\t\t</h2>` : ''}
		<div class="content">
			<div id="post_message_${p.id}">
				<blockquote class="postcontent restore ">
					${message(p)}
				</blockquote>
			</div>
		</div>
			${p.signature ? `<blockquote class="signature restore"><div class="signaturecontainer">${esc(p.signature)}</div></blockquote>` : ''}
		</div>
	</div>
	<div class="postfoot">
		<div class="textcontrols floatcontainer">
			<span class="postcontrols">
				<a id="qrwq_${p.id}" class="newreply" href="newreply.php?do=newreply&amp;p=${p.id}" rel="nofollow" title="Reply With Quote">Reply With Quote</a>
			</span>
		</div>
	</div>
	<hr />
</li>`;
}

/** The `pagenav` form: "Page 2 of 3", the page links around this one, prev/next, first/last. */
function pagenav(t: PagedThread, page: number): string {
  const total = pageCount(t, VB_PER_PAGE);
  if (total === 1) return '';
  const link = (k: number) => threadLink(t, k);
  const pages = numberedPages({
    count: total,
    current: page,
    here: (k) => `<span class="selected"><a href="javascript://" title="Results ${results(t, k)}">${k}</a></span>`,
    link: (k) => `<span><a href="${link(k)}" title="Show results ${results(t, k)}">${k}</a></span>`,
  }).join('');
  return `<form action="${link(Math.min(page + 1, total))}" method="get" class="pagination popupmenu nohovermenu">
<input type="hidden" name="t" value="${t.id}" />
		<span><a href="javascript://" class="popupctrl">Page ${page} of ${total}</a></span>
		${page > 1 ? `<span class="first_last"><a rel="start" href="${link(1)}" title="First Page - Results ${results(t, 1)}">First</a></span>` : ''}
		${page > 1 ? `<span class="prev_next"><a rel="prev" href="${link(page - 1)}" title="Prev Page - Results ${results(t, page - 1)}">Prev</a></span>` : ''}
		${pages}
		${page < total ? `<span class="prev_next"><a rel="next" href="${link(page + 1)}" title="Next Page - Results ${results(t, page + 1)}">Next</a></span>` : ''}
		${page < total ? `<span class="first_last"><a href="${link(total)}" title="Last Page - Results ${results(t, total)}">Last</a></span>` : ''}
	<ul class="popupbody popuphover">
		<li class="formsubmit jumptopage"><label>Jump to page: <input type="text" name="page" size="4" /></label> <input type="submit" class="button" value="Go" /></li>
	</ul>
</form>`;
}

const STYLE =
  'body{font:13px Tahoma,Calibri,Verdana,Geneva,sans-serif;background:#e9e9e9;margin:0}.body_wrapper{max-width:1000px;margin:0 auto;background:#fff;padding:10px}ol.posts{list-style:none;padding:0}.postcontainer{border:1px solid #ccc;margin:8px 0;padding:8px}.posthead{background:#738fbf;color:#fff;padding:3px}.postcounter{float:right;color:#fff}.username{font-weight:bold}.bbcode_container{margin:6px 20px}.bbcode_quote{background:#f2f6f8;border:1px solid #ccc;padding:6px}.bbcode_code{background:#fff;border:1px inset;overflow:auto;display:block}.signature{border-top:1px solid #ccc;font-size:11px;margin:6px 0 0}.pagination span{margin:0 2px}.pagination .selected a{font-weight:bold}.popupbody{display:none}';

function layout(o: { origin: string; title: string; canonical?: string; body: string }): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" dir="ltr" lang="en" id="vbulletin_html">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta id="e_vb_meta_bburl" name="vb_meta_bburl" content="${o.origin}/vb" />
<base href="${o.origin}/vb/" /><!--[if IE]></base><![endif]-->
<meta name="generator" content="vBulletin 4.2.5" />
	<title>${esc(o.title)}</title>
	${o.canonical ? `<link rel="canonical" href="${o.canonical}" />` : ''}
	<style>${STYLE}</style>
</head>
<body>
<div class="above_body">
<div id="header" class="floatcontainer doc_header"><div><a name="top" href="forum.php" class="logo-image">${SITENAME}</a></div></div>
</div>
<div class="body_wrapper">
${o.body}
</div>
<div id="footer" class="floatcontainer footer"><div id="footer_copyright" class="shade footer_copyright">Powered by vBulletin&reg; Version 4.2.5</div></div>
</body>
</html>`;
}

function showthread(t: PagedThread, page: number, origin: string): string {
  const posts = postsOnPage(t, page, VB_PER_PAGE);
  const first = posts[0].number;
  return layout({
    origin,
    title: `${t.title}${page > 1 ? ` - Page ${page}` : ''}`,
    canonical: threadLink(t, page),
    body: `<div id="breadcrumb" class="breadcrumb">
	<ul class="floatcontainer">
		<li class="navbithome"><a href="index.php" accesskey="1">Home</a></li>
	<li class="navbit"><a href="forum.php">Forum</a></li>
	<li class="navbit"><a href="forumdisplay.php?f=7">Living with myeloma and MPNs</a></li>
	<li class="navbit lastnavbit"><span>${esc(t.title)}</span></li>
	</ul>
	<hr />
</div>
	<div id="above_postlist" class="above_postlist">
		<a href="newreply.php?p=${posts[0].id}&amp;noquote=1" class="newcontent_textcontrol" id="newreplylink_top"><span>+</span> Reply to Thread</a>
		<div id="pagination_top" class="pagination_top">
		${pagenav(t, page)}
			<div id="postpagestats_above" class="postpagestats">
				Results ${results(t, page)}
			</div>
		</div>
	</div>
	<div id="pagetitle" class="pagetitle">
		<h1>
			Thread: <span class="threadtitle"><a href="${threadLink(t)}" title="Reload this Page">${esc(t.title)}</a></span>
		</h1>
	</div>
<div id="postlist" class="postlist restrain">
		<ol id="posts" class="posts" start="${first}">
${posts.map((p) => postbit(t, p)).join('\n')}
		</ol>
</div>
<div id="below_postlist" class="noinlinemod below_postlist">
	<div id="pagination_bottom" class="pagination_bottom">
	${pagenav(t, page)}
	</div>
</div>`,
  });
}

function standardError(origin: string): string {
  return layout({
    origin,
    title: SITENAME,
    body: `<div class="standard_error">
	<h2 class="blockhead">vBulletin Message</h2>
	<div class="blockbody formcontrols">
		<div class="blockrow restore">Invalid Thread specified. If you followed a valid link, please notify the <a href="sendmessage.php">administrator</a></div>
	</div>
</div>`,
  });
}

/** Which thread page a request asks for: `t` and `page`, or a post's `p` (with its `t` or not). */
function threadPage(params: URLSearchParams): { thread: PagedThread; page: number } | null {
  const known = new Set(['t', 'p', 'page', 'viewfull']);
  if ([...params.keys()].some((k) => !known.has(k))) return null;
  const t = params.get('t');
  const p = params.get('p');
  if (p !== null) {
    if (params.has('page')) return null;
    const found = pageWithPost(THREADS, p, VB_PER_PAGE);
    return found && (t === null || t === String(found.thread.id)) ? found : null;
  }
  const thread = THREADS.find((x) => String(x.id) === t);
  const page = params.get('page') ?? '1';
  if (!thread || !/^[1-9]\d*$/.test(page) || Number(page) > pageCount(thread, VB_PER_PAGE)) return null;
  return { thread, page: Number(page) };
}

export const vbulletinLab: EngineLab = {
  engine: 'vbulletin',
  prefixes: ['/vb/'],
  otherThreads: [`/vb/showthread.php?t=${SHORT_THREAD.id}`],
  answer(url, origin): LabAnswer | null {
    if (url.pathname !== '/vb/showthread.php') return null;
    const found = threadPage(url.searchParams);
    return found ? html(showthread(found.thread, found.page, origin)) : null;
  },
  notFound: (origin) => standardError(origin),
  demo: demoThread(LONG_THREAD),
};

function demoThread(t: PagedThread): DemoThread {
  return {
    title: t.title,
    pages: pageCount(t, VB_PER_PAGE),
    pagePath: (k) => `/vb/showthread.php?t=${t.id}${k > 1 ? `&page=${k}` : ''}`,
    pageOf: (n) => Math.ceil(n / VB_PER_PAGE),
    barCount: () => `${t.posts.length} posts`,
    postSelector: (n) => `#post_${t.posts[n - 1].id}`,
    term: 'platelets',
  };
}

/** The demo's threads, for tests that read them as the forum serves them. */
export const VB_THREADS = { short: SHORT_THREAD, long: LONG_THREAD } as const;
