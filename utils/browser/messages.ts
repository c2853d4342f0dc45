import { browser, type Browser } from 'wxt/browser';
import type { SavedThread, ThreadSnapshot } from '../db/saved-thread';
import type { CachedSummary } from '../db/database';
import type { GlossaryEntry } from '../glossary/schema';
import type { ThreadInput } from '../summary/summarise';

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

type ThreadKey = { origin: string; threadId: string };

export interface CheckSummary {
  requests: number;
  newReplies: number;
  problems: string[];
}

/** The posts of a thread as the forum's API gives them (post HTML in `text`). */
export type ThreadPostsResult =
  { ok: true; thread: ThreadInput; highestPostNumber: number } | { ok: false; message: string };

/** Asked of the background by pages, the popup and the options page. */
export interface BackgroundMessages {
  glossary: Message<void, GlossaryEntry[]>;
  savedState: Message<ThreadKey, SavedThread | null>;
  save: Message<{ snapshot: ThreadSnapshot }, SavedThread>;
  unsave: Message<ThreadKey, null>;
  visit: Message<{ snapshot: ThreadSnapshot }, SavedThread | null>;
  checkNow: Message<void, CheckSummary>;
  cachedSummary: Message<ThreadKey & { highestPostNumber: number }, CachedSummary | null>;
  cacheSummary: Message<{ entry: CachedSummary }, null>;
  threadPosts: Message<ThreadKey, ThreadPostsResult>;
}

/** Told by the background to the content script in a tab. */
export interface TabMessages {
  /** The reader pressed the save shortcut. */
  toggleSave: Message<void, void>;
  /** The reader turned Threadside off for these sites (match patterns). */
  sitesDisabled: Message<{ origins: string[] }, void>;
  /** How far the background has read a thread for this tab's summary. */
  threadPostsProgress: Message<ThreadKey & { read: number; total: number }, void>;
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

export type BackgroundHandlers = {
  [K in keyof BackgroundMessages]: (
    data: RequestOf<BackgroundMessages, K>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<ReplyOf<BackgroundMessages, K>> | ReplyOf<BackgroundMessages, K>;
};

/** The background's one listener: every message has its handler, checked by type. */
export function answerBackgroundMessages(handlers: BackgroundHandlers): void {
  // The polyfill replies with what the returned promise resolves to (Chrome's own types say void).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- see the line above
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const name = nameIn(message, handlers);
    if (!name) return undefined;
    const handler = handlers[name] as (data: unknown, sender: Browser.runtime.MessageSender) => unknown;
    return Promise.resolve(handler((message as Envelope).data, sender));
  });
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

/** In a content script: hears one kind of message from the background; returns the unsubscribe. */
export function hearFromBackground<K extends keyof TabMessages>(
  name: K,
  handler: (data: RequestOf<TabMessages, K>) => void,
): () => void {
  const listener = (message: unknown) => {
    if ((message as Partial<Envelope> | null)?.threadside === name)
      handler((message as Envelope).data as RequestOf<TabMessages, K>);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export async function requestGlossary(): Promise<GlossaryEntry[]> {
  const entries = await askBackground('glossary');
  if (!Array.isArray(entries)) throw new Error('Threadside could not load its glossary.');
  return entries;
}
