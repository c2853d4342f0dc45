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

/** Minutes between background checks for new replies (5 to 60). */
export const CHECK_INTERVAL_MIN = 5;
export const CHECK_INTERVAL_MAX = 60;
export const checkIntervalSetting = storage.defineItem<number>('local:checkIntervalMinutes', { fallback: 15 });

/** Desktop notifications for new replies: off unless the reader turns them on. */
export const notificationsSetting = storage.defineItem<boolean>('local:notifications', { fallback: false });

export const clampInterval = (m: number) =>
  Math.min(CHECK_INTERVAL_MAX, Math.max(CHECK_INTERVAL_MIN, Math.round(Number.isFinite(m) ? m : 15)));

/** The summary panel as the reader left it: open or not, and which sections are expanded. */
export const summaryPanelSetting = storage.defineItem<{ open: boolean; sections: string[] }>('local:summaryPanel', {
  fallback: { open: false, sections: ['since', 'question', 'points', 'mentioned', 'support'] },
});

/** Sites the reader turned off (match patterns) and may turn on again from the options page. */
export const turnedOffSitesSetting = storage.defineItem<string[]>('local:turnedOffSites', { fallback: [] });

/** Per-site glossary choices (host → mode), which win over the general one. */
export const glossarySiteModesSetting = storage.defineItem<Record<string, GlossaryMode>>('local:glossarySiteModes', {
  fallback: {},
});

export function effectiveGlossaryMode(
  general: GlossaryMode,
  perSite: Record<string, GlossaryMode>,
  host: string,
): GlossaryMode {
  return perSite[host] ?? general;
}
