import { browser, type Browser } from 'wxt/browser';
import type { ForumOutcome } from '../checks/outcome';
import type { SavedThread, ThreadSnapshot } from '../db/saved-thread';
import type { Lookup } from '../glossary/lookup';
import type { Summary, ThreadInput } from '../summary/summarise';
import { webOrigin } from '../forums/host';
import type { EngineId } from '../forums/adapter';

/**
 * Every message Threadside sends between its parts, with what it carries and what it gets
 * back: one map per direction, so a sender cannot pick its own reply type and a listener
 * never casts. The database lives in the extension's own origin (background, popup,
 * options): a content script never opens it, because there it would belong to the forum's
 * origin and the forum could read it.
 */
interface Message<Request, Reply> {
  request: Request;
  reply: Reply;
}

/** The whole thread's summary, and what changed since the reader's last visit (from `firstNew`). */
export interface SummaryPair {
  whole: Summary;
  since: Summary | null;
}

/** A thread on the sender's own forum: the background takes the forum from the sender. */
type ThreadOnPage = { threadId: string };

export interface CheckSummary {
  /** What happened to each forum (checked, not asked and why, failed and why). */
  forums: ForumOutcome[];
  stopped: boolean;
}

/** The posts of a thread as the forum's API gives them (post HTML in `text`). */
export type ThreadPostsResult =
  | { ok: true; thread: ThreadInput; highestPostNumber: number }
  /** `read`: posts already read, kept for the next try. */
  | { ok: false; message: string; read: number };

/**
 * Asked of the background by Threadside in a forum page. Anything about a thread concerns the
 * page's own forum, which the background reads from the sender, never from the message.
 */
export interface PageMessages {
  /** "Explain with Threadside": the glossary's terms in the selected words, looked up here. */
  explain: Message<{ selected: string; context: string; thread: string }, Lookup | null>;
  /**
   * The thread as the background has it (saved or not), and the reader's key for saving a
   * thread as their browser has it (a page cannot ask the shortcuts API; they may change it
   * while away from the tab): one message as a thread opens, not two.
   */
  savedState: Message<ThreadOnPage, { thread: SavedThread | null; saveKey: string | null }>;
  save: Message<{ snapshot: ThreadSnapshot }, SavedThread>;
  unsave: Message<ThreadOnPage, null>;
  /** "Mark as read" in the bar: the saved thread's new replies are seen. */
  markRead: Message<ThreadOnPage, null>;
  visit: Message<{ snapshot: ThreadSnapshot }, SavedThread | null>;
  /** The thread's summary if one is kept for this highest post number, else null. */
  cachedSummary: Message<ThreadOnPage & { highestPostNumber: number; firstNew: number | null }, SummaryPair | null>;
  /** Summarised in the background (off the page's main thread), and kept. */
  summarise: Message<
    /** `partial`: made from the page's posts because the whole thread could not be read: not kept. */
    ThreadOnPage & { highestPostNumber: number; firstNew: number | null; thread: ThreadInput; partial?: boolean },
    SummaryPair
  >;
  threadPosts: Message<ThreadOnPage, ThreadPostsResult>;
  /** Inject the summary panel's script into the sender's frame (see entrypoints/summary-panel.ts). */
  summaryPanel: Message<null, null>;
  /** Inject the glossary's script into the sender's frame (see entrypoints/glossary-part.ts). */
  glossaryPart: Message<null, null>;
  /** Inject the readers of engines other than Discourse (see entrypoints/forum-readers.ts). */
  forumReaders: Message<null, null>;
  /**
   * The first page of a thread split into pages (its HTML, read by the page: a service worker
   * has no HTML parser), for the question a summary of a later page starts from.
   */
  firstPage: Message<
    ThreadOnPage & { engine: EngineId; url: string },
    { ok: true; html: string } | { ok: false; message: string }
  >;
  /** The post this tab was opened to show, if Threadside opened it for one (taken once). */
  landing: Message<ThreadOnPage, number | null>;
  /** This tab is about to load another page of the thread to show post `post`. */
  landAt: Message<ThreadOnPage & { post: number }, null>;
}

/** Asked of the background by the extension's own pages (popup, options). */
export interface ExtensionMessages {
  checkNow: Message<void, CheckSummary>;
  /** Stop the check in progress after the request under way. */
  stopCheck: Message<void, null>;
  /** Open a saved thread where `openThread` lands (or take the tab already showing it there). */
  openThread: Message<{ origin: string; threadId: string }, null>;
}

type BackgroundMessages = PageMessages & ExtensionMessages;

/** Told by the background to the content script in a tab. */
export interface TabMessages {
  /** The reader pressed the save shortcut. */
  toggleSave: Message<void, void>;
  /** "Explain with Threadside" from the context menu or its shortcut, on the selected words. */
  explainSelection: Message<void, void>;
  /** The reader turned Threadside off for these sites (match patterns). */
  sitesDisabled: Message<{ origins: string[] }, void>;
  /** How far the background has read a thread for this tab's summary. */
  /** `retryIn`: the forum had a passing fault; the reading goes on after that many seconds. */
  threadPostsProgress: Message<ThreadOnPage & { read: number; total: number; retryIn?: number }, void>;
  /**
   * Open or a notification, for the thread this tab already shows: bring the reader to post
   * `post`. False when the page shows another thread by now.
   */
  showPost: Message<ThreadOnPage & { post: number }, boolean>;
}

type RequestOf<M, K extends keyof M> = M[K] extends Message<infer R, unknown> ? R : never;
type ReplyOf<M, K extends keyof M> = M[K] extends Message<unknown, infer R> ? R : never;
/** No argument for messages that carry nothing. */
type Args<M, K extends keyof M> = RequestOf<M, K> extends void ? [] : [RequestOf<M, K>];

/** On the wire: the name under a key of our own, so other messages are never mistaken for ours. */
interface Envelope {
  threadside: string;
  data: unknown;
}

function nameIn<M extends object>(message: unknown, names: M): keyof M | null {
  const name = (message as Partial<Envelope> | null)?.threadside;
  return typeof name === 'string' && Object.hasOwn(names, name) ? (name as keyof M) : null;
}

export async function askBackground<K extends keyof BackgroundMessages>(
  name: K,
  ...[data]: Args<BackgroundMessages, K>
): Promise<ReplyOf<BackgroundMessages, K>> {
  const envelope: Envelope = { threadside: name, data };
  const reply: unknown = await browser.runtime.sendMessage(envelope);
  return reply as ReplyOf<BackgroundMessages, K>;
}

/** Who sent a page message: a tab showing a site where Threadside runs. */
export interface PageSender {
  origin: string;
  tabId: number;
  frameId: number;
}

type Handlers<M, From> = {
  [K in keyof M]: (data: RequestOf<M, K>, from: From) => Promise<ReplyOf<M, K>> | ReplyOf<M, K>;
};

export interface BackgroundHandlers {
  page: Handlers<PageMessages, PageSender>;
  extension: Handlers<ExtensionMessages, null>;
  /** Whether Threadside runs on this origin (a known forum, or a site the reader enabled). */
  runsOn: (origin: string) => Promise<boolean>;
}

/**
 * The background's one listener: every message has its handler, checked by type, and is
 * answered only for the senders it is meant for. Page messages must come from this
 * extension's content script in a tab on a site Threadside runs on; the popup's and options
 * page's messages from those pages themselves.
 */
export function answerBackgroundMessages(handlers: BackgroundHandlers): void {
  const extensionPages = browser.runtime.getURL('/');
  const answer = async (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> => {
    if (sender.id !== browser.runtime.id) throw new Error('Threadside answers only itself.');
    const data = (message as Envelope).data;
    const senderOrigin = sender.url ? webOrigin(sender.url) : null;
    const pageName = nameIn(message, handlers.page);
    if (pageName) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !senderOrigin || !(await handlers.runsOn(senderOrigin)))
        throw new Error('Threadside does not run on this page.');
      const handler = handlers.page[pageName] as (data: unknown, from: PageSender) => unknown;
      return handler(data, { origin: senderOrigin, tabId, frameId: sender.frameId ?? 0 });
    }
    const extensionName = nameIn(message, handlers.extension);
    if (!extensionName || !sender.url?.startsWith(extensionPages)) return undefined;
    const handler = handlers.extension[extensionName] as (data: unknown, from: null) => unknown;
    return handler(data, null);
  };
  // The polyfill replies with what the returned promise resolves to (Chrome's own types say void).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- see the line above
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!nameIn(message, handlers.page) && !nameIn(message, handlers.extension)) return undefined;
    return answer(message, sender).catch((err: unknown) => {
      throw plainError(err);
    });
  });
}

/**
 * A handler's failure as the asker can read it. Chromium passes on only the message of a
 * script's own Error: a storage failure (Dexie's errors, the browser's DOMExceptions) came
 * through as "A runtime.onMessage listener's promise rejected without an Error", and the
 * reader saw that instead of why (say, a full disk).
 */
export function plainError(err: unknown): Error {
  const message = (err as { message?: unknown } | null)?.message;
  return new Error(typeof message === 'string' && message ? message : String(err));
}

/** Tells a tab; a tab where Threadside is not running has nothing to hear, which is fine. */
export async function tellTab<K extends keyof TabMessages>(
  tabId: number,
  name: K,
  ...[data]: Args<TabMessages, K>
): Promise<void> {
  const envelope: Envelope = { threadside: name, data };
  await browser.tabs.sendMessage(tabId, envelope).catch(() => undefined);
}

/**
 * Asks a tab's top frame and waits for its answer; null when no Threadside script there
 * answered (the site is off, or the page is still loading).
 */
export async function askTab<K extends keyof TabMessages>(
  tabId: number,
  name: K,
  ...[data]: Args<TabMessages, K>
): Promise<ReplyOf<TabMessages, K> | null> {
  const envelope: Envelope = { threadside: name, data };
  const reply: unknown = await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }).catch(() => undefined);
  return reply === undefined ? null : (reply as ReplyOf<TabMessages, K>);
}

/** In a content script: hears one kind of message from the background; returns the unsubscribe. */
export function hearFromBackground<K extends keyof TabMessages>(
  name: K,
  handler: (data: RequestOf<TabMessages, K>) => ReplyOf<TabMessages, K>,
): () => void {
  // A reply only for its own kind: undefined lets another listener answer the rest.
  const listener = (message: unknown) => {
    if ((message as Partial<Envelope> | null)?.threadside !== name) return undefined;
    const reply = handler((message as Envelope).data as RequestOf<TabMessages, K>);
    return reply === undefined ? undefined : Promise.resolve(reply);
  };
  // The polyfill replies with what the promise resolves to, as in answerBackgroundMessages.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- see the line above
  browser.runtime.onMessage.addListener(listener);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the same listener
  return () => browser.runtime.onMessage.removeListener(listener);
}
