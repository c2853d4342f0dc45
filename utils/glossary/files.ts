import { packMatcher, type MatcherMeta } from './packed';
import type { CompiledMatcher } from './matcher';
import type { GlossaryEntry } from './schema';

/**
 * The glossary as the build writes it into the extension, for the background and the
 * pages' glossary part to read themselves (no copy of 1.8 MB through messaging per page).
 * Web-accessible resources, like the content script's styles, at an address a page cannot
 * guess: per session in Chromium (`use_dynamic_url`), per install in Firefox (which has no
 * such option).
 */
export const GLOSSARY_FILES = {
  entries: 'glossary/entries.json',
  /**
   * The matcher's strings, and the ids of the entries nearly every reader knows (the page
   * needs those at once, the entries only for a tooltip): one file, one read fewer per page.
   */
  matcherMeta: 'glossary/matcher.json',
  matcherTables: 'glossary/matcher.bin',
} as const;

/** The files' contents, for the build. */
export function glossaryFiles(entries: GlossaryEntry[], compiled: CompiledMatcher) {
  const { meta, bytes } = packMatcher(compiled);
  return {
    entries: JSON.stringify(entries),
    matcherMeta: JSON.stringify({
      ...(meta satisfies MatcherMeta),
      common: entries.filter((e) => e.tier === 'common').map((e) => e.id),
    }),
    matcherTables: bytes,
  };
}
