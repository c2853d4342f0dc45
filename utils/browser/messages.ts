import { browser } from 'wxt/browser';
import type { GlossaryEntry } from '../glossary/schema';

/**
 * Messages between the content script and the background worker. The glossary lives in the
 * background bundle and is sent on request: kept out of the content script, it does not
 * have to be compiled on every forum page before the page can respond.
 */
export const GLOSSARY_REQUEST = 'threadside:glossary';

export function isGlossaryRequest(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === GLOSSARY_REQUEST;
}

export async function requestGlossary(): Promise<GlossaryEntry[]> {
  const entries = (await browser.runtime.sendMessage({ type: GLOSSARY_REQUEST })) as GlossaryEntry[] | undefined;
  if (!Array.isArray(entries)) throw new Error('Threadside could not load its glossary.');
  return entries;
}
