import { pageShell } from './page-shell';
import { crawlerContent } from './render-crawler';
import type { LabTopic } from './store';

/**
 * Discourse as a browser with scripts on gets it: a shell with the preloaded data and the
 * crawler's posts inside <noscript>, the topic drawn by the app's scripts a moment later,
 * and links followed inside the app (the address changes first, the page after). The
 * delay is the lab's setting (`ForumLab.setBoot`).
 */
export const BOOT_JS = `(() => {
  const delay = Number(document.currentScript.dataset.delay);
  const outlet = document.getElementById('main-outlet');
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  let drawing = 0;
  async function draw(path) {
    const mine = ++drawing;
    const fragment = await (await fetch('/__lab/fragment?path=' + encodeURIComponent(path))).json();
    await wait(delay);
    if (mine !== drawing) return;
    outlet.innerHTML = fragment.html;
    document.title = fragment.title;
  }
  if (outlet.dataset.boot === 'topic') draw(location.pathname);
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[href^="/t/"], a[href="/latest"]');
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    draw(a.getAttribute('href'));
  });
  addEventListener('popstate', () => draw(location.pathname));
})();`;

const bootScript = (delayMs: number) => `<script src="/assets/lab-boot.js" data-delay="${delayMs}"></script>`;

/** A topic's shell: preloaded data, the posts for readers without scripts, nothing drawn yet. */
export function renderBootShell(topic: LabTopic, origin: string, delayMs: number, preloadedDiv: string): string {
  const crawler = crawlerContent(topic, origin);
  return pageShell({
    title: topic.title,
    canonical: `${origin}/t/${topic.slug}/${topic.id}`,
    bodyClass: 'docked archetype-regular',
    section: topic.category,
    body: `${preloadedDiv}
<noscript data-path="/t/${topic.slug}/${topic.id}">${crawler.body}</noscript>
<div id="boot-outlet"></div>`,
  })
    .replace('<div id="main-outlet" class="wrap">', '<div id="main-outlet" class="wrap" data-boot="topic">')
    .replace('</body>', `${bootScript(delayMs)}\n</body>`);
}

/** Any other page of the app (the topic list): links on it are followed inside the app. */
export function withBoot(html: string, delayMs: number): string {
  return html.replace('</body>', `${bootScript(delayMs)}\n</body>`);
}
