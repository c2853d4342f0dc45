import { browser } from 'wxt/browser';
import type { SavedThread, ThreadSnapshot } from '../db/saved-thread';
import type { CachedSummary } from '../db/database';
import type { GlossaryEntry } from '../glossary/schema';

/**
 * Messages between content scripts and the background worker. The database lives in the
 * extension's own origin (background, popup, options): a content script never opens it,
 * because there it would belong to the forum's origin and the forum could read it.
 */
export type Request =
  | { type: 'threadside:glossary' }
  | { type: 'threadside:saved-state'; origin: string; threadId: string }
  | { type: 'threadside:save'; snapshot: ThreadSnapshot }
  | { type: 'threadside:unsave'; origin: string; threadId: string }
  | { type: 'threadside:visit'; snapshot: ThreadSnapshot }
  | { type: 'threadside:check-now' }
  | { type: 'threadside:summary-get'; origin: string; threadId: string; highestPostNumber: number }
  | { type: 'threadside:summary-put'; entry: CachedSummary }
  | { type: 'threadside:thread-posts'; origin: string; threadId: string };

/** Sent by the background to a tab when the reader presses the save shortcut. */
export const TOGGLE_SAVE = 'threadside:toggle-save';

/** Sent by the background to every tab when the reader turns Threadside off for some sites. */
export const SITES_DISABLED = 'threadside:sites-disabled';

/** Sent by the background to the tab whose summary it is reading posts for. */
export const THREAD_POSTS_PROGRESS = 'threadside:thread-posts-progress';

export function isRequest(message: unknown): message is Request {
  const type = (message as { type?: unknown } | null)?.type;
  return (
    typeof type === 'string' &&
    type.startsWith('threadside:') &&
    type !== TOGGLE_SAVE &&
    type !== THREAD_POSTS_PROGRESS &&
    type !== SITES_DISABLED
  );
}

async function send<T>(request: Request): Promise<T> {
  return (await browser.runtime.sendMessage(request)) as T;
}

export async function requestGlossary(): Promise<GlossaryEntry[]> {
  const entries = await send<GlossaryEntry[] | undefined>({ type: 'threadside:glossary' });
  if (!Array.isArray(entries)) throw new Error('Threadside could not load its glossary.');
  return entries;
}

export const requestSavedState = (origin: string, threadId: string) =>
  send<SavedThread | null>({ type: 'threadside:saved-state', origin, threadId });
export const requestSave = (snapshot: ThreadSnapshot) => send<SavedThread>({ type: 'threadside:save', snapshot });
export const requestUnsave = (origin: string, threadId: string) =>
  send<null>({ type: 'threadside:unsave', origin, threadId });
export const reportVisit = (snapshot: ThreadSnapshot) =>
  send<SavedThread | null>({ type: 'threadside:visit', snapshot });

export interface CheckSummary {
  requests: number;
  newReplies: number;
  problems: string[];
}

export const requestCheckNow = () => send<CheckSummary>({ type: 'threadside:check-now' });

export const requestCachedSummary = (origin: string, threadId: string, highestPostNumber: number) =>
  send<CachedSummary | null>({ type: 'threadside:summary-get', origin, threadId, highestPostNumber });
export const cacheSummary = (entry: CachedSummary) => send<null>({ type: 'threadside:summary-put', entry });

export type ThreadPostsResult =
  | {
      ok: true;
      thread: {
        title: string;
        posts: Array<{ post_number: number; username: string; like_count: number; text: string }>;
      };
      highestPostNumber: number;
    }
  | { ok: false; message: string };

/** Every post of a thread, read by the background through the forum's API (post HTML in `text`). */
export const requestThreadPosts = (origin: string, threadId: string) =>
  send<ThreadPostsResult>({ type: 'threadside:thread-posts', origin, threadId });
