/**
 * Where the scripts the background injects into a forum page (the summary panel, the
 * glossary) leave their start functions, in the content script's own world (which the page
 * cannot see), for the content script to call.
 */
export const SUMMARY_PANEL = '__threadsideSummaryPanel';
export const GLOSSARY_PART = '__threadsideGlossary';
export const FORUM_READERS = '__threadsideForumReaders';

/**
 * What an injected part left under `key` in this world, if it has. Only the world's own
 * property counts: a page's elements with that id or name show through as globals here too,
 * and would otherwise pass for the part (and keep it from being asked for).
 */
export function partIn(key: string): unknown {
  return Object.hasOwn(globalThis, key) ? (globalThis as Record<string, unknown>)[key] : undefined;
}
