import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addExplainMenu, EXPLAIN_MENU } from '../../utils/browser/explain-menu';
import { knownForumsOffSetting, turnedOffSitesSetting } from '../../utils/browser/settings';

/** The browser's context menu, as far as Threadside can change it. */
function fakeMenus() {
  const items = new Map<string | number, Record<string, unknown>>();
  fakeBrowser.contextMenus.create = (props: { id: string }, done?: () => void) => {
    if (items.has(props.id)) throw new Error('duplicate id');
    items.set(props.id, props);
    done?.();
    return props.id;
  };
  fakeBrowser.contextMenus.remove = (id: string) =>
    items.delete(id) ? Promise.resolve() : Promise.reject(new Error('no such item'));
  return items;
}

describe('"Explain with Threadside" in the context menu', () => {
  let origins: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    origins = ['https://forum.bloodcancer.org.uk/*'];
    fakeBrowser.permissions.getAll = () => Promise.resolve({ origins, permissions: [] });
  });

  it('offers it on selected text, only on the sites Threadside runs on', async () => {
    const items = fakeMenus();
    await addExplainMenu();
    expect(items.get(EXPLAIN_MENU)).toMatchObject({
      title: 'Explain with Threadside',
      contexts: ['selection'],
      documentUrlPatterns: ['https://forum.bloodcancer.org.uk/*'],
    });
  });

  it('follows the sites the reader enables, and can be made again as the background restarts', async () => {
    const items = fakeMenus();
    await addExplainMenu();
    origins = [...origins, 'https://community.example.org/*'];
    await addExplainMenu();
    expect(items.get(EXPLAIN_MENU)?.documentUrlPatterns).toEqual([
      'https://forum.bloodcancer.org.uk/*',
      'https://community.example.org/*',
    ]);
    origins = [];
    await addExplainMenu();
    expect(items.has(EXPLAIN_MENU)).toBe(false);
  });

  it('is not offered on a known forum or a site the reader turned off, and is again once back on', async () => {
    const items = fakeMenus();
    origins = [...origins, 'http://community.example.org/*'];
    await knownForumsOffSetting.setValue(['forum.bloodcancer.org.uk']);
    await turnedOffSitesSetting.setValue(['http://community.example.org/*']);
    await addExplainMenu();
    expect(items.has(EXPLAIN_MENU)).toBe(false);
    await knownForumsOffSetting.setValue([]);
    await addExplainMenu();
    expect(items.get(EXPLAIN_MENU)?.documentUrlPatterns).toEqual(['https://forum.bloodcancer.org.uk/*']);
  });
});
