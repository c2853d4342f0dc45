import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { HighlightMode } from '../glossary/annotate';

/**
 * The reader's settings, in the extension's local storage (never synced: they say which
 * health forums someone reads).
 */
export type GlossaryMode = HighlightMode | 'off';

/** One setting: read, written and watched through WXT's storage, with its value when unset. */
export interface Setting<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls `changed` with each new value (the fallback once it is removed); returns the way to stop. */
  watch(changed: (value: T, old: T) => void): () => void;
}

/**
 * Read when asked. WXT's `storage.defineItem` reads each item it defines as its module is
 * loaded (for an `init` none of these has): the content script, which loads this module on
 * every forum page, made ten reads of storage before a line of Threadside's ran.
 */
function setting<T>(key: StorageItemKey, fallback: T): Setting<T> {
  return {
    getValue: async () => (await storage.getItem<T>(key)) ?? fallback,
    setValue: (value) => storage.setItem(key, value),
    watch: (changed) => storage.watch<T>(key, (value, old) => changed(value ?? fallback, old ?? fallback)),
  };
}

export const glossaryModeSetting = setting<GlossaryMode>('local:glossaryMode', 'first');

/** Minutes between background checks for new replies (5 to 60). */
export const CHECK_INTERVAL_MIN = 5;
export const CHECK_INTERVAL_MAX = 60;
export const CHECK_INTERVAL_DEFAULT = 15;
export const checkIntervalSetting = setting<number>('local:checkIntervalMinutes', CHECK_INTERVAL_DEFAULT);

/** Desktop notifications for new replies: off unless the reader turns them on. */
export const notificationsSetting = setting<boolean>('local:notifications', false);

/** Thread titles in those notifications (they can show on a locked screen): off unless chosen. */
export const notificationTitlesSetting = setting<boolean>('local:notificationTitles', false);

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

export const SUMMARY_PANEL_KEY = 'local:summaryPanel';

/**
 * The sites where the reader left the panel open, read as the page opens a thread. Read
 * here as stored, not through the panel's versioned item (summary-panel-setting.ts), whose
 * definition reads and migrates it on load, in every page: a value stored before version 2
 * (one "open" for every site) has no list, and starts closed everywhere, as its migration
 * makes it.
 */
export async function panelLeftOpenOn(): Promise<string[]> {
  const stored = await storage.getItem<Partial<SummaryPanelState>>(SUMMARY_PANEL_KEY);
  return Array.isArray(stored?.openOn) ? stored.openOn.filter((h) => typeof h === 'string') : [];
}

/** Where the panel is left open, with `host` added or taken off. */
export function panelOpenOn(state: SummaryPanelState, host: string, open: boolean): SummaryPanelState {
  const others = state.openOn.filter((h) => h !== host);
  return { ...state, openOn: open ? [...others, host] : others };
}

/** Sites the reader turned off (match patterns) and may turn on again from the options page. */
export const turnedOffSitesSetting = setting<string[]>('local:turnedOffSites', []);

/**
 * Known forums the reader turned off, by host. Their access is part of the install and
 * cannot be given back to the browser, so "off" is this list: Threadside does nothing
 * there (no bar, no underlines, no checks) until the reader turns it on again.
 */
export const knownForumsOffSetting = setting<string[]>('local:knownForumsOff', []);

/** Per-site glossary choices (host → mode), which win over the general one. */
export const glossarySiteModesSetting = setting<Record<string, GlossaryMode>>('local:glossarySiteModes', {});

export function effectiveGlossaryMode(
  general: GlossaryMode,
  perSite: Record<string, GlossaryMode>,
  host: string,
): GlossaryMode {
  return perSite[host] ?? general;
}

/** Sites (hosts) where the reader hid the bar with ×: it starts folded there, as a small "Threadside" button. */
export const barHiddenSetting = setting<string[]>('local:barHiddenOn', []);

/** The bar folded away on `host` (the × in the bar) or shown again (the popup, the options page). */
export const setBarFolded = async (host: string, hidden: boolean) =>
  barHiddenSetting.setValue(withHost(await barHiddenSetting.getValue(), host, hidden));

/** `hosts` with `host` added (hidden) or taken off. */
export const withHost = (hosts: readonly string[], host: string, add: boolean): string[] =>
  add ? (hosts.includes(host) ? [...hosts] : [...hosts, host]) : hosts.filter((h) => h !== host);
