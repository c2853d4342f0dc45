import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { latestJson, postJson, topicJson } from './api-json';
import { FaultBook, parseFault, type Fault } from './faults';
import { appTopic, FORUM_APP_JS, renderApp, type PostStream } from './render-app';
import { BOOT_JS, renderBootShell, withBoot } from './render-boot';
import { FORUM_NAME } from './page-shell';
import { renderCrawler } from './render-crawler';
import { latestBody, renderAbout, renderLatest, renderLoginPage, renderNotFound } from './render-lists';
import { createStore, type LabPost, type LabTopic } from './store';
import { otherEngineAnswer } from './other-engines';

/**
 * The demo forum: a Discourse look-alike on 127.0.0.1 for the demo, the e2e tests and the
 * benchmarks. Test-only endpoints live under /__lab/.
 */

export interface LogEntry {
  time: number;
  method: string;
  path: string;
  query: string;
  status: number;
  userAgent?: string;
}

/**
 * A forum turned against its readers, for the security tests: what a hostile site where
 * Threadside runs could do. Off unless a test asks.
 */
export interface Hostile {
  /** Every topic's JSON answers with a redirect here (another site's private data, say). */
  jsonRedirect?: string;
  /** Topic pages name this as their canonical address. */
  canonical?: string;
  /** A script of the page's own, added to topic pages (what analytics or session replay could do). */
  script?: string;
  /** Text replaced in every page served (a poster's link, a page's own markup). */
  rewrite?: Array<[from: string | RegExp, to: string]>;
  /** Topics claim a post stream this long, and posts.json makes up any post asked for. */
  streamLength?: number;
}

export interface ForumLab {
  url: string;
  port: number;
  close(): Promise<void>;
  requests(): LogEntry[];
  clearRequests(): void;
  addReply(topicId: number, reply: { username: string; text: string; like_count?: number }): LabPost;
  addTopics(count: number, firstId: number): void;
  /** The topic renamed, as a moderator would (until reset). */
  setTitle(topicId: number, title: string): void;
  setFault(f: Fault): void;
  clearFaults(): void;
  beHostile(h: Hostile): void;
  /**
   * Serve topics as Discourse serves a browser with scripts on: the shell first, the topic
   * drawn `delayMs` later by the page's script, links followed inside the app. Null: the
   * drawn page at once.
   */
  setBoot(delayMs: number | null): void;
  /** Which of Discourse's post streams the app draws: Glimmer (2025 on) or widget (up to 3.4). */
  setStream(stream: PostStream): void;
  /** What the hostile page's script sent home (POST /__lab/loot), in order. */
  loot(): unknown[];
  reset(): void;
}

/** The reader's session cookie on the demo forum, as Discourse names it. */
export const SESSION_COOKIE = '_t=reader-session';
const signedIn = (req: IncomingMessage) => (req.headers.cookie ?? '').split(/;\s*/).includes(SESSION_COOKIE);
const NOT_PERMITTED_JSON = {
  errors: ['You are not permitted to view the requested resource.'],
  error_type: 'invalid_access',
};

const BOT_UA = /bot|crawler|spider|slurp|bingpreview|facebookexternalhit/i;
const NOT_FOUND_JSON = { errors: ['The requested URL or resource could not be found.'], error_type: 'not_found' };

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, data: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));
const sendHtml = (res: ServerResponse, status: number, html: string) =>
  send(res, status, 'text/html; charset=utf-8', html);

async function readBody(req: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 1_000_000) throw new Error('body too large');
  }
  return raw ? JSON.parse(raw) : {};
}

/** A topic that claims `length` posts and answers for any of them (a hostile forum's JSON). */
function endlessTopic(id: number, length: number, url: URL) {
  const post = (n: number) => ({
    id: n,
    post_number: n,
    username: `poster${n % 50}`,
    created_at: '2026-11-01T10:00:00.000Z',
    cooked: `<p>Post ${n} of a thread that never ends.</p>`,
  });
  const asked = url.searchParams.getAll('post_ids[]').map(Number);
  if (asked.length) return { post_stream: { posts: asked.map(post) } };
  const stream = Array.from({ length }, (_, i) => i + 1);
  return {
    id,
    title: 'A thread that never ends',
    posts_count: length,
    highest_post_number: length,
    post_stream: { posts: stream.slice(0, 20).map(post), stream },
  };
}

const TOPIC_PAGE = /^\/t\/(?:([^/]+)\/)?(\d+)(?:\/(\d+|last))?\/?$/;
const TOPIC_JSON = /^\/t\/(?:[^/]+\/)?(\d+)\.json$/;
const POSTS_JSON = /^\/t\/(\d+)\/posts\.json$/;
const LAB_REPLY = /^\/__lab\/topics\/(\d+)\/replies$/;

export async function startForum(opts: { port?: number; host?: string } = {}): Promise<ForumLab> {
  const store = createStore();
  const faults = new FaultBook();
  let hostile: Hostile = {};
  let bootDelay: number | null = null;
  let stream: PostStream = 'glimmer';
  let loot: unknown[] = [];
  let log: LogEntry[] = [];
  const host = opts.host ?? '127.0.0.1';
  let origin = '';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const isLab = path.startsWith('/__lab/');
    const isAsset = path.startsWith('/assets/') || path.startsWith('/images/') || path === '/favicon.ico';
    if (!isLab && !isAsset) {
      const entry: LogEntry = {
        time: Date.now(),
        method: req.method ?? 'GET',
        path,
        query: url.search,
        status: 0,
        userAgent: req.headers['user-agent'],
      };
      log.push(entry);
      res.on('finish', () => (entry.status = res.statusCode));
    }
    try {
      if (isLab) return await lab(req, res, url);
      const fault = isAsset ? undefined : faults.take(path);
      if (fault) {
        if (fault.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));
        else return applyFault(res, fault);
      }
      route(req, res, url);
    } catch (err) {
      sendJson(res, 500, { errors: [String(err)] });
    }
  };
  const server = createServer((req, res) => void handle(req, res));

  const applyFault = (res: ServerResponse, f: Fault) => {
    switch (f.kind) {
      case '429':
        return send(
          res,
          429,
          'text/plain; charset=utf-8',
          "You've performed this action too many times. Please wait a few seconds before trying again.",
          {
            'Retry-After': String(f.retryAfter ?? 30),
            'Discourse-Rate-Limit-Error-Code': 'ip_10_secs_limit',
          },
        );
      case '500':
        return sendHtml(res, 500, '<h1>Internal Server Error</h1>');
      case 'malformed':
        return send(res, 200, 'application/json; charset=utf-8', '{"id": 1828, "title": "What is CAR-T th');
      case 'login':
        return sendHtml(res, 200, renderLoginPage(origin));
    }
  };

  const route = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname;
    let m: RegExpMatchArray | null;
    if (path === '/assets/forum-app.js') return send(res, 200, 'text/javascript; charset=utf-8', FORUM_APP_JS);
    if (path === '/assets/lab-boot.js') return send(res, 200, 'text/javascript; charset=utf-8', BOOT_JS);
    if (path.startsWith('/images/emoji/'))
      return send(
        res,
        200,
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><text y="15" font-size="14">⬇</text></svg>',
      );
    if (path === '/' || path === '/latest') {
      const page = renderLatest(store.latest(), origin);
      return sendHtml(res, 200, bootDelay === null ? page : withBoot(page, bootDelay));
    }
    const other = otherEngineAnswer(url, origin);
    if (other)
      return other.type === 'json'
        ? send(res, other.status, 'application/json; charset=utf-8', other.body)
        : send(
            res,
            other.status,
            'text/html; charset=utf-8',
            turnHostile(other.body),
            other.location ? { Location: other.location } : {},
          );
    if (path.startsWith('/c/')) return sendHtml(res, 200, renderLatest(store.latest(), origin, 'Treatments'));
    if (path === '/about') return sendHtml(res, 200, renderAbout(origin));
    if (path === '/latest.json') {
      const page = Math.max(0, Number(url.searchParams.get('page') ?? 0) || 0);
      return sendJson(res, 200, latestJson(store.latest(), page));
    }
    if (hostile.jsonRedirect && (TOPIC_JSON.test(path) || POSTS_JSON.test(path)))
      return send(res, 302, 'text/plain; charset=utf-8', 'Found', { Location: hostile.jsonRedirect });
    if (hostile.streamLength && (m = path.match(TOPIC_JSON) ?? path.match(POSTS_JSON)))
      return sendJson(res, 200, endlessTopic(Number(m[1]), hostile.streamLength, url));
    if ((m = path.match(TOPIC_JSON))) {
      const topic = store.topic(Number(m[1]));
      if (topic?.private && !signedIn(req)) return sendJson(res, 403, NOT_PERMITTED_JSON);
      return topic ? sendJson(res, 200, topicJson(topic)) : sendJson(res, 404, NOT_FOUND_JSON);
    }
    if ((m = path.match(POSTS_JSON))) {
      const topic = store.topic(Number(m[1]));
      if (topic?.private && !signedIn(req)) return sendJson(res, 403, NOT_PERMITTED_JSON);
      if (!topic) return sendJson(res, 404, NOT_FOUND_JSON);
      const ids = new Set(
        [...url.searchParams.getAll('post_ids[]'), ...url.searchParams.getAll('post_ids')].map(Number),
      );
      const posts = topic.posts.filter((p) => ids.has(p.id)).map((p) => postJson(topic, p));
      return sendJson(res, 200, { post_stream: { posts }, id: topic.id });
    }
    if ((m = path.match(TOPIC_PAGE))) {
      const topic = store.topic(Number(m[2]));
      if (!topic || (topic.private && !signedIn(req))) return sendHtml(res, 404, renderNotFound(origin));
      const crawler = url.searchParams.get('view') === 'crawler' || BOT_UA.test(req.headers['user-agent'] ?? '');
      if (crawler)
        return sendHtml(res, 200, renderCrawler(topic, origin, Number(url.searchParams.get('page') ?? 1) || 1));
      const near = m[3] === 'last' ? topic.posts[topic.posts.length - 1].post_number : Number(m[3] ?? 1);
      if (bootDelay !== null)
        return sendHtml(res, 200, renderBootShell(topic, origin, bootDelay, appTopic(topic, near).preloadedDiv));
      return sendHtml(res, 200, turnHostile(renderApp(topic, origin, near, suggestions(topic), stream)));
    }
    return sendHtml(res, 404, renderNotFound(origin));
  };

  const lab = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname;
    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && (m = path.match(LAB_REPLY))) {
      const body = (await readBody(req)) as { username?: unknown; text?: unknown; like_count?: unknown };
      if (typeof body.username !== 'string' || typeof body.text !== 'string')
        return sendJson(res, 400, { error: '"username" and "text" must be strings' });
      if (!store.topic(Number(m[1]))) return sendJson(res, 404, NOT_FOUND_JSON);
      const post = store.addReply(Number(m[1]), {
        username: body.username,
        text: body.text,
        like_count: typeof body.like_count === 'number' ? body.like_count : 0,
      });
      return sendJson(res, 201, post);
    }
    if (path === '/__lab/faults' && req.method === 'POST') {
      const fault = parseFault(await readBody(req));
      if (typeof fault === 'string') return sendJson(res, 400, { error: fault });
      faults.add(fault);
      return sendJson(res, 201, fault);
    }
    if (path === '/__lab/faults' && req.method === 'DELETE') {
      faults.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__lab/requests' && req.method === 'GET') return sendJson(res, 200, log);
    if (path === '/__lab/fragment' && req.method === 'GET')
      return sendJson(res, 200, fragment(url.searchParams.get('path') ?? '/'));
    if (path === '/__lab/loot' && req.method === 'POST') {
      loot.push(await readBody(req));
      return sendJson(res, 201, { ok: true });
    }
    if (path === '/__lab/requests' && req.method === 'DELETE') {
      log = [];
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__lab/reset' && req.method === 'POST') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    return sendJson(res, 404, { error: `no lab endpoint ${req.method} ${path}` });
  };

  const reset = () => {
    store.reset();
    faults.clear();
    log = [];
    hostile = {};
    loot = [];
    bootDelay = null;
    stream = 'glimmer';
  };

  /** A few other topics, as Discourse suggests at the end of a topic. */
  const suggestions = (topic: LabTopic) =>
    store
      .latest()
      .filter((t) => t.id !== topic.id)
      .slice(0, 3);

  /** What the app draws for a path, as its scripts would (topic or topic list). */
  const fragment = (path: string) => {
    const m = path.match(TOPIC_PAGE);
    const topic = m ? store.topic(Number(m[2])) : undefined;
    if (topic && !topic.private)
      return { title: `${topic.title} - ${FORUM_NAME}`, html: appTopic(topic, 1, suggestions(topic), stream).drawn };
    return { title: `Latest - ${FORUM_NAME}`, html: latestBody(store.latest()) };
  };

  const turnHostile = (html: string) => {
    let out = html;
    if (hostile.canonical)
      out = out.replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="${hostile.canonical}">`);
    if (hostile.script) out = out.replace('</body>', `<script>${hostile.script}</script>\n</body>`);
    for (const [from, to] of hostile.rewrite ?? []) out = out.replace(from, to);
    return out;
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;

  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    requests: () => log.slice(),
    clearRequests: () => {
      log = [];
    },
    addReply: (id, reply) => store.addReply(id, reply),
    addTopics: (count, firstId) => void store.addTopics(count, firstId),
    setTitle: (topicId, title) => {
      const topic = store.topic(topicId);
      if (!topic) throw new Error(`no topic ${topicId}`);
      topic.title = title;
    },
    setFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    beHostile: (h) => {
      hostile = { ...h };
    },
    setStream: (s) => {
      stream = s;
    },
    setBoot: (delayMs) => {
      bootDelay = delayMs;
    },
    loot: () => loot.slice(),
    reset,
  };
}
