import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clampInterval,
  intervalFromInput,
  effectiveGlossaryMode,
  glossaryModeSetting,
  glossarySiteModesSetting,
  panelLeftOpenOn,
  withHost,
} from '../../utils/browser/settings';

describe('settings', () => {
  it('lets a per-site glossary choice win over the general one', async () => {
    expect(await glossaryModeSetting.getValue()).toBe('first');
    await glossarySiteModesSetting.setValue({ 'www.reddit.com': 'off' });
    const perSite = await glossarySiteModesSetting.getValue();
    expect(effectiveGlossaryMode('every', perSite, 'www.reddit.com')).toBe('off');
    expect(effectiveGlossaryMode('every', perSite, 'forum.bloodcancer.org.uk')).toBe('every');
  });

  it('keeps the check interval between 5 and 60 minutes', () => {
    expect(clampInterval(1)).toBe(5);
    expect(clampInterval(90)).toBe(60);
    expect(clampInterval(Number.NaN)).toBe(15);
    expect(clampInterval(20)).toBe(20);
  });

  it('takes an emptied interval field as the default 15 minutes, not the least (#17 item 11)', () => {
    expect(intervalFromInput('')).toBe(15);
    expect(intervalFromInput('  ')).toBe(15);
    expect(intervalFromInput('0')).toBe(5);
    expect(intervalFromInput('30')).toBe(30);
    expect(intervalFromInput('abc')).toBe(15);
  });
});

describe('sites where the bar is folded away', () => {
  it('adds a site once and takes it off again, leaving the others', () => {
    const once = withHost(['a.example'], 'forum.example.org', true);
    expect(withHost(once, 'forum.example.org', true)).toEqual(['a.example', 'forum.example.org']);
    expect(withHost(once, 'forum.example.org', false)).toEqual(['a.example']);
  });
});

describe('settings in the script every forum page runs', () => {
  it('reads nothing from storage until a setting is asked for', async () => {
    vi.resetModules();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      const settings = await import('../../utils/browser/settings');
      await new Promise((r) => setTimeout(r, 0));
      expect(get).not.toHaveBeenCalled();
      expect(await settings.knownForumsOffSetting.getValue()).toEqual([]);
      expect(get).toHaveBeenCalledTimes(1);
    } finally {
      get.mockRestore();
    }
  });

  it('reads where the summary panel was left open, also as an older Threadside stored it', async () => {
    await fakeBrowser.storage.local.set({ summaryPanel: { openOn: ['forum.example.org'], sections: [] } });
    expect(await panelLeftOpenOn()).toEqual(['forum.example.org']);
    // Version 1 kept one "open" for every site: closed everywhere, as its migration makes it.
    await fakeBrowser.storage.local.set({ summaryPanel: { open: true, sections: ['points'] } });
    expect(await panelLeftOpenOn()).toEqual([]);
    await fakeBrowser.storage.local.set({ summaryPanel: { openOn: [7, 'a.example'] } });
    expect(await panelLeftOpenOn()).toEqual(['a.example']);
  });

  it('migrates a panel stored by an older Threadside once the panel itself reads it, keeping its sections', async () => {
    await fakeBrowser.storage.local.set({ summaryPanel: { open: true, sections: ['points'] } });
    vi.resetModules();
    const { summaryPanelSetting } = await import('../../utils/browser/summary-panel-setting');
    expect(await summaryPanelSetting.getValue()).toEqual({ openOn: [], sections: ['points'] });
    // Opened on one forum by the panel: the page's own read finds it there.
    await summaryPanelSetting.setValue({ openOn: ['forum.example.org'], sections: ['points'] });
    expect(await panelLeftOpenOn()).toEqual(['forum.example.org']);
  });
});
