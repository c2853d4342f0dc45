import { esc } from './engine-lab';
import type { EnginePost } from '../data/engine-threads';

/**
 * Khoros Community (formerly Lithium) thread pages. Khoros is closed source and its
 * templates are not public; this follows the markup its community pages serve, as public
 * scrapers and tools on GitHub read it: `body.lia-body`, the linear view's
 * `.lia-linear-display-message-view` > `.lia-message-view-wrapper[data-lia-message-uid]` >
 * `.MessageView.lia-message-view-forum-message` (topic or reply), the author's
 * `a.lia-user-name-link`, "Message N of T" in `span.MessagesPositionInThread`, the body in
 * `.lia-message-body-content`, signatures in `.lia-message-signature`, code samples as
 * `pre.lia-code-sample`, and the pager `.lia-paging-full-wrapper` > `ul.lia-paging-full` >
 * `ul.lia-paging-full-pages` with `.lia-paging-page-active`, `rel=prev/next` and
 * `lia-js-data-pageNum-K` classes. Addresses: `/t5/{board}/{subject}/td-p/{id}[/page/{k}]`
 * and `/t5/{board}/{reply subject}/m-p/{message id}#M{board message number}`. Words are ours.
 */
export interface KhorosThread {
  board: string;
  slug: string;
  id: number;
  title: string;
  posts: EnginePost[];
  /** Message id of post `n` (the topic's is the thread's id). */
  messageId(n: number): number;
  perPage: number;
}

export const COMMUNITY = 'Cancer Chat Community';
const STYLE = `body{font:14px/1.5 Arial,sans-serif;margin:0;color:#333}.lia-page{max-width:960px;margin:0 auto;padding:12px}.lia-message-view-wrapper{border:1px solid #ddd;margin:8px 0;padding:10px}.lia-message-subject-banner{font-size:22px}.MessagesPositionInThread{float:right;color:#777;font-size:12px}blockquote{border-left:3px solid #c00;margin:8px 0;padding:4px 10px;background:#f7f7f7}.lia-code-sample{background:#f4f4f4;padding:6px}.lia-message-signature{border-top:1px dashed #ccc;color:#777;font-size:12px;margin-top:8px}.lia-paging-full,.lia-paging-full-pages{list-style:none;display:flex;gap:6px;padding:0;margin:6px 0}.lia-paging-page-active{font-weight:bold}`;

export const threadPath = (t: KhorosThread, page = 1) =>
  `/t5/${t.board}/${t.slug}/td-p/${t.id}${page > 1 ? `/page/${page}` : ''}`;
export const messagePath = (t: KhorosThread, n: number) =>
  `/t5/${t.board}/${n > 1 ? 'Re-' : ''}${t.slug}/m-p/${t.messageId(n)}`;
const boardNumber = (t: KhorosThread, n: number) => 4000 + (t.messageId(n) % 1000);
const userId = (name: string) => [...name].reduce((h, c) => (h * 17 + c.charCodeAt(0)) % 900, 3) + 100;
const pages = (t: KhorosThread) => Math.max(1, Math.ceil(t.posts.length / t.perPage));
const localDate = (iso: string) => {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `\u200e${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
};

function body(p: EnginePost): string {
  const quote = p.quote
    ? `<blockquote><hr /><a href="/t5/user/viewprofilepage/user-id/${userId(p.quote.username)}" target="_self"><span class="">${esc(p.quote.username)}</span></a>&nbsp;wrote:<br /><p>${esc(p.quote.text)}</p><hr /></blockquote>`
    : '';
  const code = p.code ? `<pre class="lia-code-sample language-markup"><code>${esc(p.code)}</code></pre>` : '';
  return `${quote}${p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join('')}${code}`;
}

function message(t: KhorosThread, p: EnginePost, index: number): string {
  const uid = t.messageId(p.n);
  const kind = p.n === 1 ? 'lia-thread-topic' : 'lia-thread-reply';
  return `<div class="lia-linear-display-message-view" id="lineardisplaymessageviewwrapper_${index}">
	<div data-lia-message-uid="${uid}" class="lia-panel-message message-uid-${uid}" id="messageview_${index}">
		<div data-lia-message-uid="${uid}" class="lia-message-view-wrapper lia-js-data-messageUid-${uid} lia-component-forums-widget-message-view-two" id="messageView2_${index}">
			<span id="U${uid}"> </span><span id="M${boardNumber(t, p.n)}"> </span>
			<div class="MessageView lia-message-view-forum-message lia-message-view-display lia-row-standard-unread ${kind}">
				<div class="lia-quilt lia-quilt-forum-message lia-quilt-layout-two-column-message">
					<div class="lia-quilt-row lia-quilt-row-header">
						<div class="lia-quilt-column lia-quilt-column-04 lia-quilt-column-left lia-quilt-column-author">
							<div class="lia-message-author-with-avatar">
								<span class="UserName lia-user-name lia-user-rank-Member lia-component-message-view-widget-author-username">
									<a class="lia-link-navigation lia-page-link lia-user-name-link" style="" target="_self" aria-label="View Profile of ${esc(p.username)}" itemprop="url" id="link_${index}" href="/t5/user/viewprofilepage/user-id/${userId(p.username)}"><span class="login-bold">${esc(p.username)}</span></a>
								</span>
							</div>
							<div class="lia-message-author-rank lia-component-author-rank lia-component-message-view-widget-author-rank">Member</div>
						</div>
						<div class="lia-quilt-column lia-quilt-column-20 lia-quilt-column-right lia-quilt-column-header-right">
							<span class="MessagesPositionInThread">
								Message <a href="${messagePath(t, p.n)}#M${boardNumber(t, p.n)}" class="lia-link-navigation lia-js-data-messageUid-${uid}">${p.n}</a> of ${t.posts.length.toLocaleString('en-GB')}
							</span>
							<p class="lia-message-dates lia-message-post-date lia-component-post-date-last-edited">
								<span class="DateTime lia-message-posted-on lia-component-common-widget-date"><span class="local-date">${localDate(p.time)}</span> <span class="local-time">${new Date(p.time).toISOString().slice(11, 16)}</span></span>
							</p>
						</div>
					</div>
					<div class="lia-quilt-row lia-quilt-row-main">
						<div class="lia-message-subject lia-component-message-view-widget-subject"><div class="MessageSubject"><div class="MessageSubjectIcons "><h2 itemprop="name" class="message-subject"><span class="lia-message-unread">${p.n > 1 ? 'Re: ' : ''}${esc(t.title)}</span></h2></div></div></div>
						<div class="lia-message-body-wrapper lia-component-message-view-widget-body">
							<div itemprop="text" id="bodyDisplay_${index}" class="lia-message-body">
								<div class="lia-message-body-content">${body(p)}</div>
							</div>
						</div>
						${p.signature ? `<div class="lia-message-signature"><p>${esc(p.signature)}</p></div>` : ''}
					</div>
					<div class="lia-quilt-row lia-quilt-row-footer">
						<div class="lia-button-group"><a class="lia-button lia-button-secondary reply-action-link lia-action-reply" id="replyLink_${index}" href="/t5/forums/replypage/board-id/${t.board}/message-id/${uid}">Reply</a></div>
					</div>
				</div>
			</div>
		</div>
	</div>
</div>`;
}

const pageItem = (t: KhorosThread, k: number, current: number, total: number) => {
  const edge = k === 1 ? 'lia-paging-page-first ' : k === total ? 'lia-paging-page-last ' : 'lia-paging-page-link ';
  return k === current
    ? `<li class="${edge}lia-js-data-pageNum-${k} lia-paging-page-active"><span class="lia-js-data-pageNum-${k} lia-link-navigation lia-link-disabled" aria-disabled="true" aria-current="page" id="link_p${k}">${k}</span></li>`
    : `<li class="${edge}lia-js-data-pageNum-${k}"><a class="lia-js-data-pageNum-${k} lia-link-navigation lia-custom-event" aria-label="Page ${k}" id="link_p${k}" href="${threadPath(t, k)}">${k}</a></li>`;
};

/** The message pager, top and bottom of the linear view. */
export function pager(t: KhorosThread, current: number): string {
  const total = pages(t);
  if (total <= 1) return '';
  const items = Array.from({ length: total }, (_, i) => pageItem(t, i + 1, current, total)).join('\n\t\t\t');
  const prev =
    current > 1
      ? `<a class="lia-link-navigation lia-js-data-pageNum-${current - 1} lia-custom-event" rel="prev" aria-label="Previous Page" href="${threadPath(t, current - 1)}"><span class="lia-paging-page-arrow">«</span><span class="lia-paging-page-link">Previous</span></a>`
      : `<span class="lia-link-navigation lia-link-disabled" aria-disabled="true"><span class="lia-paging-page-arrow">«</span><span class="lia-paging-page-link">Previous</span></span>`;
  const next =
    current < total
      ? `<a class="lia-link-navigation lia-js-data-pageNum-${current + 1} lia-custom-event" rel="next" aria-label="Next Page" href="${threadPath(t, current + 1)}"><span class="lia-paging-page-link">Next</span><span class="lia-paging-page-arrow">»</span></a>`
      : `<span class="lia-link-navigation lia-link-disabled" aria-disabled="true"><span class="lia-paging-page-link">Next</span><span class="lia-paging-page-arrow">»</span></span>`;
  return `<div class="lia-paging-full-wrapper lia-paging-pager lia-paging-full-left-position lia-discussion-page-message-pager lia-component-message-pager" id="pager">
	<ul class="lia-paging-full">
		<li class="lia-paging-page-previous lia-component-previous">${prev}</li>
		<li class="lia-component-pagesnumbered"><ul class="lia-paging-full-pages">
			${items}
		</ul></li>
		<li class="lia-paging-page-next lia-component-next">${next}</li>
	</ul>
</div>`;
}

/** Page `page` of a thread in the linear view. */
export function threadPage(t: KhorosThread, page: number, origin: string): string {
  const total = pages(t);
  const here = t.posts.slice((page - 1) * t.perPage, page * t.perPage);
  return `<!DOCTYPE html>
<html lang="en" class="lia-html">
<head>
<meta charset="utf-8" />
<title>${esc(t.title)}${page > 1 ? ` - Page ${page}` : ''} - ${COMMUNITY}</title>
<link rel="canonical" href="${origin}${threadPath(t, page)}" />
${page > 1 ? `<link rel="prev" href="${origin}${threadPath(t, page - 1)}" />` : ''}
${page < total ? `<link rel="next" href="${origin}${threadPath(t, page + 1)}" />` : ''}
<meta property="og:title" content="${esc(t.title)}" />
<style>${STYLE}</style>
</head>
<body class="lia-body lia-board-${t.board} lia-component-forums-page-thread lia-frame-main" id="lia-body">
<div id="lia-body-wrapper" class="lia-page"><center>
<div class="lia-quilt lia-quilt-forum-topic-page lia-quilt-layout-one-column lia-top-quilt">
	<div class="lia-quilt-row lia-quilt-row-header">
		<h1 class="lia-message-subject-banner lia-component-forums-widget-message-subject-banner"><div class="lia-message-subject">${esc(t.title)}</div></h1>
	</div>
	<div class="lia-quilt-row lia-quilt-row-main">
		${pager(t, page)}
		<div class="lia-component-message-list">
${here.map((p, i) => message(t, p, i)).join('\n')}
		</div>
		${pager(t, page)}
	</div>
</div>
</center></div>
</body>
</html>`;
}

/** Khoros' "page not found" page. */
export const notFoundPage = () => `<!DOCTYPE html>
<html lang="en" class="lia-html"><head><meta charset="utf-8" /><title>Page not found - ${COMMUNITY}</title></head>
<body class="lia-body lia-component-common-page-errors"><div class="lia-page"><h1 class="PageTitle lia-component-common-widget-page-title"><span class="lia-link-navigation lia-link-disabled">Page not found</span></h1>
<div class="lia-panel-content">The page you are looking for might have been removed, had its name changed, or is temporarily unavailable.</div></div></body></html>`;
