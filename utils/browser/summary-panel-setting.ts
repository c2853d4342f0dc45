import { storage } from 'wxt/utils/storage';
import { SUMMARY_PANEL_KEY, type SummaryPanelState } from './settings';

/**
 * The summary panel as the reader left it, for the panel itself (loaded only when it is
 * used): a versioned item, whose definition migrates what an older Threadside stored. The
 * script every forum page runs reads only the sites it was left open on (`panelLeftOpenOn`).
 */
export const summaryPanelSetting = storage.defineItem<SummaryPanelState>(SUMMARY_PANEL_KEY, {
  fallback: { openOn: [], sections: ['since', 'question', 'points', 'mentioned', 'support'] },
  version: 2,
  // Version 1 kept one "open" for every site: it starts closed everywhere.
  migrations: { 2: (old: { sections?: string[] }) => ({ openOn: [], sections: old.sections ?? [] }) },
});
