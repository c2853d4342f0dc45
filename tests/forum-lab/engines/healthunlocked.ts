import { esc, html, plainNotFound, type EngineLab } from './engine-lab';

/**
 * The HealthUnlocked demo community under `/lymphoma-action/`. HealthUnlocked is a closed,
 * server-rendered React app (Next.js: `#__next`) whose class names are generated; this follows
 * the page as it is served: `og:site_name` "HealthUnlocked", a JSON-LD DiscussionForumPosting
 * with its `commentCount`, the post body and each reply under `data-testid` markers, the
 * post's address `/{community}/posts/{id}/{slug}` with every reply on that one page (a reply's
 * link adds `?responseId=`). The words are ours.
 */
interface HuPost {
  username: string;
  paragraphs: string[];
  quote?: string;
}

const POST = {
  community: 'lymphoma-action',
  id: 150001234,
  slug: 'fatigue-after-car-t',
  title: 'Fatigue after CAR-T',
  posts: [
    {
      username: 'bluebell22',
      paragraphs: [
        'Four months after CAR-T for DLBCL my PET scan was clear, but the fatigue is still heavy. When did yours lift?',
      ],
    },
    { username: 'oakwood', paragraphs: ['It took me nearly a year. Gentle walks and pacing helped.'] },
    {
      username: 'nurse_kate',
      quote: 'the fatigue is still heavy',
      paragraphs: ['Mention it to your CAR-T team, they can check your thyroid and haemoglobin.'],
    },
  ] as HuPost[],
};

const path = `/${POST.community}/posts/${POST.id}/${POST.slug}`;
const paragraphs = (p: HuPost) =>
  `${p.quote ? `<blockquote class="sc-quote">${esc(p.quote)}</blockquote>` : ''}${p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join('')}`;
const actions = `<div class="sc-post-actions" data-testid="post-actions"><button type="button">Like</button><button type="button">Reply</button></div>`;

function page(origin: string): string {
  const [first, ...replies] = POST.posts;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: POST.title,
    author: { '@type': 'Person', name: first.username },
    commentCount: replies.length,
    url: origin + path,
  };
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${esc(POST.title)} | Lymphoma Action | HealthUnlocked</title>
<meta property="og:site_name" content="HealthUnlocked">
<link rel="canonical" href="${origin}${path}">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<style>body{font:15px sans-serif;max-width:760px;margin:0 auto}blockquote{border-left:3px solid #0b7;margin:6px 0;padding:2px 8px;color:#555}</style></head>
<body><div id="__next"><main>
  <div class="post-container"><h1 class="sc-post-title">${esc(POST.title)}</h1>
  <div class="sc-author"><a href="/user/${esc(first.username)}">${esc(first.username)}</a></div>
  <div class="sc-post-body" data-testid="post-body">${paragraphs(first)}</div>${actions}</div>
  <section class="replies">
${replies
  .map(
    (r) =>
      `    <div class="sc-reply" data-testid="reply"><a class="sc-reply-author" href="/user/${esc(r.username)}">${esc(r.username)}</a><div class="sc-reply-body">${paragraphs(r)}</div>${actions}</div>`,
  )
  .join('\n')}
  </section>
</main></div></body></html>`;
}

export const healthUnlockedLab: EngineLab = {
  engine: 'healthunlocked',
  prefixes: [`/${POST.community}/`],
  otherThreads: [path],
  answer: (url, origin) => (url.pathname === path ? html(page(origin)) : null),
  notFound: () => plainNotFound('Page not found | HealthUnlocked'),
};
