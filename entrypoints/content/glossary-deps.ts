import { askBackground } from '../../utils/browser/messages';
import { readGlossaryEntries, readPageMatcher } from '../../utils/browser/glossary-files';
import { effectiveGlossaryMode, glossaryModeSetting, glossarySiteModesSetting } from '../../utils/browser/settings';
import { closedUi } from './closed-ui';

/**
 * What the injected glossary part uses of the page script's own: one copy of the messaging,
 * the settings and WXT's shadow-root UI in the page, not one in each script.
 */
export const glossaryDeps = () => ({
  askBackground,
  /** The matcher's tables and the entries, read from the extension's files by the page itself. */
  readMatcher: readPageMatcher,
  readEntries: readGlossaryEntries,
  closedUi,
  /** The underlining mode for this site: its own, else the general one. */
  glossaryMode: async () => {
    const [general, perSite] = await Promise.all([glossaryModeSetting.getValue(), glossarySiteModesSetting.getValue()]);
    return effectiveGlossaryMode(general, perSite, location.host);
  },
  /** Calls `changed` when either mode setting changes; returns the way to stop. */
  watchGlossaryMode(changed: () => void) {
    const stops = [glossaryModeSetting.watch(changed), glossarySiteModesSetting.watch(changed)];
    return () => stops.forEach((stop) => stop());
  },
});

export type GlossaryDeps = ReturnType<typeof glossaryDeps>;
