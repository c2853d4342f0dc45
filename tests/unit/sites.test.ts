import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askForSiteFromPopup, earlierSiteAnswer, sitesGranted } from '../../utils/browser/site-access';
import { turnedOffSitesSetting } from '../../utils/browser/settings';
import { readSiteAddress } from '../../utils/sites/site-address';
import { siteRows } from '../../utils/sites/site-list';
import { siteRequestOutcome } from '../../utils/sites/site-request';

describe('readSiteAddress: the site a reader types on the options page', () => {
  it('takes a bare host, a pasted thread address, or an address with a port', () => {
    expect(readSiteAddress(' forum.example.org ')).toMatchObject({ ok: true, pattern: 'https://forum.example.org/*' });
    expect(readSiteAddress('https://forum.example.org/t/car-t/12?page=2')).toMatchObject({
      ok: true,
      host: 'forum.example.org',
      pattern: 'https://forum.example.org/*',
    });
    expect(readSiteAddress('http://localhost:8080/x')).toMatchObject({ ok: true, pattern: 'http://localhost/*' });
    expect(readSiteAddress('localhost:8080')).toMatchObject({ ok: true, pattern: 'https://localhost/*' });
    expect(readSiteAddress('Forum.Example.ORG')).toMatchObject({ ok: true, host: 'forum.example.org' });
  });

  it('says what is wrong, in words, for what it cannot use', () => {
    expect(readSiteAddress('   ')).toEqual({ ok: false, message: 'Type a site address, such as forum.example.org.' });
    expect(readSiteAddress('forum')).toEqual({
      ok: false,
      message: 'Type the whole site address, such as forum.example.org.',
    });
    expect(readSiteAddress('ftp://files.example.org')).toMatchObject({ ok: false, message: /web pages only/ });
    expect(readSiteAddress('not a site')).toMatchObject({ ok: false, message: /is not a site address/ });
  });
});

describe('siteRows: the sites list on the options page', () => {
  const known = (h: string) => h === 'forum.bloodcancer.org.uk' || h === '127.0.0.1';

  it('lists sites that are on and sites turned off, by name, once each', () => {
    const rows = siteRows(
      ['https://forum.bloodcancer.org.uk/*', 'https://myeloma.example.org/*', 'http://127.0.0.1/*'],
      ['https://cll.example.net/*', 'https://myeloma.example.org/*'],
      known,
    );
    expect(rows).toEqual([
      { pattern: 'https://cll.example.net/*', label: 'cll.example.net', enabled: false },
      { pattern: 'https://myeloma.example.org/*', label: 'myeloma.example.org', enabled: true },
    ]);
  });

  it('shows the scheme only when it is not https, and never offers "every site"', () => {
    const rows = siteRows(['http://localhost:8080/*', '*://*/*', '*://lymphoma.example.org/*'], [], known);
    expect(rows.map((r) => r.label)).toEqual(['http://localhost:8080', 'lymphoma.example.org']);
  });
});

describe('asking for a site from the popup, which the browser prompt closes', () => {
  const origin = 'http://localhost:8080';

  it('tells the reader the answer when they open the popup again on that site, once', async () => {
    let answer!: (granted: boolean) => void;
    fakeBrowser.permissions.request = () => new Promise<boolean>((r) => (answer = r));
    void askForSiteFromPopup(origin);
    // The popup is gone before the reader answers; the question is still remembered.
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get()).not.toEqual({}));
    expect(await earlierSiteAnswer(origin, false)).toBe('Threadside was not given access to this site.');
    expect(await earlierSiteAnswer(origin, false)).toBeNull();
    answer(false);
  });

  it('has sent the question to storage before the browser is asked (the prompt may close the popup at once)', async () => {
    let storedWhenAsked: unknown = null;
    fakeBrowser.permissions.request = async () => {
      storedWhenAsked = (await fakeBrowser.storage.session.get('siteRequest')).siteRequest;
      return false;
    };
    await askForSiteFromPopup(origin);
    expect(storedWhenAsked).toEqual({ origin, at: expect.any(Number) as number });
  });

  it('still tells the next popup when this one saw the answer but closed before it was read', async () => {
    fakeBrowser.permissions.request = () => Promise.resolve(false);
    expect(await askForSiteFromPopup(origin)).toBe(false);
    expect(await earlierSiteAnswer(origin, false)).toBe('Threadside was not given access to this site.');
  });

  it('says nothing on another site, or when the question is stale', () => {
    const asked = { origin, at: 1_000_000 };
    expect(siteRequestOutcome(asked, origin, true, asked.at + 5_000)).toBe('Threadside is on for localhost:8080.');
    expect(siteRequestOutcome(asked, 'https://forum.example.org', true, asked.at + 5_000)).toBeNull();
    expect(siteRequestOutcome(asked, origin, true, asked.at + 60 * 60_000)).toBeNull();
  });

  it('turns a granted site back on even when the one who asked is gone', async () => {
    await turnedOffSitesSetting.setValue(['http://localhost:8080/*', 'https://cll.example.net/*']);
    await sitesGranted(['http://localhost:8080/*']);
    expect(await turnedOffSitesSetting.getValue()).toEqual(['https://cll.example.net/*']);
  });
});
