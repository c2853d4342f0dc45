/**
 * One post in Discourse's app DOM. Self-contained on purpose: the server renders the first
 * chunk with it, and its source is also sent to the browser (Function#toString) so posts
 * loaded while scrolling get exactly the same markup. Two streams: the Glimmer post stream
 * (Discourse 2025 on: `post.gjs` puts `data-post-number` on the wrapper) and the widget
 * stream of Discourse up to 3.4 (`widgets/post.js`: the number only in `article#post_N`).
 */
export interface PostMarkupInput {
  id: number;
  post_number: number;
  username: string;
  name: string;
  user_id: number;
  created_at: string;
  cooked: string;
  like_count: number;
  reply_to_post_number: number | null;
}

export function postMarkup(
  p: PostMarkupInput,
  topicId: number,
  opUsername: string,
  stream: 'glimmer' | 'widget' = 'glimmer',
): string {
  const esc = (s: string) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const ms = Date.parse(p.created_at);
  const date = new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const owner = p.username === opUsername ? ' post--topic-owner topic-owner' : '';
  const likes = p.like_count
    ? `<button class="btn-flat like-count" title="${p.like_count} people liked this post">${p.like_count}</button>`
    : '';
  const replyTo = p.reply_to_post_number
    ? `<a class="reply-to-tab" href="#post_${p.reply_to_post_number}" aria-label="In reply to post ${p.reply_to_post_number}">↩</a>`
    : '';
  return (
    `<div class="topic-post clearfix${owner} regular"${stream === 'glimmer' ? ` data-post-number="${p.post_number}"` : ''}>` +
    `<article id="post_${p.post_number}" aria-label="post #${p.post_number} by @${esc(p.username)}" role="region" data-post-id="${p.id}" data-topic-id="${topicId}" data-user-id="${p.user_id}" class="boxed onscreen-post">` +
    `<div class="row">` +
    `<div class="topic-avatar"><a class="trigger-user-card" data-user-card="${esc(p.username)}" aria-hidden="true" tabindex="-1"><span class="avatar" aria-hidden="true">${esc(p.username[0].toUpperCase())}</span></a></div>` +
    `<div class="topic-body clearfix">` +
    `<div role="heading" aria-level="2" class="topic-meta-data">` +
    `<div class="names trigger-user-card"><span class="first full-name"><a href="/u/${esc(p.username)}" data-user-card="${esc(p.username)}" class="">${esc(p.name)}</a></span>` +
    `<span class="second username"><a href="/u/${esc(p.username)}" data-user-card="${esc(p.username)}" class="">${esc(p.username)}</a></span></div>` +
    `<div class="post-infos">${replyTo}<div class="post-info post-date"><a class="post-date" href="/t/${topicId}/${p.post_number}" title="Post date"><span title="${esc(new Date(ms).toUTCString())}" data-time="${ms}" data-format="tiny" class="relative-date">${esc(date)}</span></a></div></div>` +
    `</div>` +
    `<div class="regular contents"><div class="cooked">${p.cooked}</div>` +
    `<section class="post-menu-area clearfix"><nav class="post-controls"><div class="actions">${likes}<button class="btn-flat reply" title="Reply to this post">Reply</button></div></nav></section>` +
    `</div></div></div></article></div>`
  );
}
