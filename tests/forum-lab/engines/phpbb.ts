/**
 * The phpBB demo forum, drawn from phpBB 3.3's own prosilver templates (github.com/phpbb/phpbb,
 * tag release-3.3.15): `phpBB/styles/prosilver/template/overall_header.html`,
 * `viewtopic_body.html`, `pagination.html`, `quickreply_editor.html`, `message_body.html`,
 * `forumlist_body.html` / `viewforum_body.html` (trimmed), the quote and code markup of
 * `bbcode.html`, the words of `language/en/common.php` and `viewtopic.php`, and the paging of
 * `phpBB/phpbb/pagination.php` (10 posts a page, phpBB's default `posts_per_page`; pages are
 * `viewtopic.php?t=T&start=S`, a post's own link `viewtopic.php?p=ID#pID`). Element names,
 * classes and nesting are prosilver's; the words are ours.
 *
 * One difference on purpose: phpBB shows the last page for a `start` past the end, where this
 * lab answers 404, so a link that misses its page fails a test instead of landing nearby.
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

const SITENAME = 'Lymphoma Support Board';
const FORUM = { id: 2, name: 'Treatment and side effects' };
/** phpBB's `posts_per_page` as installed (`install/schemas/schema_data.sql`). */
export const PHPBB_PER_PAGE = 10;

/** Members in a coloured group (moderators, say) get `username-coloured` and a colour. */
const COLOURED: Readonly<Record<string, string>> = { GrahamT: '#00AA00', Mark_Volunteer: '#AA0000' };

interface Topic extends PagedThread {
  /** Words left in the quick-reply box, as a reader who had started typing would see them. */
  draft?: string;
}

const SHORT_TOPIC: Topic = {
  id: 314,
  slug: '',
  title: 'Just started R-CHOP - what helped you?',
  draft: 'R-CHOP',
  posts: [
    {
      number: 1,
      id: 2001,
      author: 'lucy_m',
      time: '2024-05-02T09:14:00Z',
      paragraphs: [
        'Hi all, I was diagnosed with DLBCL in April and had my first cycle of R-Chop last week. The steroids kept me awake and my mouth is sore. What helped you get through it?',
      ],
    },
    {
      number: 2,
      id: 2002,
      author: 'GrahamT',
      time: '2024-05-02T12:40:00Z',
      quote: { author: 'lucy_m', postNumber: 1, postId: 2001, text: 'The steroids kept me awake' },
      paragraphs: [
        'I had six cycles of R-CHOP for DLBCL in 2022. Ask for a mouthwash for the mucositis, it really helped.',
        'The prednisolone days were the worst for sleep, it passes. Lymphoma Action have a good booklet.',
      ],
    },
    {
      number: 3,
      id: 2003,
      author: 'Bev1960',
      time: '2024-05-03T08:05:00Z',
      paragraphs: [
        'Keep a thermometer at home. If you get a temperature of 38 or more ring the 24 hour line, neutropenic sepsis is no joke. I stuck this on the fridge:',
      ],
      code: '38.0 or above: ring the 24 hour line, all day every day',
    },
    {
      number: 4,
      id: 2004,
      author: 'lucy_m',
      time: '2024-05-03T19:30:00Z',
      paragraphs: ['Thank you all, I have the thermometer ready and asked my CNS about the mouthwash.'],
    },
  ],
};

const LONG_TOPIC: Topic = pagedThread({
  id: 428,
  slug: '',
  title: 'Treatment diaries 2024 - how is everyone doing?',
  count: 43,
  seed: 314,
  firstPostId: 5310,
  start: '2024-01-08T19:12:00Z',
});

const TOPICS: readonly Topic[] = [SHORT_TOPIC, LONG_TOPIC];

const userId = memberIds(52, 7);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** phpBB's default date format, `D M d, Y g:i a`, in UTC. */
function phpbbDate(iso: string): string {
  const d = new Date(iso);
  const h = d.getUTCHours() % 12 || 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${dd}, ${d.getUTCFullYear()} ${h}:${mm} ${d.getUTCHours() < 12 ? 'am' : 'pm'}`;
}

const rfc3339 = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const profile = (name: string) => `./memberlist.php?mode=viewprofile&amp;u=${userId(name)}`;
const usernameFull = (name: string) =>
  COLOURED[name]
    ? `<a href="${profile(name)}" style="color: ${COLOURED[name]};" class="username-coloured">${esc(name)}</a>`
    : `<a href="${profile(name)}" class="username">${esc(name)}</a>`;
const topicLink = (t: Topic, start = 0) => `./viewtopic.php?t=${t.id}${start ? `&amp;start=${start}` : ''}`;
const miniPost = (id: number) => `./viewtopic.php?p=${id}#p${id}`;

function message(topic: Topic, p: PagedPost): string {
  const parts: string[] = [];
  if (p.quote) {
    const q = p.quote;
    const quoted = topic.posts[q.postNumber - 1];
    parts.push(
      `<blockquote cite="./viewtopic.php?p=${q.postId}#p${q.postId}"><div><cite><a href="${profile(q.author)}">${esc(q.author)}</a> wrote: <a href="./viewtopic.php?p=${q.postId}#p${q.postId}" aria-label="View quoted post" data-post-id="${q.postId}" onclick="if(document.getElementById(hash.substr(1)))href=hash"><i class="icon fa-arrow-circle-up fa-fw" aria-hidden="true"></i></a><span class="responsive-hide">${phpbbDate(quoted.time)}</span></cite>${esc(q.text)}</div></blockquote>`,
    );
  }
  parts.push(p.paragraphs.map(esc).join('<br>\n<br>\n'));
  if (p.code)
    parts.push(
      `<div class="codebox"><p>Code: <a href="#" onclick="selectCode(this); return false;">Select all</a></p><pre><code>${esc(p.code)}</code></pre></div>`,
    );
  return parts.join('\n');
}

function postRow(topic: Topic, p: PagedPost, row: number): string {
  const subject = p.number === 1 ? topic.title : `Re: ${topic.title}`;
  return `<div id="p${p.id}" class="post has-profile ${row % 2 ? 'bg1' : 'bg2'}">
		<div class="inner">
		<dl class="postprofile" id="profile${p.id}">
			<dt class="no-profile-rank no-avatar">
				<div class="avatar-container"></div>
				${usernameFull(p.author)}
			</dt>
			<dd class="profile-posts"><strong>Posts:</strong> <a href="./search.php?author_id=${userId(p.author)}&amp;sr=posts">${12 + ((userId(p.author) * 7) % 300)}</a></dd>
			<dd class="profile-joined"><strong>Joined:</strong> ${phpbbDate('2023-09-14T18:02:00Z')}</dd>
		</dl>
		<div class="postbody">
			<div id="post_content${p.id}">
			<h3 ${row === 0 ? 'class="first"' : ''}><a href="${miniPost(p.id)}">${esc(subject)}</a></h3>
				<ul class="post-buttons">
					<li>
						<a href="./posting.php?mode=quote&amp;p=${p.id}" title="Reply with quote" class="button button-icon-only">
							<i class="icon fa-quote-left fa-fw" aria-hidden="true"></i><span class="sr-only">Quote</span>
						</a>
					</li>
				</ul>
			<p class="author">
					<a class="unread" href="${miniPost(p.id)}" title="Post">
						<i class="icon fa-file fa-fw icon-lightgray icon-md" aria-hidden="true"></i><span class="sr-only">Post</span>
					</a>
				<span class="responsive-hide">by <strong>${usernameFull(p.author)}</strong> &raquo; </span><time datetime="${rfc3339(p.time)}">${phpbbDate(p.time)}</time>
			</p>
			<div class="content">${message(topic, p)}</div>
			${p.signature ? `<div id="sig${p.id}" class="signature">${esc(p.signature)}</div>` : ''}
			</div>
		</div>
		<div class="back2top">
			<a href="#top" class="top" title="Top">
				<i class="icon fa-chevron-circle-up fa-fw icon-gray" aria-hidden="true"></i>
				<span class="sr-only">Top</span>
			</a>
		</div>
		</div>
	</div>`;
}

/** `pagination.html` as `phpbb\pagination` fills it: every page up to five, with ellipses past that. */
function pagination(topic: Topic, onPage: number): string {
  const total = pageCount(topic, PHPBB_PER_PAGE);
  const count = `${topic.posts.length} ${topic.posts.length === 1 ? 'post' : 'posts'}`;
  if (total === 1)
    return `<div class="pagination">\n\t\t\t${count}\n\t\t\t\t&bull; Page <strong>1</strong> of <strong>1</strong>\n\t\t</div>`;
  const link = (k: number) => topicLink(topic, (k - 1) * PHPBB_PER_PAGE);
  const startPage = total > 5 ? Math.min(Math.max(1, onPage - 2), total - 4) : 1;
  const endPage = total > 5 ? Math.max(Math.min(total, onPage + 2), 5) : total;
  const items: string[] = [];
  if (onPage > 1)
    items.push(
      `<li class="arrow previous"><a class="button button-icon-only" href="${link(onPage - 1)}" rel="prev" role="button"><i class="icon fa-chevron-left fa-fw" aria-hidden="true"></i><span class="sr-only">Previous</span></a></li>`,
    );
  items.push(
    ...numberedPages({
      count: total,
      current: onPage,
      here: (k) => `<li class="active"><span>${k}</span></li>`,
      link: (k) => `<li><a class="button" href="${link(k)}" role="button">${k}</a></li>`,
      window: {
        shows: (k) => k === 1 || k === total || (k >= startPage && k <= endPage),
        gap: `<li class="ellipsis" role="separator"><span>…</span></li>`,
      },
    }),
  );
  if (onPage < total)
    items.push(
      `<li class="arrow next"><a class="button button-icon-only" href="${link(onPage + 1)}" rel="next" role="button"><i class="icon fa-chevron-right fa-fw" aria-hidden="true"></i><span class="sr-only">Next</span></a></li>`,
    );
  return `<div class="pagination">\n\t\t\t${count}\n\t\t\t<ul>\n\t${items.join('\n\t')}\n</ul>\n\t\t</div>`;
}

const STYLE =
  'body{font:13px/1.5 Verdana,Helvetica,Arial,sans-serif;background:#f5f7fa;color:#333;margin:0}.wrap{max-width:1000px;margin:0 auto;padding:15px;background:#fff}.headerbar{background:#12a3eb;color:#fff;padding:5px 10px;border-radius:7px}.post{background:#ecf3f7;border-radius:7px;margin:8px 0;padding:8px 10px;overflow:hidden}.bg2{background:#e1ebf2}.postprofile{float:right;width:22%;margin:0}.postbody{width:76%}.author{font-size:12px;color:#555}.username,.username-coloured{font-weight:bold;color:#105289}.content{font-size:15px;margin-top:6px}.signature{margin-top:8px;border-top:1px solid #ccc;font-size:11px}.codebox{background:#fff;border:1px solid #c9d2d8;padding:3px}.codebox p{margin:0;font-size:10px;text-transform:uppercase}blockquote{background:#ebeadd;border:1px solid #dbdbce;margin:8px;padding:5px}.pagination{float:right}.pagination ul{display:inline;list-style:none;padding:0}.pagination li{display:inline;margin:0 2px}.action-bar{overflow:hidden;margin:4px 0}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}h2.topic-title a{color:#105289;text-decoration:none}';

function layout(o: { origin: string; title: string; section: string; canonical?: string; body: string }): string {
  return `<!DOCTYPE html>
<html dir="ltr" lang="en-gb">
<head>
<meta charset="utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1" />

<title>${esc(o.title)}</title>
${o.canonical ? `\t<link rel="canonical" href="${o.origin}/phpbb/${o.canonical}">` : ''}
<style>${STYLE}</style>
</head>
<body id="phpbb" class="nojs notouch section-${o.section} ltr ">

<div id="wrap" class="wrap">
	<a id="top" class="top-anchor" accesskey="t"></a>
	<div id="page-header">
		<div class="headerbar" role="banner">
			<div class="inner">
			<div id="site-description" class="site-description">
				<a id="logo" class="logo" href="./index.php" title="Board index"><span class="site_logo"></span></a>
				<h1>${SITENAME}</h1>
				<p>Support for people affected by lymphoma, and those who care for them</p>
				<p class="skiplink"><a href="#start_here">Skip to content</a></p>
			</div>
			</div>
		</div>
	</div>
	<a id="start_here" class="anchor"></a>
	<div id="page-body" class="page-body" role="main">
${o.body}
	</div>
	<div id="page-footer" class="page-footer" role="contentinfo">
		<div class="copyright"><p class="footer-row"><span class="footer-copyright">Powered by <a href="https://www.phpbb.com/">phpBB</a>&reg; Forum Software &copy; phpBB Limited</span></p></div>
	</div>
</div>
</body>
</html>`;
}

function quickReply(topic: Topic): string {
  return `<form method="post" action="./posting.php?mode=reply&amp;f=${FORUM.id}&amp;t=${topic.id}" id="qr_postform">
	<div class="panel">
		<div class="inner">
				<h2 class="quickreply-title">Quick Reply</h2>
				<fieldset class="fields1">
					<dl style="clear: left;">
						<dt><label for="subject">Subject:</label></dt>
						<dd><input type="text" name="subject" id="subject" size="45" maxlength="124" tabindex="2" value="Re: ${esc(topic.title)}" class="inputbox autowidth" /></dd>
					</dl>
				<div id="message-box" class="message-box">
					<textarea style="height: 9em;" name="message" rows="7" cols="76" tabindex="3" class="inputbox">${esc(topic.draft ?? '')}</textarea>
				</div>
				</fieldset>
				<fieldset class="submit-buttons">
					<input type="submit" accesskey="f" tabindex="6" name="preview" value="Full Editor &amp; Preview" class="button2" id="qr_full_editor" />&nbsp;
					<input type="submit" accesskey="s" tabindex="7" name="post" value="Submit" class="button1" />&nbsp;
				</fieldset>
		</div>
	</div>
</form>`;
}

function viewtopic(topic: Topic, onPage: number, origin: string): string {
  const start = (onPage - 1) * PHPBB_PER_PAGE;
  const posts = postsOnPage(topic, onPage, PHPBB_PER_PAGE);
  const replyButton = `<a href="./posting.php?mode=reply&amp;t=${topic.id}" class="button" title="Post a reply">
			<span>Post Reply</span> <i class="icon fa-reply fa-fw" aria-hidden="true"></i>
		</a>`;
  return layout({
    origin,
    title: `${topic.title}${start ? ` - Page ${onPage}` : ''} - ${SITENAME}`,
    section: 'viewtopic',
    canonical: `viewtopic.php?t=${topic.id}${start ? `&amp;start=${start}` : ''}`,
    body: `<h2 class="topic-title"><a href="${topicLink(topic, start)}">${esc(topic.title)}</a></h2>

<div class="action-bar bar-top">
		${replyButton}
		${pagination(topic, onPage)}
	</div>

${posts.map((p, i) => postRow(topic, p, i)).join('\n\n')}

${quickReply(topic)}

	<div class="action-bar bar-bottom">
		${replyButton}
		${pagination(topic, onPage)}
	</div>`,
  });
}

function notFoundPage(origin: string, text = 'The requested topic does not exist.'): string {
  return layout({
    origin,
    title: `Information - ${SITENAME}`,
    section: 'viewtopic',
    body: `<div class="panel" id="message">
	<div class="inner">
	<h2 class="message-title">Information</h2>
	<p>${esc(text)}</p>
	</div>
</div>`,
  });
}

function viewforum(origin: string): string {
  const rows = TOPICS.map(
    (t) => `<li class="row bg1">
		<dl class="row-item topic_read">
			<dt title="No unread posts"><div class="list-inner">
				<a href="${topicLink(t)}" class="topictitle">${esc(t.title)}</a><br />
				<div class="topic-poster responsive-hide left-box">by ${usernameFull(t.posts[0].author)} &raquo; ${phpbbDate(t.posts[0].time)}</div>
			</div></dt>
			<dd class="posts">${t.posts.length - 1} <dfn>Replies</dfn></dd>
		</dl>
	</li>`,
  ).join('\n');
  return layout({
    origin,
    title: `${FORUM.name} - ${SITENAME}`,
    section: 'viewforum',
    body: `<h2 class="forum-title"><a href="./viewforum.php?f=${FORUM.id}">${FORUM.name}</a></h2>
<div class="forumbg"><div class="inner">
	<ul class="topiclist"><li class="header"><dl class="row-item"><dt><div class="list-inner">Topics</div></dt><dd class="posts">Replies</dd></dl></li></ul>
	<ul class="topiclist topics">
${rows}
	</ul>
</div></div>`,
  });
}

function index(origin: string): string {
  return layout({
    origin,
    title: `${SITENAME} - Index page`,
    section: 'index',
    body: `<div class="forabg"><div class="inner">
	<ul class="topiclist"><li class="header"><dl class="row-item"><dt><div class="list-inner">Forum</div></dt></dl></li></ul>
	<ul class="topiclist forums">
		<li class="row"><dl class="row-item forum_read"><dt title="No unread posts"><div class="list-inner">
			<a href="./viewforum.php?f=${FORUM.id}" class="forumtitle">${FORUM.name}</a><br />Chemotherapy, immunotherapy, transplants and getting through them
		</div></dt><dd class="topics">${TOPICS.length} <dfn>Topics</dfn></dd></dl></li>
	</ul>
</div></div>`,
  });
}

/** Which page of a topic a request asks for, by `t` and `start` or by a post's `p`; null: none. */
function topicPage(params: URLSearchParams): { topic: Topic; page: number } | null {
  const known = new Set(['t', 'p', 'f', 'start']);
  if ([...params.keys()].some((k) => !known.has(k))) return null;
  const p = params.get('p');
  if (p !== null) {
    if (params.has('t') || params.has('start')) return null;
    const found = pageWithPost(TOPICS, p, PHPBB_PER_PAGE);
    return found && { topic: found.thread, page: found.page };
  }
  const topic = TOPICS.find((t) => String(t.id) === params.get('t'));
  const start = params.get('start') ?? '0';
  if (!topic || !/^\d+$/.test(start)) return null;
  const s = Number(start);
  if (s % PHPBB_PER_PAGE !== 0 || s >= topic.posts.length) return null;
  return { topic, page: s / PHPBB_PER_PAGE + 1 };
}

export const phpbbLab: EngineLab = {
  engine: 'phpbb',
  prefixes: ['/phpbb/'],
  otherThreads: [`/phpbb/viewtopic.php?t=${SHORT_TOPIC.id}`],
  answer(url, origin): LabAnswer | null {
    const path = url.pathname.replace(/^\/phpbb/, '');
    if (['', '/', '/index.php'].includes(path) && !url.search) return html(index(origin));
    if (path === '/viewforum.php' && url.search === `?f=${FORUM.id}`) return html(viewforum(origin));
    if (path !== '/viewtopic.php') return null;
    const found = topicPage(url.searchParams);
    return found ? html(viewtopic(found.topic, found.page, origin)) : null;
  },
  notFound: (origin) => notFoundPage(origin),
  demo: demoThread(LONG_TOPIC),
};

function demoThread(topic: Topic): DemoThread {
  const pages = pageCount(topic, PHPBB_PER_PAGE);
  return {
    title: topic.title,
    pages,
    pagePath: (k) => `/phpbb/viewtopic.php?t=${topic.id}${k > 1 ? `&start=${(k - 1) * PHPBB_PER_PAGE}` : ''}`,
    pageOf: (n) => Math.ceil(n / PHPBB_PER_PAGE),
    barCount: () => `${topic.posts.length} posts`,
    postSelector: (n) => `#p${topic.posts[n - 1].id}`,
    term: 'platelets',
  };
}

/** The demo's topics, for tests that read them as the forum serves them. */
export const PHPBB_TOPICS = { short: SHORT_TOPIC, long: LONG_TOPIC } as const;
