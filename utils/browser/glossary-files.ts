import { browser } from 'wxt/browser';
import { GLOSSARY_FILES } from '../glossary/files';
import type { CompiledMatcher } from '../glossary/matcher';
import { unpackMatcher } from '../glossary/packed';
import type { GlossaryEntry } from '../glossary/schema';

// Written by the build, so not among the public files WXT types getURL with.
const fileUrl = (path: string) => (browser.runtime.getURL as (p: string) => string)(`/${path}`);

const readJson = (path: string) =>
  fetch(fileUrl(path))
    .then((r) => r.json() as Promise<unknown>)
    .catch(() => null);

/** The matcher's two files as read: null for one that could not be. */
const readMatcherParts = () =>
  Promise.all([
    readJson(GLOSSARY_FILES.matcherMeta),
    fetch(fileUrl(GLOSSARY_FILES.matcherTables))
      .then((r) => r.arrayBuffer())
      .catch(() => null),
  ]);

/** The matcher the build compiled; null when its files are missing or not what this code reads. */
export async function readMatcherFiles(): Promise<CompiledMatcher | null> {
  return unpackMatcher(...(await readMatcherParts()));
}
const unreadable = () => new Error('Threadside could not load its glossary.');
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** What a page needs to underline: the matcher, and the ids of the common tier; a clear error when unreadable. */
export async function readPageMatcher(): Promise<{ matcher: CompiledMatcher; common: string[] }> {
  const [meta, tables] = await readMatcherParts();
  const matcher = unpackMatcher(meta, tables);
  const common = (meta as { common?: unknown } | null)?.common;
  if (!matcher || !isStrings(common)) throw unreadable();
  return { matcher, common };
}

/** The entries, for tooltips and the summary: read when first needed (545 kB most pages never use). */
export async function readGlossaryEntries(): Promise<GlossaryEntry[]> {
  const entries = await readJson(GLOSSARY_FILES.entries);
  if (!Array.isArray(entries)) throw unreadable();
  return entries as GlossaryEntry[];
}
