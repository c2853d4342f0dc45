import { RAW_GLOSSARY } from './data';
import type { GlossaryEntry } from './schema';

export interface Glossary {
  entries: GlossaryEntry[];
  byId: Map<string, GlossaryEntry>;
}

let cached: Glossary | null = null;

/**
 * The glossary shipped with the extension. It is our own data, checked entry by entry
 * against the schema by the data test, so pages do not pay to validate it again.
 */
export function loadGlossary(): Glossary {
  if (!cached) {
    const entries = RAW_GLOSSARY as GlossaryEntry[];
    cached = { entries, byId: new Map(entries.map((e) => [e.id, e])) };
  }
  return cached;
}
