import { escapeHtml } from './cooked';
import { FORUM_NAME, pageShell } from './page-shell';
import type { LabTopic } from './store';

/** Forum pages that are not threads: Threadside must stay quiet on all of them. */

/** The topic list as the page (or the app) shows it. */
export function latestBody(topics: LabTopic[], heading = 'Latest'): string {
  const rows = topics
    .map(
      (t) => `<tr data-topic-id="${t.id}" class="topic-list-item">
  <td class="main-link"><a href="/t/${t.slug}/${t.id}" class="title raw-link raw-topic-link">${escapeHtml(t.title)}</a>
  <div class="topic-category"><span class="badge-category"></span>${escapeHtml(t.category)}</div></td>
  <td class="num posts">${t.posts.length - 1}</td>
  <td class="num activity">${new Date(t.bumped_at).toLocaleDateString('en-GB')}</td>
</tr>`,
    )
    .join('\n');
  return `<h1>${escapeHtml(heading)}</h1>
<table class="topic-list"><thead><tr><th>Topic</th><th class="num">Replies</th><th class="num">Activity</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export function renderLatest(topics: LabTopic[], origin: string, heading = 'Latest'): string {
  return pageShell({
    title: heading,
    canonical: `${origin}/latest`,
    bodyClass: 'navigation-topics',
    body: latestBody(topics, heading),
  });
}

export function renderAbout(origin: string): string {
  return pageShell({
    title: 'About',
    canonical: `${origin}/about`,
    body: `<h1>About ${FORUM_NAME}</h1>
<p>This is a demo Discourse community that runs on your own computer. It serves a real public
thread from a UK blood-cancer charity's forum and a few invented ones, so you can see
Threadside at work without visiting a real forum.</p>`,
  });
}

export function renderNotFound(origin: string): string {
  return pageShell({
    title: 'Page Not Found',
    canonical: `${origin}/404`,
    bodyClass: 'static-404',
    body: `<div class="page-not-found"><h1 class="title">Oops! That page doesn’t exist or is private.</h1>
<p><a href="/latest">Back to the latest topics</a></p></div>`,
  });
}

/** What a private forum sends instead of JSON when the reader is not signed in. */
export function renderLoginPage(origin: string): string {
  return pageShell({
    title: 'Log In',
    canonical: `${origin}/login`,
    bodyClass: 'static-login',
    body: `<h1>Log in to ${FORUM_NAME}</h1>
<form id="login-form" method="post" action="/session"><label>Email or username <input name="login"></label>
<label>Password <input type="password" name="password"></label><button type="submit">Log in</button></form>`,
  });
}
