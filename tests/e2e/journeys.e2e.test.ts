import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ExportFile } from '../../utils/db/export-format';
import { startForum, type ForumLab } from '../forum-lab/server';
import { poll } from './harness';
import { checkNowIn } from './popup-check';
import { SPY, spyRecordInPage } from './page-spy';
import { hostStoredInPage, PANEL_LEFT_OPEN } from './stored-choices';
import { BROWSERS, launchReader, type Reader, type ReaderTab } from './reader';

/**
 * A reader's journeys, written once and taken in Chromium and in Firefox ESR, each with the
 * browser's own build of Threadside against the demo forum. In order: what is saved in one
 * journey is what the next finds.
 */
const THREAD = '/t/what-is-car-t-therapy/1828';
const TERM = '[data-threadside-term]';
const bar = 'threadside-bar';
const tooltip = 'threadside-tooltip .ts-tooltip';

describe.each(BROWSERS)('a reader in %s', (name) => {
  let forum: ForumLab;
  let reader: Reader;
  // Each browser has its own demo forum: replies added for one do not show in the other.
  beforeAll(async () => {
    forum = await startForum({ port: 0 });
    reader = await launchReader(name);
  }, 120_000);
  afterEach(() => reader?.closeTabs());
  afterAll(async () => {
    await reader?.close();
    await forum?.close();
  });

  const open = (path: string) => reader.open(forum.url + path);
  const rowFor = (popup: ReaderTab, title: string) =>
    popup.evaluate((t) => {
      const row = [...document.querySelectorAll('.thread-row')].find((r) => r.textContent?.includes(t));
      return row ? { isNew: row.querySelector('.row-new')?.textContent ?? null } : null;
    }, title);

  /**
   * Waits until the reader's "closed" is stored for the forum: the panel opens by itself on
   * the forum's next page otherwise, where a click on Summary would then close it.
   */
  const panelClosedForGood = async () => {
    const ext = await reader.open(reader.extensionUrl('options.html'));
    await poll(() => ext.evaluate(hostStoredInPage, [...PANEL_LEFT_OPEN, new URL(forum.url).host] as const)).toBe(
      false,
    );
    await ext.close();
  };

  it('sees the bar with the thread and its post count', async () => {
    const page = await open(THREAD);
    await poll(() => page.ui.locator(`${bar} [data-testid=thread-title]`).textContent()).toBe('What is CAR-T therapy?');
    expect(await page.ui.locator(`${bar} [data-testid=post-count]`).textContent()).toBe('8 posts');
    await page.close();
  });

  it('reads a term by hover and by keyboard focus; Escape closes it', async () => {
    const page = await open(THREAD);
    const tip = page.ui.locator(tooltip);
    await page.hover(`#post_5 .cooked ${TERM}`, 'DLBC');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('diffuse large B-cell lymphoma');
    expect(await tip.locator('.ts-note').textContent()).toContain('not medical advice');
    await page.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);

    await page.focus(`#post_2 .cooked ${TERM}`, 'SCT');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('stem cell transplant');
    expect(await tip.locator('a.ts-learn-more').getAttribute('href')).toMatch(/^https:\/\/www\.nhs\.uk\//);
    // Enter takes the keyboard into the tooltip ("learn more"); Escape there closes it and
    // gives focus back to the term.
    const focused = () => page.evaluate(() => document.activeElement?.localName ?? null, null);
    await page.press('Enter');
    await poll(focused).toBe('threadside-tooltip');
    expect(await tip.isVisible()).toBe(true);
    await page.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('#post_2') !== null && document.activeElement?.textContent,
        null,
      ),
    ).toBe('SCT');
    await page.close();
  });

  it('finds terms as people type them, and explains a word the reader selects', async () => {
    const page = await open('/t/neuts-low-again/2011');
    const tip = page.ui.locator(tooltip);
    const termAt = (post: number, text: string) => page.hover(`#post_${post} .cooked ${TERM}`, text);
    // Slang, a regimen in shorthand, a dotted acronym, and a plural.
    await termAt(1, 'neuts');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('neutrophils');
    await termAt(1, 'C.T. scan');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('CT scan');
    await termAt(2, 'platelet transfusions');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('platelet transfusion');
    // Short capitals made safe by the thread's category (Myeloma).
    await termAt(1, 'MM');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('myeloma');
    await page.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);
    // The title in the bar is read too.
    const inTitle = page.ui.locator(`${bar} [data-testid=thread-title] ${TERM}`);
    await poll(() => inTitle.textContent()).toBe('Neuts');
    await inTitle.hover();
    await poll(() => tip.locator('.ts-term').textContent()).toBe('neutrophils');
    await page.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);

    // "Explain with Threadside" on a word everyone knows, which is not underlined by default.
    expect(
      await page.evaluate(() => document.querySelector('#post_3 .cooked [data-threadside-term]')?.textContent, null),
    ).toBe('relapsed');
    await page.selectWord('#post_3 .cooked', 'temperature');
    await reader.tellTabsAt(forum.url, 'explainSelection');
    await poll(() => tip.locator('.ts-term').textContent()).toBe('temperature');
    await page.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);

    // A word it has not: said plainly, with searches on the allowed sites for that word.
    await page.selectWord('#post_4 .cooked', 'garden');
    await reader.tellTabsAt(forum.url, 'explainSelection');
    await poll(() => tip.locator('.ts-definition').textContent()).toBe('Threadside has no explanation for “garden”.');
    // Each read waits for the settled tooltip: in Firefox under load it was seen drawn twice
    // over (a read found the text, the next no links).
    const searches = tip.locator('a.ts-learn-more');
    await poll(() => searches.count()).toBe(2);
    await poll(() => searches.nth(0).getAttribute('href')).toBe('https://www.nhs.uk/search/results?q=garden');
    await poll(() => searches.nth(1).getAttribute('href')).toBe(
      'https://www.cancerresearchuk.org/searchredirect?siteid=1&query=garden',
    );
    await page.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);
    await page.close();
  });

  it('saves the thread, and the popup lists it', async () => {
    const page = await open(THREAD);
    const save = page.ui.locator(`${bar} [data-testid=save]`);
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    const popup = await reader.open(reader.extensionUrl('popup.html'));
    await poll(() => rowFor(popup, 'What is CAR-T therapy?')).toEqual({ isNew: null });
    await Promise.all([page.close(), popup.close()]);
  });

  it('hears of new replies: Check now, the badge, the popup and the "New" marks', async () => {
    const popup = await reader.open(reader.extensionUrl('popup.html'));
    await checkNowIn(popup);
    expect(await reader.badge()).toBe('');
    forum.addReply(1828, { username: 'Sara', text: 'My PET scan was clear! Starting CAR-T next month.' });
    forum.addReply(1828, { username: 'Fozzie', text: 'Wonderful news Sara, good luck.' });
    await checkNowIn(popup);
    await poll(() => reader.badge()).toBe('2');
    await poll(() => rowFor(popup, 'What is CAR-T therapy?')).toEqual({ isNew: '2' });

    const page = await open(THREAD);
    await poll(() => page.ui.locator(`${bar} [data-testid=jump-new]`).textContent()).toBe(
      'Jump to first new reply (2)',
    );
    // Two stripes shown, on the new posts; every post has its (hidden) mark.
    const shown = page.ui.locator('threadside-mark .ts-new');
    await poll(() => shown.count()).toBe(10);
    const visible = async () => {
      const out: boolean[] = [];
      for (let i = 0; i < 10; i++) out.push(await shown.nth(i).isVisible());
      return out;
    };
    await poll(visible).toEqual([...Array<boolean>(8).fill(false), true, true]);
    // By mouse, the view alone goes there: the page, which sees where focus lands, is not
    // told more than it sees scroll.
    const post9InView = () =>
      page.evaluate(() => {
        const r = document.querySelector('#post_9')!.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight / 2;
      }, null);
    await page.evaluate(() => window.scrollTo(0, 0), null);
    expect(await post9InView()).toBe(false);
    await page.ui.locator(`${bar} [data-testid=jump-new]`).click();
    await poll(post9InView).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id ?? null, null)).not.toBe('post_9');
    // By keyboard: the jump takes the keyboard's place to the first new reply, so Tab and a
    // screen reader go on from there; the forum's tab order is left as it was once it leaves.
    await page.evaluate(() => window.scrollTo(0, 0), null);
    await page.ui.locator(`${bar} [data-testid=jump-new]`).focus();
    await page.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.id ?? null, null)).toBe('post_9');
    await page.press('Tab');
    await poll(() =>
      page.evaluate(() => document.querySelector('#post_9')?.getAttribute('tabindex') ?? 'none', null),
    ).toBe('none');
    await Promise.all([page.close(), popup.close()]);
  });

  it('summarises the thread on the device when the forum will not give it whole, then reads it whole on Try again', async () => {
    // The topic's JSON answers with a sign-in page: the summary is made from the page's posts, and says so.
    forum.setFault({ match: '/t/1828.json', kind: 'login' });
    const page = await open(THREAD);
    await page.ui.locator(`${bar} [data-testid=summary]`).click();
    const panel = page.ui.locator('threadside-summary [data-testid=summary-panel]');
    const status = panel.locator('[data-testid=summary-status]');
    await poll(() => status.textContent()).toMatch(
      /^From the 10 posts on this page\. Threadside could not read the whole thread: .*sign in/,
    );
    expect(await panel.locator('details[data-section=points] li').count()).toBeGreaterThan(0);
    // The fault passes, after one more 500: Try again waits it out and reads the whole thread.
    forum.clearFaults();
    forum.setFault({ match: '/t/1828.json', kind: '500', times: 1 });
    const retry = page.ui.locator('threadside-summary .ts-panel > button');
    expect(await retry.isVisible()).toBe(true);
    await retry.click();
    await poll(() => status.textContent()).toBe('10 posts read on this computer.');
    expect(await retry.isVisible()).toBe(false);
    expect(forum.requests().filter((r) => r.path === '/t/1828.json').length).toBeGreaterThanOrEqual(3);
    await page.ui.locator('threadside-summary .ts-panel-head button').focus();
    await page.press('Escape');
    await poll(() => panel.isVisible()).toBe(false);
    await panelClosedForGood();
    await page.close();
  });

  it('summarises the thread on the device, with its helpline and what is new since the last visit', async () => {
    const page = await open(THREAD);
    await page.ui.locator(`${bar} [data-testid=summary]`).click();
    const panel = page.ui.locator('threadside-summary [data-testid=summary-panel]');
    await poll(() => panel.isVisible()).toBe(true);
    await poll(() => panel.locator('details[data-section=support]').textContent()).toContain('0808 2080 888');
    expect(await panel.locator('details[data-section=question]').textContent()).toMatch(/eligible/);
    // The two replies the check found are the saved thread's news.
    const since = panel.locator('details[data-section=since]');
    expect(await since.locator('summary').textContent()).toBe('Since your last visit (2 new posts)');
    expect(await since.textContent()).toMatch(/PET scan was clear/);
    await page.ui.locator('threadside-summary .ts-panel-head button').focus();
    await page.press('Escape');
    await poll(() => panel.isVisible()).toBe(false);
    // Focus goes back to the bar (its Summary button), not to the top of the forum's page.
    expect(await page.evaluate(() => document.activeElement?.localName, null)).toBe('threadside-bar');
    await panelClosedForGood();
    await page.close();
  });

  it('Open in the popup, with the thread already open in a tab, takes that tab to the first new reply without reloading it', async () => {
    // The two replies the check found are still new: no page has shown them to the reader.
    const popup = await reader.open(reader.extensionUrl('popup.html'));
    await poll(() => rowFor(popup, 'What is CAR-T therapy?')).toEqual({ isNew: '2' });
    // The reader has the thread open at its top, a reply half written (kept only if the tab
    // is not loaded again).
    const page = await open(THREAD);
    await poll(() => page.ui.locator(`${bar} [data-testid=jump-new]`).isVisible()).toBe(true);
    const inView = (selector: string) =>
      page.evaluate((sel) => {
        const r = document.querySelector(sel)?.getBoundingClientRect();
        return !!r && r.top < innerHeight && r.bottom > 0;
      }, selector);
    const draft = () => page.evaluate(() => (window as unknown as { draft?: string }).draft ?? null, null);
    await page.evaluate(() => {
      (window as unknown as { draft: string }).draft = 'half a reply';
      window.scrollTo(0, 0);
    }, null);
    expect(await inView('#post_9')).toBe(false);

    await popup.reload();
    await popup.click('button[title="Open “What is CAR-T therapy?”"]');
    await poll(() => inView('#post_9')).toBe(true);
    expect(await inView('#post_1')).toBe(false);
    expect(await draft()).toBe('half a reply');
    // No second tab of the thread.
    const options = await reader.open(reader.extensionUrl('options.html'));
    const threadTabs = await options.evaluate(async (prefix) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.tabs.query({})).filter((t) => t.url?.startsWith(prefix)).length;
    }, forum.url + '/t/');
    expect(threadTabs).toBe(1);
    await Promise.all([page.close(), options.close(), popup.close().catch(() => undefined)]);
  });

  it('exports the saved threads to a file, and importing it brings them back; a broken file changes nothing', async () => {
    const options = await reader.open(reader.extensionUrl('options.html'));
    const bodyText = () => options.evaluate(() => document.body.textContent ?? '', null);
    await poll(bodyText).toMatch(/You have 1 saved thread\./);
    const exported = JSON.parse(await options.download('button', 'Export to a file')) as ExportFile;
    expect(exported).toMatchObject({ format: 'threadside-saved-threads', version: 1 });
    expect(exported.threads.map((t) => t.title)).toEqual(['What is CAR-T therapy?']);
    const dir = await mkdtemp(join(tmpdir(), 'threadside-journey-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'saved.json');
    await writeFile(file, JSON.stringify(exported));

    // Removed in the popup, then brought back from the file.
    const popup = await reader.open(reader.extensionUrl('popup.html'));
    // The rows stay where they first appear: the lines above them (the last check's
    // report) are drawn first, so nothing pushes a row down under the reader's pointer.
    const tops = await popup.evaluate(async () => {
      while (!document.querySelector('button[aria-label^="Remove"]'))
        await new Promise((r) => requestAnimationFrame(r));
      const first = document.querySelector('button[aria-label^="Remove"]')!.getBoundingClientRect().top;
      await new Promise((r) => setTimeout(r, 1000));
      return [first, document.querySelector('button[aria-label^="Remove"]')!.getBoundingClientRect().top];
    }, null);
    expect(tops[1]).toBe(tops[0]);
    await popup.click('button[aria-label="Remove “What is CAR-T therapy?”"]');
    await poll(() => rowFor(popup, 'What is CAR-T therapy?')).toBe(null);
    await poll(bodyText).toMatch(/You have 0 saved threads\./);
    await options.upload('[data-testid=import-file]', file);
    const message = () =>
      options.evaluate(() => document.querySelector('[data-testid=data-message]')?.textContent, null);
    await poll(message).toContain('1 thread added');
    await popup.reload();
    await poll(() => rowFor(popup, 'What is CAR-T therapy?')).not.toBe(null);

    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify(exported).slice(0, 60));
    await options.upload('[data-testid=import-file]', broken);
    await poll(message).toContain('Nothing was imported');
    await poll(bodyText).toMatch(/You have 1 saved thread\./);
    await Promise.all([options.close(), popup.close()]);
  });

  it('finds a Discourse topic the app draws late, and always shows the topic on screen as the reader moves around', async () => {
    // As a browser with scripts on gets Discourse: the shell first, the topic drawn later.
    forum.setBoot(1500);
    try {
      const title = (tab: ReaderTab) => tab.ui.locator(`${bar} [data-testid=thread-title]`).textContent();
      const page = await open(THREAD);
      // A mark left in the page: still there only if no step after it loaded a page.
      const markLoad = () => page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true), null);
      const sameLoad = () => page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad ?? false, null);
      await markLoad();
      await poll(() => title(page)).toBe('What is CAR-T therapy?');
      // The count the forum states (replies may have come in an earlier journey).
      const { posts_count: count } = (await (await fetch(`${forum.url}/t/1828.json`)).json()) as {
        posts_count: number;
      };
      expect(await page.ui.locator(`${bar} [data-testid=post-count]`).textContent()).toBe(`${count} posts`);
      await poll(() =>
        page.evaluate(() => document.querySelectorAll('#post_5 [data-threadside-term]').length, null),
      ).not.toBe(0);
      expect(await sameLoad()).toBe(true);

      // Home, then topic → a suggested topic → back → back, each followed inside the app.
      await page.goto(forum.url + '/latest');
      await markLoad();
      expect(await page.ui.locator(bar).count()).toBe(0);
      await page.click('a', 'What is CAR-T therapy?');
      await poll(() => title(page)).toBe('What is CAR-T therapy?');
      const next = await page.evaluate(() => document.querySelector('#suggested-topics a')?.textContent ?? '', null);
      expect(next).not.toBe('');
      await page.click('#suggested-topics a', next);
      await poll(() => title(page)).toBe(next);
      await page.evaluate(() => history.back(), null);
      await poll(() => title(page)).toBe('What is CAR-T therapy?');
      await page.evaluate(() => history.back(), null);
      // The app draws the list again a moment after the address changes.
      await poll(() => page.evaluate(() => document.querySelectorAll('#main-outlet .topic-list').length, null)).toBe(1);
      await poll(() => page.ui.locator(bar).count()).toBe(0);
      expect(await page.evaluate(() => location.pathname, null)).toBe('/latest');
      // All of it in the page first loaded: no step was a page load.
      expect(await sameLoad()).toBe(true);
      await page.close();
    } finally {
      forum.setBoot(null);
    }
  });

  it('the forum’s own script sees nothing of what the reader hovers, summarises or follows, and cannot reach the UI', async () => {
    // The forum runs a script of its own, as analytics or session replay would (page-spy.ts).
    forum.beHostile({ script: SPY });
    try {
      const page = await open(THREAD);
      const observe = () =>
        page.evaluate(
          () => JSON.stringify((window as unknown as { __spy: { observe(): unknown } }).__spy.observe()),
          null,
        );
      const settled = async () => {
        for (let last = await observe(), deadline = Date.now() + 10_000; Date.now() < deadline;) {
          await new Promise((r) => setTimeout(r, 300));
          const now = await observe();
          if (now === last) return now;
          last = now;
        }
        throw new Error('the page did not settle in 10 s');
      };
      // The thread is saved (by the journeys before; here too when this one runs alone), with
      // underlines where the reader stopped.
      const save = page.ui.locator(`${bar} [data-testid=save]`);
      await poll(() => save.isEnabled()).toBe(true);
      if ((await save.textContent()) !== 'Saved') await save.click();
      await poll(() => save.textContent()).toBe('Saved');
      await page.evaluate(() => document.querySelector('#post_5')?.scrollIntoView({ block: 'center' }), null);
      await poll(() =>
        page.evaluate(() => document.querySelectorAll('#post_5 [data-threadside-term]').length, null),
      ).not.toBe(0);
      const before = await settled();
      // Nowhere in the page (its markup, Threadside's underlines and marks included, and its
      // timeline of loads) is the extension's address: in Firefox, the random address of
      // each install is all that keeps Threadside's glossary files from a page that would
      // load them to learn it is there (a page that knows it can; Chromium refuses even then).
      expect(
        await page.evaluate(
          () =>
            [document.documentElement.outerHTML, ...performance.getEntries().map((e) => e.name)].filter((s) =>
              /-extension:/.test(s),
            ).length,
          null,
        ),
      ).toBe(0);

      await page.hover(`#post_5 .cooked ${TERM}`, 'DLBC');
      await poll(() => page.ui.locator(tooltip).isVisible()).toBe(true);
      expect(await observe()).toBe(before);
      await page.ui.locator(`${bar} [data-testid=summary]`).click();
      const panel = page.ui.locator('threadside-summary [data-testid=summary-panel]');
      await poll(() => panel.locator('[data-testid=summary-status]').textContent()).toMatch(/read on this computer/);
      expect(await observe()).toBe(before);
      await page.ui.locator('threadside-summary .ts-panel-head button').focus();
      await page.press('Escape');
      await poll(() => panel.isVisible()).toBe(false);
      await panelClosedForGood();

      const spied = await page.evaluate(spyRecordInPage, null);
      expect(spied.events).toEqual([]);
      expect(spied.messages.filter((m) => /-extension:|wxt/.test(m))).toEqual([]);
      // Its attack: reading Threadside's shadow roots, clicking and pressing Enter on them.
      await page.evaluate(() => (window as unknown as { __spy: { attack(): void } }).__spy.attack(), null);
      expect((await page.evaluate(spyRecordInPage, null)).reached).toEqual([]);
      expect(await panel.isVisible()).toBe(false);
      await page.close();
    } finally {
      forum.beHostile({});
    }
  });

  it('logged no error from Threadside on the way', () => {
    expect(reader.threadsideErrors()).toEqual([]);
  });
});
