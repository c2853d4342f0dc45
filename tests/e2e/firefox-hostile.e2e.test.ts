import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForum, SESSION_COOKIE, type ForumLab } from '../forum-lab/server';
import { PRIVATE_TOPIC_ID, PRIVATE_WORDS } from '../forum-lab/store';
import { poll } from './harness';
import { launchReader, type Reader } from './reader';

/**
 * The redirect attack of hostile-pages.e2e.test.ts, in Firefox: there Threadside's requests
 * are made by an event page, not a service worker, and its fetch is Firefox's own. `forum`
 * is the reader's forum, where they are signed in; `hostile` another known forum, whose
 * JSON answers with a redirect to the reader's private message. Then what stands in Firefox
 * for Chromium's dynamic file addresses: the add-on's address never reaches the page.
 */
describe('Firefox: a forum cannot send Threadside to the reader’s other forum', () => {
  let forum: ForumLab;
  let hostile: ForumLab;
  let reader: Reader;
  beforeAll(async () => {
    [forum, hostile] = await Promise.all([startForum({ port: 0 }), startForum({ port: 0 })]);
    reader = await launchReader('firefox');
  }, 120_000);
  afterAll(async () => {
    await reader?.close();
    await Promise.all([forum?.close(), hostile?.close()]);
  });

  it('a redirect to a private message is not followed, for a summary or a check: that forum is not even asked', async () => {
    const own = await reader.open(`${forum.url}/t/results-from-tuesday/${PRIVATE_TOPIC_ID}`);
    // Signed in there, as the reader is: asked, the forum would give the message.
    await own.evaluate((cookie) => void (document.cookie = `${cookie}; path=/`), SESSION_COOKIE);
    await own.reload();
    expect(await own.evaluate(() => document.querySelector('#main-outlet')?.textContent, null)).toContain(
      PRIVATE_WORDS,
    );
    await own.close();

    hostile.beHostile({ jsonRedirect: `${forum.url}/t/${PRIVATE_TOPIC_ID}.json` });
    const page = await reader.open(`${hostile.url}/t/what-is-car-t-therapy/1828`);
    forum.clearRequests();
    const summary = page.ui.locator('threadside-bar [data-testid=summary]');
    await poll(() => summary.isEnabled()).toBe(true);
    await summary.click();
    const panel = page.ui.locator('threadside-summary [data-testid=summary-panel]');
    await poll(() => panel.locator('[data-testid=summary-status]').textContent()).toMatch(
      /could not read the whole thread: .* sent Threadside to another address/,
    );
    expect(await panel.textContent()).not.toContain(PRIVATE_WORDS);
    expect(forum.requests()).toEqual([]);

    const save = page.ui.locator('threadside-bar [data-testid=save]');
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    const popup = await reader.open(reader.extensionUrl('popup.html'));
    hostile.clearRequests();
    await popup.click('button', 'Check now');
    await poll(() => popup.evaluate(() => document.querySelector('.check-status')?.textContent, null)).toMatch(
      /^Not checked/,
    );
    expect(await popup.evaluate(() => document.querySelector('main')?.textContent, null)).toMatch(
      /sent Threadside to another address/,
    );
    expect(hostile.requests().map((r) => r.path)).toContain('/t/1828.json');
    expect(forum.requests()).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  }, 60_000);

  // Firefox keeps no dynamic address for the files pages may load (use_dynamic_url is
  // Chromium's): a page that has the add-on's address loads them (tried: 200), and so can
  // tell that Threadside is installed. The address is random for each install; what keeps
  // it from the page is that Threadside never writes it there.
  it('a page never finds the add-on’s address in its markup or style sheets', async () => {
    const page = await reader.open(`${forum.url}/t/what-is-car-t-therapy/1828`);
    // Threadside has worked here: underlines, a tooltip, the summary.
    await page.hover('#post_5 .cooked [data-threadside-term]', 'DLBC');
    await poll(() => page.ui.locator('threadside-tooltip .ts-tooltip .ts-term').textContent()).toBe(
      'diffuse large B-cell lymphoma',
    );
    await page.ui.locator('threadside-bar [data-testid=summary]').click();
    await poll(() => page.ui.locator('threadside-summary [data-testid=summary-status]').textContent()).toMatch(
      /posts read on this computer/,
    );
    const address = new URL(reader.extensionUrl('/')).host;
    const seen = await page.evaluate(
      (host) =>
        [document.documentElement.outerHTML, ...[...document.styleSheets].map((s) => s.href ?? '')].filter(
          (s) => s.includes(host) || s.includes('moz-extension:'),
        ),
      address,
    );
    expect(seen).toEqual([]);
    await page.close();
  });

  it('logged no error from Threadside on the way', () => {
    expect(reader.threadsideErrors()).toEqual([]);
  });
});
