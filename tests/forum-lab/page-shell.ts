import { escapeHtml } from './cooked';

/** The page chrome every demo page shares: Discourse's head markers, header and style. */

export const FORUM_NAME = 'Threadside Demo Community';

const STYLE = `
:root { --primary:#222; --secondary:#fff; --tertiary:#0a6fb3; --quaternary:#e45735; --highlight:#ffff4d; --muted:#646464; --line:#e9e9e9; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.5 Arial, Helvetica, sans-serif; color: var(--primary); background: var(--secondary); }
a { color: var(--tertiary); text-decoration: none; }
.d-header { position: sticky; top: 0; z-index: 10; height: 60px; display:flex; align-items:center; gap:16px; padding: 0 24px; background:#fff; box-shadow: 0 2px 4px -1px rgba(0,0,0,.25); }
.d-header .title a { font-weight: 700; font-size: 20px; color: #b5121b; }
.d-header nav a { color: var(--muted); margin-right: 14px; }
#main-outlet { max-width: 1000px; margin: 0 auto; padding: 24px; }
#topic-title h1 { font-size: 28px; margin: 0 0 4px; }
.topic-category { color: var(--muted); font-size: 13px; margin-bottom: 18px; }
.badge-category { display:inline-block; width:10px; height:10px; background:#0e76bd; margin-right:6px; }
.topic-post { border-top: 1px solid var(--line); }
.topic-post article .row { display:flex; gap: 14px; padding: 16px 0; }
.topic-avatar .avatar { display:inline-flex; width:45px; height:45px; border-radius:50%; align-items:center; justify-content:center; background:#8e7dd6; color:#fff; font-weight:700; }
.topic-body { flex:1; min-width:0; }
.topic-meta-data { display:flex; justify-content: space-between; font-size: 14px; }
.names .full-name a { font-weight: 700; color: var(--primary); }
.names .username a { color: var(--muted); margin-left: 8px; }
.post-infos { color: var(--muted); display:flex; gap:8px; }
.post-date { color: var(--muted); }
.cooked { font-size: 15.5px; line-height: 1.6; }
.cooked p { margin: 10px 0; }
.cooked img.emoji { width: 20px; height: 20px; vertical-align: middle; }
aside.quote { margin: 10px 0; border-left: 5px solid var(--line); background: #f8f8f8; padding: 8px 12px; }
aside.quote .title { color: var(--muted); font-size: 13px; }
aside.quote blockquote { margin: 4px 0 0; }
.post-controls .actions { display:flex; gap: 10px; justify-content: flex-end; color: var(--muted); }
.btn-flat { background:none; border:none; color: var(--muted); cursor:pointer; font: inherit; }
.post-stream--cloaked { background: repeating-linear-gradient(#fafafa, #fafafa 20px, #fff 20px, #fff 40px); }
.topic-footer { padding: 18px 0; color: var(--muted); border-top: 1px solid var(--line); }
#reply-control { position: fixed; bottom: 0; right: 0; left: 0; height: 0; overflow: hidden; }
.topic-list { width:100%; border-collapse: collapse; }
.topic-list th, .topic-list td { text-align:left; padding: 12px 8px; border-bottom: 1px solid var(--line); }
.topic-list .num { text-align: right; color: var(--muted); }
.crawler-post { border-top: 1px solid var(--line); padding: 12px 0; }
.crawler-post-meta { color: var(--muted); font-size: 14px; }
`;

export interface ShellOptions {
  title: string;
  canonical?: string;
  bodyClass?: string;
  head?: string;
  body: string;
  /** The no-JS crawler view has none of the app's meta tags. */
  crawler?: boolean;
  /** A topic's category, as Discourse's crawlable_meta_data writes it for sharing. */
  section?: string;
}

export function pageShell(o: ShellOptions): string {
  const appMeta = o.crawler
    ? ''
    : `<meta id="data-discourse-setup" data-base-url="" data-environment="production" data-disable-custom-css="false">
<meta name="discourse_theme_id" content="2">
<meta name="discourse_current_homepage" content="latest">`;
  return `<!DOCTYPE html>
<html lang="en" class="desktop-view not-mobile-device">
<head>
<meta charset="utf-8">
<title>${escapeHtml(o.title)} - ${FORUM_NAME}</title>
<meta name="description" content="A demo Discourse community for trying Threadside.">
<meta name="generator" content="Discourse 2026.2.0-latest - https://github.com/discourse/discourse version 1a2b3c4d">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="${FORUM_NAME}">
<meta property="og:title" content="${escapeHtml(o.title)}">
${o.section ? `<meta property="og:article:section" content="${escapeHtml(o.section)}">\n<meta property="og:article:section:color" content="0E76BD">` : ''}
${o.canonical ? `<link rel="canonical" href="${escapeHtml(o.canonical)}">` : ''}
${appMeta}
${o.head ?? ''}
<style>${STYLE}</style>
</head>
<body class="${o.bodyClass ?? ''}">
<header class="d-header"><div class="title"><a href="/">${FORUM_NAME}</a></div><nav><a href="/latest">Latest</a><a href="/c/treatments/5">Categories</a><a href="/about">About</a></nav></header>
<div id="main-outlet" class="wrap">
${o.body}
</div>
</body>
</html>`;
}
