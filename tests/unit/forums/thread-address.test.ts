// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import { labPage } from './lab-pages';

const O = 'http://127.0.0.1:4317';
const EVIL = 'https://attacker.example';
/**
 * A demo page as the forum serves it (a file in pages/, or a path the engine labs render),
 * with what a hostile poster or page could change.
 */
const page = (name: string, edit: (html: string) => string = (h) => h) =>
  name.startsWith('/')
    ? labPage(name, edit).doc
    : new DOMParser().parseFromString(
        edit(
          readFileSync(join(import.meta.dirname, '../../forum-lab/pages', name), 'utf8').replaceAll(
            'http://127.0.0.1/',
            `${O}/`,
          ),
        ),
        'text/html',
      );

describe('isThreadAddress: what a saved thread may point at', () => {
  it('takes the forum’s own thread addresses', () => {
    expect(isThreadAddress('discourse', O, '1828', `${O}/t/what-is-car-t-therapy/1828`)).toBe(true);
    expect(isThreadAddress('phpbb', O, '314', `${O}/phpbb/viewtopic.php?t=314`)).toBe(true);
  });

  it('refuses other origins, other threads, other schemes, user names and non-thread paths', () => {
    expect(isThreadAddress('discourse', O, '1828', `${EVIL}/t/what-is-car-t-therapy/1828`)).toBe(false);
    expect(isThreadAddress('discourse', O, '1828', `${O}/t/something-else/1829`)).toBe(false);
    expect(isThreadAddress('discourse', O, '1828', `javascript:alert(1)//${O}/t/x/1828`)).toBe(false);
    expect(isThreadAddress('discourse', O, '1828', `http://reader:secret@127.0.0.1:4317/t/x/1828`)).toBe(false);
    expect(isThreadAddress('discourse', O, '1828', `${O}/u/someone`)).toBe(false);
    expect(isThreadAddress('not-an-engine' as 'discourse', O, '1828', `${O}/t/x/1828`)).toBe(false);
  });
});

describe('a page’s word about its own address', () => {
  it('holds for every demo thread', () => {
    for (const [file, url] of [
      ['/xf/threads/picc-line-or-port.2718/', `${O}/xf/threads/picc-line-or-port.2718/`],
      ['schema-org-story.html', `${O}/stories/stem-cell-transplant-one-year-on`],
      ['/t5/Myeloma/Stem-cell-harvest-tomorrow/td-p/123456', `${O}/t5/Myeloma/Stem-cell-harvest-tomorrow/td-p/123456`],
    ]) {
      const t = readThreadFromPage(page(file), url);
      expect(t, file).not.toBeNull();
      expect(isThreadAddress(t!.engine, t!.origin, t!.threadId, t!.canonicalUrl), file).toBe(true);
    }
  });

  it('never points a thread at another site: canonical links', () => {
    for (const [file, pageUrl] of [
      ['schema-org-story.html', `${O}/stories/stem-cell-transplant-one-year-on`],
      ['/xf/threads/picc-line-or-port.2718/', `${O}/xf/threads/picc-line-or-port.2718/`],
    ]) {
      const hostile = page(file, (h) =>
        h.replace(/<link rel="canonical" href="[^"]*"/, `<link rel="canonical" href="${EVIL}/xf/threads/x.2718/"`),
      );
      const t = readThreadFromPage(hostile, pageUrl);
      expect(t?.origin, file).toBe(O);
      expect(t?.canonicalUrl, file).toBe(pageUrl);
    }
  });
});
