import { browser } from 'wxt/browser';
import { GLOSSARY_FILES } from '../glossary/files';
import type { CompiledMatcher } from '../glossary/matcher';
import { unpackMatcher } from '../glossary/packed';
import type { GlossaryEntry } from '../glossary/schema';

// Written by the build, so not among the public files WXT types getURL with.
const fileUrl = (path: string) => (browser.runtime.getURL as (p: string) => string)(`/${path}`);

/** The matcher the build compiled; null when its files are missing or not what this code reads. */
export async function readMatcherFiles(): Promise<CompiledMatcher | null> {
  try {
    const [meta, tables] = await Promise.all([
      fetch(fileUrl(GLOSSARY_FILES.matcherMeta)).then((r) => r.json() as Promise<unknown>),
      fetch(fileUrl(GLOSSARY_FILES.matcherTables)).then((r) => r.arrayBuffer()),
    ]);
    return unpackMatcher(meta, tables);
  } catch {
    return null;
  }
}

/** The glossary's entries and matcher, for a page; a clear error when they cannot be read. */
export async function readGlossaryFiles(): Promise<{ entries: GlossaryEntry[]; matcher: CompiledMatcher }> {
  const [entries, matcher] = await Promise.all([
    fetch(fileUrl(GLOSSARY_FILES.entries))
      .then((r) => r.json() as Promise<unknown>)
      .catch(() => null),
    readMatcherFiles(),
  ]);
  if (!Array.isArray(entries) || !matcher) throw new Error('Threadside could not load its glossary.');
  return { entries: entries as GlossaryEntry[], matcher };
}
