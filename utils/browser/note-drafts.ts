import { storage } from 'wxt/utils/storage';

/**
 * Notes being typed in the popup, kept until saved or cancelled: the popup closes as soon
 * as the reader clicks the page (to copy a drug's name, say), and the words typed would go
 * with it. In the session storage (in memory, the extension's own), by thread, bounded.
 */
const MAX_DRAFTS = 50;
const MAX_DRAFT = 5000;

const draftsItem = storage.defineItem<Record<string, string>>('session:noteDrafts', { fallback: {} });

export async function noteDraft(key: string): Promise<string | undefined> {
  const all = await draftsItem.getValue();
  return Object.hasOwn(all, key) ? all[key] : undefined;
}

export async function keepNoteDraft(key: string, text: string): Promise<void> {
  const { [key]: _old, ...others } = await draftsItem.getValue();
  // The latest last: the oldest drafts go first past the bound.
  const kept = Object.entries(others).slice(-(MAX_DRAFTS - 1));
  await draftsItem.setValue(Object.fromEntries([...kept, [key, text.slice(0, MAX_DRAFT)]]));
}

export async function dropNoteDraft(key: string): Promise<void> {
  const { [key]: _old, ...others } = await draftsItem.getValue();
  await draftsItem.setValue(others);
}
