import { escapeHtml, cook } from './cooked';
import { pageShell } from './page-shell';
import type { LabTopic } from './store';

/** Discourse's no-JavaScript view, served to crawlers: schema.org markup, 20 posts a page. */
const CRAWLER_PAGE_SIZE = 20;

/** The crawler view's content: what Discourse also puts in the app shell's <noscript>. */
export function crawlerContent(topic: LabTopic, origin: string, page = 1) {
  const pages = Math.max(1, Math.ceil(topic.posts.length / CRAWLER_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const posts = topic.posts.slice((current - 1) * CRAWLER_PAGE_SIZE, current * CRAWLER_PAGE_SIZE);
  const base = `${origin}/t/${topic.slug}/${topic.id}`;
  const pageUrl = (n: number) => (n === 1 ? base : `${base}?page=${n}`);
  const links =
    (current > 1 ? `<link rel="prev" href="${pageUrl(current - 1)}">` : '') +
    (current < pages ? `<link rel="next" href="${pageUrl(current + 1)}">` : '');

  const postHtml = topic.posts.length
    ? posts
        .map((p) => {
          const isFirst = p.post_number === 1;
          const scope = isFirst ? '' : ' itemprop="comment" itemscope itemtype="http://schema.org/Comment"';
          return `<div id="post_${p.post_number}"${scope} class="topic-body crawler-post">
  <div class="crawler-post-meta">
    <span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
      <a itemprop="url" href="${origin}/u/${escapeHtml(p.username)}"><span itemprop="name">${escapeHtml(p.username)}</span></a>
    </span>
    <link itemprop="mainEntityOfPage" href="${base}">
    <span class="crawler-post-infos">
      <time itemprop="datePublished" datetime="${p.created_at}" class="post-time">${new Date(p.created_at).toUTCString()}</time>
      <meta itemprop="dateModified" content="${p.created_at}">
      <span itemprop="position">${p.post_number}</span>
    </span>
  </div>
  <div class="post" itemprop="text">
${cook(p, topic.id)}
  </div>
  <div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter">
    <meta itemprop="interactionType" content="http://schema.org/LikeAction"><meta itemprop="userInteractionCount" content="${p.like_count}">
    <span class="post-likes">${p.like_count ? `${p.like_count} Like${p.like_count === 1 ? '' : 's'}` : ''}</span>
  </div>
</div>`;
        })
        .join('\n')
    : '';

  const body = `
<div id="topic-title"><h1><a href="${base}">${escapeHtml(topic.title)}</a></h1></div>
<div itemscope itemtype="http://schema.org/DiscussionForumPosting">
  <meta itemprop="headline" content="${escapeHtml(topic.title)}">
  <link itemprop="url" href="${base}">
  <meta itemprop="articleSection" content="${escapeHtml(topic.category)}">
  <meta itemprop="datePublished" content="${topic.created_at}">
  <div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter">
    <meta itemprop="interactionType" content="http://schema.org/CommentAction">
    <meta itemprop="userInteractionCount" content="${topic.posts.length - 1}">
  </div>
${postHtml}
</div>
<div role="navigation" itemscope itemtype="http://schema.org/SiteNavigationElement" class="topic-body crawler-post">
  ${current > 1 ? `<span itemprop="name"><a rel="prev" itemprop="url" href="${pageUrl(current - 1)}">← previous page</a></span>` : ''}
  ${current < pages ? `<span itemprop="name"><b><a rel="next" itemprop="url" href="${pageUrl(current + 1)}">next page →</a></b></span>` : ''}
</div>`;
  return { body, links, canonical: pageUrl(current) };
}

export function renderCrawler(topic: LabTopic, origin: string, page = 1): string {
  const { body, links, canonical } = crawlerContent(topic, origin, page);
  return pageShell({
    title: topic.title,
    canonical,
    bodyClass: 'crawler',
    head: links,
    body,
    crawler: true,
    section: topic.category,
  });
}
