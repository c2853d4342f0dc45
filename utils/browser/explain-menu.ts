import { browser } from 'wxt/browser';
import { patternHost } from '../sites/site-list';
import { knownForumsOffSetting, turnedOffSitesSetting } from './settings';

export const EXPLAIN_MENU = 'threadside-explain';

/**
 * "Explain with Threadside" in the context menu of selected text, only on the sites Threadside
 * runs on (known forums and those the reader enabled, less those the reader turned off):
 * elsewhere nothing would answer it. Made again whenever the sites change; removed first,
 * as the browser keeps menus across restarts of the background and refuses a second item
 * with the same id.
 */
export async function addExplainMenu(): Promise<void> {
  const [granted, turnedOff, knownOff] = await Promise.all([
    browser.permissions.getAll().then((p) => p.origins ?? []),
    turnedOffSitesSetting.getValue(),
    knownForumsOffSetting.getValue(),
  ]);
  const sites = granted.filter((p) => !turnedOff.includes(p) && !knownOff.includes(patternHost(p) ?? ''));
  await browser.contextMenus.remove(EXPLAIN_MENU).catch(() => undefined);
  if (sites.length === 0) return;
  browser.contextMenus.create(
    { id: EXPLAIN_MENU, title: 'Explain with Threadside', contexts: ['selection'], documentUrlPatterns: sites },
    // Read, so a refusal is not reported as unchecked.
    () => void browser.runtime.lastError,
  );
}
