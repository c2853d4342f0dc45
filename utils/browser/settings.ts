import { storage } from 'wxt/utils/storage';
import type { HighlightMode } from '../glossary/annotate';

/**
 * The reader's settings, in the extension's local storage (never synced: they say which
 * health forums someone reads). The options page arrives later; these are its keys.
 */
export type GlossaryMode = HighlightMode | 'off';

export const glossaryModeSetting = storage.defineItem<GlossaryMode>('local:glossaryMode', {
  fallback: 'first',
});
