import type { ForumAdapter, PostView, ThreadView } from './adapter';
import { discourseTopicUrl, parseDiscourseTopicUrl } from './discourse-url';
import { ownWords, text } from './dom-reading';

/**
 * Discourse, in all the forms a page arrives in:
 * - the app (Ember): posts render in a window of ~20 as the reader scrolls, far ones are
 *   "cloaked" (kept as empty placeholders), so the DOM never holds the whole thread. The
 *   Glimmer post stream (2025 on) puts the post number on the wrapper
 *   (`div.topic-post[data-post-number]`); the widget stream (up to 3.4) only in
 *   `article#post_N`;
 * - the crawler view (`body.crawler`): schema.org markup, 20 posts a page; older versions
 *   give the posts no id, only `itemprop="position"`;
 * - the app's shell with scripts off: the crawler posts inside `<noscript>`, which the
 *   browser then parses as elements, in a body with no `crawler` class.
 */

export function isDiscourse(doc: Document): boolean {
  const generator = doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '';
  if (/^Discourse\b/i.test(generator)) return true;
  return !!doc.querySelector(
    'meta#data-discourse-setup, meta[name^="discourse_theme"], meta[name="discourse_current_homepage"]',
  );
}

interface PreloadedTopic {
  id: number;
  posts_count: number;
  highest_post_number?: number;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

// Checked by hand rather than with zod: this runs on every forum page, and zod would add
// tens of kilobytes to the content script that each page must compile.
function asPreloadedTopic(value: unknown): PreloadedTopic | null {
  if (typeof value !== 'object' || value === null) return null;
  const t = value as Record<string, unknown>;
  if (!isCount(t.id) || !isCount(t.posts_count)) return null;
  if (t.highest_post_number !== undefined && !isCount(t.highest_post_number)) return null;
  return { id: t.id, posts_count: t.posts_count, highest_post_number: t.highest_post_number };
}

/**
 * Discourse embeds the topic it rendered in `#data-preloaded`: a JSON object whose values
 * are JSON strings ("topic_1828": "{…}"). Anything odd there is ignored, never thrown.
 */
function preloadedTopic(doc: Document, threadId: string) {
  const raw = doc.getElementById('data-preloaded')?.getAttribute('data-preloaded');
  if (!raw) return null;
  // The stream is read again each time the forum changes it; the preloaded data stays put.
  if (lastPreloaded?.raw === raw && lastPreloaded.threadId === threadId) return lastPreloaded.topic;
  const topic = parsePreloaded(raw, threadId);
  lastPreloaded = { raw, threadId, topic };
  return topic;
}
let lastPreloaded: { raw: string; threadId: string; topic: PreloadedTopic | null } | null = null;

function parsePreloaded(raw: string, threadId: string) {
  try {
    const outer = JSON.parse(raw) as Record<string, unknown>;
    let value = outer?.[`topic_${threadId}`];
    if (typeof value === 'string') value = JSON.parse(value);
    const topic = asPreloadedTopic(value);
    return topic && String(topic.id) === threadId ? topic : null;
  } catch {
    return null;
  }
}

function epochToIso(ms: string | null | undefined): string | undefined {
  const n = Number(ms);
  return ms && Number.isFinite(n) && n > 0 ? new Date(n).toISOString() : undefined;
}

function isoOrUndefined(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/**
 * What each drawn post said about itself when first read. The stream is read again on every
 * change to the page (a chunk loaded, a post drawn again as it comes back into view) while
 * a post's number, author and date never change for its element; only its text element is
 * checked again, as an edit may draw that anew.
 */
const appPostViews = new WeakMap<Element, PostView>();

function appPost(article: Element): PostView | null {
  const known = appPostViews.get(article);
  if (known && known.contentElement.parentNode && article.contains(known.contentElement)) return { ...known };
  const wrapper = article.parentElement!;
  const postNumber = Number(wrapper.getAttribute('data-post-number') ?? article.id.slice('post_'.length));
  const content = article.querySelector('.cooked');
  if (!Number.isInteger(postNumber) || postNumber < 1 || !content) return null;
  const author =
    article.querySelector('.topic-meta-data .names a[data-user-card]')?.getAttribute('data-user-card') ??
    article.querySelector('[data-user-card]')?.getAttribute('data-user-card') ??
    '';
  const view: PostView = {
    postNumber,
    postId: article.getAttribute('data-post-id') ?? undefined,
    author,
    time: epochToIso(
      article
        .querySelector('.post-infos .relative-date[data-time], .relative-date[data-time]')
        ?.getAttribute('data-time'),
    ),
    contentElement: content,
  };
  appPostViews.set(article, view);
  return { ...view };
}

function appPosts(doc: Document): PostView[] {
  const posts: PostView[] = [];
  // Scoped to the stream's own wrappers: expanded replies (section.embedded-posts) also
  // carry data-post-id and .cooked but are copies of other posts.
  for (const article of doc.querySelectorAll('div.topic-post > article[id^="post_"]')) {
    const post = appPost(article);
    if (post) posts.push(post);
  }
  return posts;
}

function crawlerPosts(doc: Document): PostView[] {
  const posts: PostView[] = [];
  doc.querySelectorAll('div.crawler-post').forEach((el, i) => {
    const position = text(el.querySelector('[itemprop="position"]')).replace(/^#/, '');
    const postNumber = Number(el.id.startsWith('post_') ? el.id.slice('post_'.length) : position || i + 1);
    const content = el.querySelector('div.post[itemprop="text"], .post');
    if (!Number.isInteger(postNumber) || postNumber < 1 || !content) return;
    posts.push({
      postNumber,
      author: text(el.querySelector('.creator [itemprop="name"], [itemprop="author"] [itemprop="name"]')),
      time: isoOrUndefined(el.querySelector('time.post-time[datetime], time[datetime]')?.getAttribute('datetime')),
      contentElement: content,
    });
  });
  return posts;
}

function appTitle(doc: Document): string {
  return (
    text(doc.querySelector('#topic-title h1[data-topic-id] a.fancy-title')) ||
    text(doc.querySelector('#topic-title h1')) ||
    withoutSuffix(doc, doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '') ||
    withoutSuffix(doc, doc.title)
  );
}

/** "Topic - Category - Site" → "Topic": the site's and the category's names taken off the end. */
function withoutSuffix(doc: Document, title: string): string {
  let t = title.trim();
  const names = [
    doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'),
    doc
      .querySelector(
        'meta[property="og:article:section"], meta[property="article:section"], meta[itemprop="articleSection"]',
      )
      ?.getAttribute('content'),
  ];
  for (const name of names) if (name && t.endsWith(` - ${name.trim()}`)) t = t.slice(0, -(name.trim().length + 3));
  return t.trim();
}

/** The count the app states: the timeline's "3 / 42", or the topic map's "41 replies". */
function statedPostCount(doc: Document): number | null {
  const timeline = text(doc.querySelector('.timeline-replies')).match(/(\d[\d,]*)\s*$/);
  if (timeline) return Number(timeline[1].replace(/,/g, ''));
  const replies = text(doc.querySelector('.topic-map .replies, .topic-map__stats .replies')).match(/(\d[\d,]*)/);
  return replies ? Number(replies[1].replace(/,/g, '')) + 1 : null;
}

/** Replies counted by the crawler view's InteractionCounter (CommentAction), plus the first post. */
function crawlerPostCount(doc: Document): number | null {
  const topic = doc.querySelector('[itemtype$="DiscussionForumPosting"]');
  if (!topic) return null;
  for (const counter of topic.querySelectorAll(':scope > [itemprop="interactionStatistic"]')) {
    const type = counter.querySelector('[itemprop="interactionType"]')?.getAttribute('content') ?? '';
    const n = Number(counter.querySelector('[itemprop="userInteractionCount"]')?.getAttribute('content'));
    if (/CommentAction$/.test(type) && Number.isInteger(n) && n >= 0) return n + 1;
  }
  return null;
}

function readDiscourseThread(doc: Document, url: string): ThreadView | null {
  if (!isDiscourse(doc)) return null;
  const ref = parseDiscourseTopicUrl(url);
  if (!ref) return null;
  const app = appPosts(doc);
  // With scripts off the crawler posts come inside <noscript>, in a body without the class.
  const crawler =
    (doc.body?.classList.contains('crawler') ?? false) || (app.length === 0 && !!doc.querySelector('div.crawler-post'));
  const topicIdInPage =
    doc.querySelector('section#topic[data-topic-id]')?.getAttribute('data-topic-id') ??
    doc.querySelector('#topic-title h1[data-topic-id]')?.getAttribute('data-topic-id');
  // The single-page app may not have re-rendered yet after a navigation.
  if (!crawler && topicIdInPage && topicIdInPage !== ref.threadId) return null;

  const posts = crawler ? crawlerPosts(doc) : app;
  const title = crawler
    ? doc
        .querySelector('[itemtype$="DiscussionForumPosting"] meta[itemprop="headline"]')
        ?.getAttribute('content')
        ?.trim() || appTitle(doc)
    : appTitle(doc);
  // A topic page with neither posts nor a title is a 404 or "private" page.
  if (!title || (posts.length === 0 && !doc.querySelector('section#topic, [itemtype$="DiscussionForumPosting"]')))
    return null;

  const highestSeen = posts.reduce((m, p) => Math.max(m, p.postNumber), 0);
  const preloaded = crawler ? null : preloadedTopic(doc, ref.threadId);
  const stated = preloaded?.posts_count ?? (crawler ? crawlerPostCount(doc) : statedPostCount(doc));
  // A crawler page with a next page and no stated total: the thread has at least this many.
  const more = crawler && stated === null && !!doc.querySelector('link[rel="next"]');
  const postCount = stated ?? highestSeen;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  let canonicalUrl = discourseTopicUrl(ref.origin, ref.threadId);
  if (canonical) {
    try {
      const c = new URL(canonical, url);
      c.search = '';
      // The crawler view's canonical URL names the page (?page=2); the thread is the same.
      if (parseDiscourseTopicUrl(c.href)?.threadId === ref.threadId) canonicalUrl = c.href;
    } catch {
      /* a broken canonical link changes nothing */
    }
  }

  return {
    ...ref,
    title,
    canonicalUrl,
    postCount,
    ...(more ? { postCountAtLeast: true } : {}),
    highestPostNumber: preloaded?.highest_post_number ?? (highestSeen || undefined),
    posts,
  };
}

export const discourseAdapter: ForumAdapter = {
  engine: 'discourse',
  detect: isDiscourse,
  parseThreadUrl: parseDiscourseTopicUrl,
  readThread: readDiscourseThread,
  // Every post has its own address: the topic's, then the post number.
  postAddress: (thread, n) => `${thread.url.replace(/[?#].*$/, '').replace(/\/$/, '')}/${n}`,
  // Quotes of other posts, link previews, image captions and signatures.
  ...ownWords('aside.quote, aside.onebox, .lightbox-wrapper .meta, .signature, .user-signature, .spoiler'),
};
