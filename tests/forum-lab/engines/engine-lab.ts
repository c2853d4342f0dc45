import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * One demo forum per engine, each in its own file under `engines/`, each answering the paths
 * its engine really has and 404 for anything else under its prefixes, so a wrong link fails a
 * test the way it would fail on the real forum.
 */
export interface LabAnswer {
  status: number;
  type: 'html' | 'json';
  body: string;
  /** Where a redirect (3xx) sends the browser, as the engine's own Location header. */
  location?: string;
}

export interface EngineLab {
  /** Which engine, as the adapters name it. */
  engine: string;
  /** Path prefixes this demo forum owns (each ends with "/"). */
  prefixes: string[];
  /** The answer for this address; null when the engine would answer "not found". */
  answer(url: URL, origin: string): LabAnswer | null;
  /** The engine's own "not found" page. */
  notFound(origin: string): string;
  /** The demo's thread of several pages, which the engine e2e tests walk through. */
  demo?: DemoThread;
  /** Its other threads' paths (a short thread, another view of one), for `npm run forum` to list. */
  otherThreads: string[];
}

/**
 * What a reader should see on the demo's multi-page thread: `tests/e2e/engine-pages` opens
 * each page, checks the bar, then opens links to posts on other pages and checks that the
 * post lands in view.
 */
export interface DemoThread {
  /** The title as the bar shows it. */
  title: string;
  /** How many pages the thread has (3 or more, so there is a middle page). */
  pages: number;
  /** Path and query of page `k` (from 1), as the engine's own links write it. */
  pagePath(k: number): string;
  /** The page that holds post `n`. */
  pageOf(n: number): number;
  /**
   * Path of post `n`'s own address, for engines that address posts (Flarum's `/d/58-x/45`,
   * NodeBB's `/topic/78/x/45`): a link to the post opens that, not the page holding it.
   */
  postPath?(n: number): string;
  /** What the bar says about the count on page `k`: "57 posts", or "at least 41 posts". */
  barCount(k: number): string;
  /** A selector for post `n`'s element (the whole post) on its page. */
  postSelector(n: number): string;
  /** A glossary term (as written in the post) that the page shows outside quotes and code. */
  term: string;
}

/** The last post of page `page` (a full middle page: far below the fold, so landing on its page is not enough). */
export const lastPostOfPage = (d: DemoThread, page: number) => {
  let n = 1;
  while (d.pageOf(n + 1) <= page) n++;
  return n;
};

/** Path and query that a link to post `n` opens: its own address, or its page's (without the anchor). */
export const postAddress = (d: DemoThread, n: number) => d.postPath?.(n) ?? d.pagePath(d.pageOf(n)).replace(/#.*$/, '');

export const html = (body: string, status = 200): LabAnswer => ({ status, type: 'html', body });
export const json = (value: unknown, status = 200): LabAnswer => ({
  status,
  type: 'json',
  body: JSON.stringify(value),
});

const here = dirname(fileURLToPath(import.meta.url));
const cache = new Map<string, string>();

/** A page kept as a file in `pages/`, with the demo's origin put in its absolute links. */
export function pageFile(name: string, origin: string): string {
  if (!cache.has(name)) cache.set(name, readFileSync(join(here, '..', 'pages', name), 'utf8'));
  return cache.get(name)!.replaceAll('http://127.0.0.1/', `${origin}/`);
}

/** Text as HTML text: demo posts are ours, but the habit is what matters. */
export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain "not found" page, for engines whose own is not worth imitating. */
export const plainNotFound = (title: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1></body></html>`;
