import { describe, expect, it } from 'vitest';
import { readSiteAddress } from '../../utils/sites/site-address';
import { siteRows } from '../../utils/sites/site-list';

describe('readSiteAddress: the site a reader types on the options page', () => {
  it('takes a bare host, a pasted thread address, or an address with a port', () => {
    expect(readSiteAddress(' forum.example.org ')).toMatchObject({ ok: true, pattern: 'https://forum.example.org/*' });
    expect(readSiteAddress('https://forum.example.org/t/car-t/12?page=2')).toMatchObject({
      ok: true,
      host: 'forum.example.org',
      pattern: 'https://forum.example.org/*',
    });
    expect(readSiteAddress('http://localhost:8080/x')).toMatchObject({ ok: true, pattern: 'http://localhost:8080/*' });
    expect(readSiteAddress('localhost:8080')).toMatchObject({ ok: true, pattern: 'https://localhost:8080/*' });
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
