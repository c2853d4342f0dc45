import type { LabPost } from './store';

/** Post text to Discourse "cooked" HTML, escaping everything the author typed. */

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const INLINE =
  /(https?:\/\/[^\s<]+[^\s<.,;:!?)])|@([A-Za-z0-9_]+)|:([a-z0-9_+-]+):|([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

function cookInline(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    out += escapeHtml(text.slice(at, m.index));
    const [whole, url, mention, emoji, email] = m;
    if (url) out += `<a href="${escapeHtml(url)}" rel="noopener nofollow ugc">${escapeHtml(url)}</a>`;
    else if (email) out += `<a href="mailto:${escapeHtml(email)}">${escapeHtml(email)}</a>`;
    else if (mention) out += `<a class="mention" href="/u/${escapeHtml(mention)}">@${escapeHtml(mention)}</a>`;
    else if (emoji)
      out += `<img src="/images/emoji/twitter/${emoji}.png?v=12" title=":${emoji}:" class="emoji" alt=":${emoji}:" loading="lazy" width="20" height="20">`;
    else out += escapeHtml(whole);
    at = m.index + whole.length;
  }
  return out + escapeHtml(text.slice(at));
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${p.split('\n').map(cookInline).join('<br>\n')}</p>`)
    .join('\n');
}

export function cook(post: Pick<LabPost, 'text' | 'quote'>, topicId: number): string {
  const quote = post.quote
    ? `<aside class="quote no-group" data-username="${escapeHtml(post.quote.username)}" data-post="${post.quote.post_number}" data-topic="${topicId}">\n` +
      `<div class="title">\n<div class="quote-controls"></div>\n${escapeHtml(post.quote.username)}:</div>\n` +
      `<blockquote>\n${paragraphs(post.quote.text)}\n</blockquote>\n</aside>\n`
    : '';
  return quote + paragraphs(post.text);
}
