import { browser } from 'wxt/browser';
import type { SavedThread, ThreadSnapshot } from '../db/saved-thread';
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
  | { type: 'threadside:check-now' };

/** Sent by the background to a tab when the reader presses the save shortcut. */
export const TOGGLE_SAVE = 'threadside:toggle-save';

export function isRequest(message: unknown): message is Request {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('threadside:') && type !== TOGGLE_SAVE;
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
export const reportVisit = (snapshot: ThreadSnapshot) => send<SavedThread | null>({ type: 'threadside:visit', snapshot });

export interface CheckSummary {
  requests: number;
  newReplies: number;
  problems: string[];
}

export const requestCheckNow = () => send<CheckSummary>({ type: 'threadside:check-now' });
