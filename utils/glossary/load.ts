import { z } from 'zod';
import { RAW_GLOSSARY } from './data';
import { glossaryEntrySchema, type GlossaryEntry } from './schema';

export interface Glossary {
  entries: GlossaryEntry[];
  byId: Map<string, GlossaryEntry>;
}

let cached: Glossary | null = null;

/** The glossary, parsed once. A broken data file fails loudly here and in the data test. */
export function loadGlossary(): Glossary {
  if (!cached) {
    const entries = z.array(glossaryEntrySchema).parse(RAW_GLOSSARY);
    cached = { entries, byId: new Map(entries.map((e) => [e.id, e])) };
  }
  return cached;
}
