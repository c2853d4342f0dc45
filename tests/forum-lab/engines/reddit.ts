/**
 * The Reddit demo: one post with a long comment thread, as new Reddit and old Reddit show it.
 * - New Reddit ("shreddit") is closed source: its templates are not public. The markup follows
 *   what reddit.com serves and its web components' documented attributes as observed in
 *   2024–2025: `shreddit-post` (post-title, author, comment-count, created-timestamp,
 *   permalink), `shreddit-comment-tree`, nested `shreddit-comment` (thingid, author, depth,
 *   permalink, postid, parentid, created) with `slot="comment"` bodies, and
 *   `faceplate-partial` loaders ("3 more replies", "View more comments") for comments not
 *   sent with the page.
 * - Old Reddit follows reddit-archive/reddit (last commit, 2017): r2/r2/templates/link.html
 *   and printable.html (`div.thing` with data-fullname, data-author, data-timestamp, data-url),
 *   comment.html and comment_skeleton.html (tagline, usertext body `.md`, `.child` listing),
 *   morechildren.html ("load more comments (N replies)"), printablebuttons.html (the
 *   "N comments" link); data-comments-count and data-permalink are what reddit.com adds today.
 * - `.json`: the thread's listing pair, the post's `num_comments` first.
 * Reddit has no pages: a thread is one page, its later comments loaded on request, so its
 * total is the post's stated comment count. A comment's permalink shows that comment and its
 * replies. Posts, names and titles are ours.
 */
import { generateLongThread } from '../data/long-thread';
import { esc, html, json, type EngineLab, type LabAnswer } from './engine-lab';

const SUB = 'lymphoma';
const ID = '1abc2de';
const SLUG = 'just_diagnosed_with_follicular_lymphoma';
const TITLE = 'Just diagnosed with follicular lymphoma, on watch and wait';
const THREAD_PATH = `/r/${SUB}/comments/${ID}/${SLUG}/`;
const POST = {
  author: 'quiet_fern',
  time: '2025-06-01T08:00:00.000Z',
  text: 'Grade 2 follicular lymphoma, stage 3. My haematologist says watch and wait with scans every few months. It feels so strange not to treat it. Anyone else on W&W?',
};

export interface RedditComment {
  id: string;
  author: string;
  time: string;
  text: string;
  /** Quoted words from the comment replied to, as Reddit's markdown `>` makes them. */
  quote?: string;
  replies: RedditComment[];
  /** Replies Reddit leaves out of the page, behind "N more replies". */
  moreReplies?: number;
}

const HOUR = 3_600_000;
const at = (h: number) => new Date(Date.parse(POST.time) + h * HOUR).toISOString();

/** The comment tree: three written out, then a long run of replies from the seeded thread. */
function commentTree(): RedditComment[] {
  const seeded = generateLongThread(9, 34, 77).posts.slice(1);
  const more = seeded.map((p, i) => ({
    id: `m${(i + 10).toString(36)}`,
    author: p.username.toLowerCase(),
    time: at(30 + i * 3),
    text: p.text.replace(/^@\S+\s*/, ''),
    replies: [] as RedditComment[],
  }));
  // Every fourth of them answers the one before, quoting it.
  const top: RedditComment[] = [];
  more.forEach((c, i) => {
    const parent = i % 4 === 3 ? more[i - 1] : undefined;
    if (parent) parent.replies.push({ ...c, quote: parent.text.split('. ')[0] });
    else top.push(c);
  });
  return [
    {
      id: 'k1',
      author: 'oak_and_ash',
      time: '2025-06-01T09:12:00.000Z',
      text: 'Six years on watch and wait here. The first PET scan was the hardest. Then rituximab when it grew.',
      replies: [
        {
          id: 'k2',
          author: 'quiet_fern',
          time: '2025-06-01T10:30:00.000Z',
          text: 'That is really reassuring, thank you.',
          replies: [],
        },
      ],
      moreReplies: 3,
    },
    {
      id: 'k3',
      author: 'lymph_nurse_uk',
      time: '2025-06-02T07:45:00.000Z',
      text: 'Lymphoma Action has a helpline on 0808 808 5555 if you want to talk it through. All the best.',
      replies: [],
    },
    ...top,
  ];
}

const TREE = commentTree();
/** Comments sent with the thread's page; the rest wait behind "View more comments". */
const ON_PAGE = 18;
const shownTop = TREE.slice(0, ON_PAGE);
const count = (cs: RedditComment[]): number => cs.reduce((n, c) => n + 1 + count(c.replies) + (c.moreReplies ?? 0), 0);
/** What the post states: every comment, loaded or not. */
export const REDDIT_COMMENT_COUNT = count(TREE);

function find(cs: RedditComment[], id: string): RedditComment | undefined {
  for (const c of cs) {
    if (c.id === id) return c;
    const inner = find(c.replies, id);
    if (inner) return inner;
  }
  return undefined;
}

const body = (c: RedditComment) =>
  (c.quote ? `<blockquote>\n<p>${esc(c.quote)}</p>\n</blockquote>\n` : '') + `<p>${esc(c.text)}</p>`;
const permalink = (prefix: string, c: RedditComment) => `${prefix}${THREAD_PATH}${c.id}/`;

/** A `shreddit-comment` and its replies, nested as reddit.com sends them. */
function newComment(c: RedditComment, depth: number, parentId: string): string {
  const kids = c.replies.map((r, i) =>
    newComment(r, depth + 1, `t1_${c.id}`).replace(
      '<shreddit-comment ',
      `<shreddit-comment slot="children-t1_${c.id}-${i}" `,
    ),
  );
  const more = c.moreReplies
    ? `<faceplate-partial loading="action" src="/svc/shreddit/more-comments/${SUB}/t3_${ID}?top-level=0&amp;comment=t1_${c.id}" slot="more-comments-permalink"><button class="text-tone-2 text-12 button-plain">${c.moreReplies} more replies</button></faceplate-partial>`
    : '';
  return `<shreddit-comment author="${esc(c.author)}" thingid="t1_${c.id}" depth="${depth}" permalink="${permalink('', c)}" postid="t3_${ID}" parentid="${parentId}" created="${c.time}" score="${3 + depth}">
  <div slot="commentMeta"><a href="/user/${esc(c.author)}/">${esc(c.author)}</a> <faceplate-timeago ts="${c.time}"><time datetime="${c.time}">${c.time.slice(0, 10)}</time></faceplate-timeago></div>
  <div slot="comment" id="t1_${c.id}-comment-rtjson-content" class="md text-14">${body(c)}</div>
  <shreddit-comment-action-row slot="actionRow" permalink="${permalink('', c)}"></shreddit-comment-action-row>
  ${kids.join('\n  ')}
  ${more}
</shreddit-comment>`;
}

function newPage(origin: string, comments: string, focused: boolean): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8" />
<title>${esc(TITLE)} : r/${SUB}</title>
<meta property="og:site_name" content="Reddit" />
<meta property="og:title" content="r/${SUB} on Reddit: ${esc(TITLE)}" />
<link rel="canonical" href="${origin}${THREAD_PATH}" />
<style>${STYLE}</style>
</head>
<body>
<shreddit-app pagetype="post_detail" routename="post_page">
  <shreddit-post id="t3_${ID}" post-title="${esc(TITLE)}" author="${POST.author}" comment-count="${REDDIT_COMMENT_COUNT}" created-timestamp="${POST.time.replace('Z', '+0000')}" permalink="${THREAD_PATH}" subreddit-prefixed-name="r/${SUB}" post-type="text">
    <h1 slot="title" class="title">${esc(TITLE)}</h1>
    <div slot="text-body"><div class="md" id="t3_${ID}-post-rtjson-content"><p>${esc(POST.text)}</p></div></div>
  </shreddit-post>
  ${focused ? `<div class="single-comment-thread"><a href="${THREAD_PATH}">See full discussion</a></div>` : ''}
  <shreddit-comment-tree id="comment-tree" post-id="t3_${ID}" totalcomments="${REDDIT_COMMENT_COUNT}">
    ${comments}
  </shreddit-comment-tree>
  <shreddit-composer><div contenteditable="true" role="textbox">Add a comment about PET</div></shreddit-composer>
</shreddit-app>
</body>
</html>`;
}

/** comment.html in printable.html: `div.thing.comment`, its entry, then its `.child` listing. */
function oldComment(c: RedditComment): string {
  const kids = c.replies.map(oldComment).join('');
  const more = c.moreReplies
    ? `<div class=" thing id-t1_more${c.id}  morechildren" data-fullname="t1_more${c.id}" data-type="morechildren"><div class="entry unvoted"><span class="morecomments"><a style="font-size: smaller; font-weight: bold" class="button" id="more_t1_more${c.id}" href="javascript:void(0)">load more comments<span class="gray">&nbsp;(${c.moreReplies} replies)</span></a></span></div></div>`
    : '';
  const n = count(c.replies) + (c.moreReplies ?? 0);
  return `<div class=" thing id-t1_${c.id} noncollapsed   comment " id="thing_t1_${c.id}" data-fullname="t1_${c.id}" data-type="comment" data-subreddit="${SUB}" data-author="${esc(c.author)}" data-permalink="/r/${SUB}/comments/${ID}/${SLUG}/${c.id}/"><p class="parent"><a name="${c.id}"></a></p><div class="midcol unvoted"></div><div class="entry unvoted"><p class="tagline"><a href="javascript:void(0)" class="expand">[–]</a><a href="/user/${esc(c.author)}" class="author may-blank">${esc(c.author)}</a> <span class="score unvoted">4 points</span> <time title="${c.time}" datetime="${c.time.replace('.000Z', '+00:00')}" class="live-timestamp">1 year ago</time>&nbsp;<a href="javascript:void(0)" class="numchildren">(${n} ${n === 1 ? 'child' : 'children'})</a></p><form action="#" class="usertext warn-on-unload" id="form-t1_${c.id}"><input type="hidden" name="thing_id" value="t1_${c.id}"/><div class="usertext-body may-blank-within md-container "><div class="md">${body(c)}</div></div></form><ul class="flat-list buttons"><li class="first"><a href="/old/r/${SUB}/comments/${ID}/${SLUG}/${c.id}/" data-event-action="permalink" class="bylink" rel="nofollow">permalink</a></li></ul></div><div class="child">${kids || more ? `<div class="sitetable listing">${kids}${more}</div>` : ''}</div><div class="clearleft"></div></div><div class="clearleft"></div>`;
}

function oldPage(origin: string, comments: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" /><title>${esc(TITLE)} : ${SUB}</title>
<meta property="og:site_name" content="reddit" />
<link rel="canonical" href="${origin}/old${THREAD_PATH}" />
<style>${OLD_STYLE}</style></head>
<body class="single-page comments-page">
<div class="content" role="main">
  <div id="siteTable" class="sitetable linklisting">
    <div class=" thing id-t3_${ID}  link self" id="thing_t3_${ID}" data-fullname="t3_${ID}" data-type="link" data-author="${POST.author}" data-subreddit="${SUB}" data-timestamp="${Date.parse(POST.time)}" data-url="${THREAD_PATH}" data-domain="self.${SUB}" data-comments-count="${REDDIT_COMMENT_COUNT}" data-permalink="${THREAD_PATH}">
      <div class="entry unvoted"><div class="top-matter"><p class="title"><a class="title may-blank " href="${THREAD_PATH}">${esc(TITLE)}</a></p>
      <ul class="flat-list buttons"><li class="first"><a href="/old${THREAD_PATH}" data-event-action="comments" class="bylink comments may-blank" rel="nofollow">${REDDIT_COMMENT_COUNT} comments</a></li></ul></div>
      <div class="expando"><form action="#" class="usertext warn-on-unload"><div class="usertext-body may-blank-within md-container "><div class="md"><p>${esc(POST.text)}</p></div></div></form></div></div>
    </div>
  </div>
  <div class="commentarea"><div class="sitetable nestedlisting">${comments}</div></div>
</div>
</body></html>`;
}

/** Ours: a readable page; Reddit's own stylesheets are not part of the markup. */
const STYLE =
  "body{font:14px/1.5 -apple-system,'Segoe UI',sans-serif;background:#fff;color:#1a1a1b;margin:0}shreddit-app{display:block;max-width:760px;margin:0 auto;padding:16px}" +
  'shreddit-post,shreddit-comment{display:block;margin:10px 0;padding:8px 12px;border-left:2px solid #edeff1}.title{font-size:20px;font-weight:600}blockquote{border-left:3px solid #ccd;margin:0;padding:0 8px;color:#555}';
const OLD_STYLE =
  'body{font:small verdana,arial,helvetica,sans-serif;margin:0}.content{padding:10px}.thing{margin:8px 0}.child{margin-left:20px}.tagline{color:#888;font-size:x-small}.md{font-size:14px;max-width:60em}';

/** The listing pair reddit.com answers at a thread's address + `.json`. */
function threadJson() {
  const listing = (cs: RedditComment[]): unknown[] =>
    cs.map((c) => ({
      kind: 't1',
      data: {
        id: c.id,
        author: c.author,
        body: c.text,
        replies: c.replies.length ? { kind: 'Listing', data: { children: listing(c.replies) } } : '',
      },
    }));
  return [
    {
      kind: 'Listing',
      data: { children: [{ kind: 't3', data: { id: ID, num_comments: REDDIT_COMMENT_COUNT, title: TITLE } }] },
    },
    { kind: 'Listing', data: { children: listing(shownTop) } },
  ];
}

const PAGE = new RegExp(`^(/old)?/r/${SUB}/comments/${ID}/${SLUG}/(?:([a-z0-9]+)/)?$`);
const JSON_PATH = new RegExp(`^(?:/old)?/r/${SUB}/comments/${ID}/${SLUG}\\.json$`);
const MORE = (top: RedditComment[]) =>
  `<faceplate-partial loading="action" src="/svc/shreddit/more-comments/${SUB}/t3_${ID}?top-level=1"><button class="button-secondary">View more comments</button></faceplate-partial>`.repeat(
    top.length < TREE.length ? 1 : 0,
  );

function answer(url: URL, origin: string): LabAnswer | null {
  if (JSON_PATH.test(url.pathname)) return json(threadJson());
  const m = url.pathname.match(PAGE);
  if (!m) return null;
  const old = !!m[1];
  if (m[2]) {
    const c = find(TREE, m[2]);
    if (!c) return null;
    return html(old ? oldPage(origin, oldComment(c)) : newPage(origin, newComment(c, 0, `t3_${ID}`), true));
  }
  if (old) return html(oldPage(origin, shownTop.map(oldComment).join('')));
  const comments = shownTop.map((c) => newComment(c, 0, `t3_${ID}`)).join('\n    ');
  return html(newPage(origin, comments + MORE(shownTop), false));
}

export const redditLab: EngineLab = {
  engine: 'reddit',
  prefixes: ['/r/', '/old/r/'],
  otherThreads: [THREAD_PATH, `/old${THREAD_PATH}`],
  answer,
  notFound: () =>
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Reddit - Dive into anything</title><meta property="og:site_name" content="Reddit" /></head><body><shreddit-app pagetype="404"><h1>Sorry, nobody on Reddit goes by that name.</h1><p>This community may have been banned or the community name is incorrect.</p></shreddit-app></body></html>`,
};

/** Where the demo thread lives, for the tests. */
export const REDDIT_THREAD = { path: THREAD_PATH, title: TITLE, id: ID };
