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
export const CHECK_INTERVAL_DEFAULT = 15;
export const checkIntervalSetting = storage.defineItem<number>('local:checkIntervalMinutes', {
  fallback: CHECK_INTERVAL_DEFAULT,
});

/** Desktop notifications for new replies: off unless the reader turns them on. */
export const notificationsSetting = storage.defineItem<boolean>('local:notifications', { fallback: false });

/** Thread titles in those notifications (they can show on a locked screen): off unless chosen. */
export const notificationTitlesSetting = storage.defineItem<boolean>('local:notificationTitles', { fallback: false });

export const clampInterval = (m: number) =>
  Math.min(
    CHECK_INTERVAL_MAX,
    Math.max(CHECK_INTERVAL_MIN, Math.round(Number.isFinite(m) ? m : CHECK_INTERVAL_DEFAULT)),
  );

/** What the reader typed in the interval field: an emptied field means the default, not the least. */
export const intervalFromInput = (text: string) =>
  text.trim() === '' ? CHECK_INTERVAL_DEFAULT : clampInterval(Number(text));

/**
 * The summary panel as the reader left it: the sites where they left it open (a summary
 * reads the whole thread, so it is made only where they asked for one), and which sections
 * are expanded.
 */
export interface SummaryPanelState {
  openOn: string[];
  sections: string[];
}

export const summaryPanelSetting = storage.defineItem<SummaryPanelState>('local:summaryPanel', {
  fallback: { openOn: [], sections: ['since', 'question', 'points', 'mentioned', 'support'] },
  version: 2,
  // Version 1 kept one "open" for every site: it starts closed everywhere.
  migrations: { 2: (old: { sections?: string[] }) => ({ openOn: [], sections: old.sections ?? [] }) },
});

/** Where the panel is left open, with `host` added or taken off. */
export function panelOpenOn(state: SummaryPanelState, host: string, open: boolean): SummaryPanelState {
  const others = state.openOn.filter((h) => h !== host);
  return { ...state, openOn: open ? [...others, host] : others };
}

/** Sites the reader turned off (match patterns) and may turn on again from the options page. */
export const turnedOffSitesSetting = storage.defineItem<string[]>('local:turnedOffSites', { fallback: [] });

/**
 * Known forums the reader turned off, by host. Their access is part of the install and
 * cannot be given back to the browser, so "off" is this list: Threadside does nothing
 * there (no bar, no underlines, no checks) until the reader turns it on again.
 */
export const knownForumsOffSetting = storage.defineItem<string[]>('local:knownForumsOff', { fallback: [] });

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

/** Sites (hosts) where the reader hid the bar with ×: it starts folded there, as a small "Threadside" button. */
export const barHiddenSetting = storage.defineItem<string[]>('local:barHiddenOn', { fallback: [] });

/** The bar folded away on `host` (the × in the bar) or shown again (the popup, the options page). */
export const setBarFolded = async (host: string, hidden: boolean) =>
  barHiddenSetting.setValue(withHost(await barHiddenSetting.getValue(), host, hidden));

/** `hosts` with `host` added (hidden) or taken off. */
export const withHost = (hosts: readonly string[], host: string, add: boolean): string[] =>
  add ? (hosts.includes(host) ? [...hosts] : [...hosts, host]) : hosts.filter((h) => h !== host);
