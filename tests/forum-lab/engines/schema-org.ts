import { demoThread, type EnginePost } from '../data/engine-threads';
import { esc, html, pageFile, plainNotFound, type EngineLab } from './engine-lab';
import { numberedPages } from './pager';

/**
 * A site that is no forum engine but marks its discussions up as schema.org, as Google's
 * documentation of `DiscussionForumPosting` structured data describes: a story page under
 * `/stories/` whose microdata article holds the posting (headline, author, datePublished,
 * text) and its replies as nested `comment` items of type Comment, and whose JSON-LD states
 * the replies as a CommentAction `InteractionCounter`. A long discussion runs over pages
 * `?page=K`: every page's posting names page 1 as its `url`, its canonical link names the
 * page itself, pages link each other with `rel="prev"`/`"next"`, and only page 1 shows the
 * story's own text. `/news/` holds an article that is not a discussion. The words are ours.
 */
export const SCHEMA_ORG_PER_PAGE = 15;

const SITE = 'Patient Voices';
const long = demoThread(40, 7);
export const SCHEMA_ORG_THREAD = {
  slug: 'a-year-of-treatment-your-ups-and-downs',
  // Its own title: the e2e tests save every engine's demo thread in one browser profile.
  title: 'A year of treatment: your ups and downs',
  posts: long.posts,
};
const [story, ...comments] = SCHEMA_ORG_THREAD.posts;
const path = `/stories/${SCHEMA_ORG_THREAD.slug}`;
export const SCHEMA_ORG_PAGES = Math.ceil(SCHEMA_ORG_THREAD.posts.length / SCHEMA_ORG_PER_PAGE);

/** Page `k` (from 1) as the site's own links write it. */
export const schemaOrgPagePath = (k: number) => (k > 1 ? `${path}?page=${k}` : path);

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const person = (name: string) =>
  `<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">${esc(name)}</span></span>`;
// A comment box takes paragraphs and a quote of another comment: no code boxes or signatures.
const words = (p: EnginePost) =>
  `${p.quote ? `<blockquote><p>${esc(p.quote.username)} wrote: ${esc(p.quote.text)}</p></blockquote>` : ''}${p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join('')}`;

function comment(p: EnginePost): string {
  return `      <div class="comment" id="comment-${p.n}" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <p class="byline">${person(p.username)} <time itemprop="dateCreated" datetime="${p.time}">${day(p.time)}</time></p>
        <div itemprop="text">${words(p)}</div>
      </div>`;
}

function pager(k: number, origin: string): string {
  const link = (j: number, rel = '') => `<a href="${origin}${schemaOrgPagePath(j)}"${rel}>`;
  const numbers = numberedPages({
    count: SCHEMA_ORG_PAGES,
    current: k,
    here: (j) => `<span aria-current="page">${j}</span>`,
    link: (j) => `${link(j)}${j}</a>`,
  });
  return `<nav class="pagination" aria-label="Comment pages">${k > 1 ? `${link(k - 1, ' rel="prev"')}Previous</a> ` : ''}${numbers.join(' ')}${k < SCHEMA_ORG_PAGES ? ` ${link(k + 1, ' rel="next"')}Next</a>` : ''}</nav>`;
}

function page(k: number, origin: string): string {
  const first = origin + schemaOrgPagePath(1);
  // Page 1 holds the story and the first replies, together a full page of posts.
  const shown = comments.slice(Math.max(0, (k - 1) * SCHEMA_ORG_PER_PAGE - 1), k * SCHEMA_ORG_PER_PAGE - 1);
  const { title } = SCHEMA_ORG_THREAD;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: title,
    author: { '@type': 'Person', name: story.username },
    datePublished: story.time,
    url: first,
    interactionStatistic: {
      '@type': 'InteractionCounter',
      interactionType: 'https://schema.org/CommentAction',
      userInteractionCount: comments.length,
    },
  };
  const rel = (name: string, j: number) => `<link rel="${name}" href="${origin}${schemaOrgPagePath(j)}" />\n`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8" />
<title>${esc(title)}${k > 1 ? ` - comments page ${k}` : ''} - ${SITE}</title>
${rel('canonical', k)}${k > 1 ? rel('prev', k - 1) : ''}${k < SCHEMA_ORG_PAGES ? rel('next', k + 1) : ''}<script type="application/ld+json">${JSON.stringify(ld)}</script>
<style>body{font:16px/1.6 Georgia,serif;max-width:720px;margin:0 auto;padding:20px;color:#222}.comment{border-top:1px solid #ddd;padding-top:8px;margin-top:12px}blockquote{border-left:3px solid #ccc;margin:6px 0;padding:2px 10px;color:#555}.pagination{margin:16px 0}.pagination a,.pagination span{margin-right:8px}</style>
</head>
<body>
<main>
  <article itemscope itemtype="https://schema.org/DiscussionForumPosting">
    <link itemprop="url" href="${first}" />
    <h1 itemprop="headline">${esc(title)}</h1>
    <p class="byline">By ${person(story.username)}, <time itemprop="datePublished" datetime="${story.time}">${day(story.time)}</time></p>
    ${k === 1 ? `<div itemprop="text">${words(story)}</div>` : `<p class="continued">Comments, page ${k} of ${SCHEMA_ORG_PAGES}. <a href="${first}">Read the story</a></p>`}
    <section class="comments">
      <h2>${comments.length} comments</h2>
${shown.map(comment).join('\n')}
    </section>
    ${pager(k, origin)}
  </article>
</main>
</body>
</html>`;
}

/** The page a request asks for: the bare address is page 1, `?page=K` a later one. */
function pageAsked(url: URL): number | null {
  if (url.pathname !== path) return null;
  if (!url.search) return 1;
  const k = url.search.match(/^\?page=([1-9]\d*)$/)?.[1];
  // The site's own links never write page 1 as a query.
  return k && Number(k) >= 2 && Number(k) <= SCHEMA_ORG_PAGES ? Number(k) : null;
}

/** Pages kept as files: a short story with two replies, and a news article. */
const FILES = new Map([
  ['/stories/stem-cell-transplant-one-year-on', 'schema-org-story.html'],
  ['/news/parking', 'plain-article.html'],
]);

export const schemaOrgLab: EngineLab = {
  engine: 'schema-org',
  prefixes: ['/stories/', '/news/'],
  otherThreads: [...FILES.keys()].filter((p) => p.startsWith('/stories/')),
  answer(url, origin) {
    const file = url.search ? undefined : FILES.get(url.pathname);
    if (file) return html(pageFile(file, origin));
    const k = pageAsked(url);
    return k ? html(page(k, origin)) : null;
  },
  notFound: () => plainNotFound('Not found'),
  demo: {
    title: SCHEMA_ORG_THREAD.title,
    pages: SCHEMA_ORG_PAGES,
    pagePath: schemaOrgPagePath,
    pageOf: (n) => Math.ceil(n / SCHEMA_ORG_PER_PAGE),
    barCount: () => `${SCHEMA_ORG_THREAD.posts.length} posts`,
    postSelector: (n) => (n === 1 ? 'article[itemprop] > [itemprop="text"]' : `#comment-${n}`),
    term: 'ferritin',
  },
};
