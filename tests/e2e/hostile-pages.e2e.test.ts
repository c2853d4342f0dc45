import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { closeSummary } from './summary-panel';
import { startForum, type ForumLab } from '../forum-lab/server';
import { PRIVATE_TOPIC_ID, PRIVATE_WORDS } from '../forum-lab/store';
import { GLOSSARY_FILES } from '../../utils/glossary/files';
import { SPY, spyRecordInPage } from './page-spy';

// Attacks by the sites Threadside runs on, each run for real against the built extension.
// `env.forum` is the reader's own forum, where they are signed in and have a private
// message; `hostile` is a second forum (another origin, also a known forum in the demo build)
// run by an attacker.
const env = useForumAndBrowser();
let hostile: ForumLab;

const signIn = (b: ExtensionBrowser) =>
  b.context.addCookies([{ name: '_t', value: 'reader-session', url: env.forum.url }]);

beforeAll(async () => {
  hostile = await startForum({ port: 0 });
  await signIn(env.browser);
});
afterEach(() => {
  hostile.reset();
  env.forum.reset();
});
afterAll(() => hostile?.close());

const savedThread = (b: ExtensionBrowser, origin: string, threadId: string) =>
  b.serviceWorker.evaluate(
    ([o, id]) =>
      new Promise<{ url: string } | undefined>((resolve) => {
        const open = indexedDB.open('threadside');
        open.onsuccess = () => {
          const req = open.result.transaction('threads').objectStore('threads').get([o, id]);
          req.onsuccess = () => resolve(req.result as { url: string } | undefined);
        };
      }),
    [origin, threadId],
  );

describe('a forum page cannot reach the reader’s other forums through Threadside', () => {
  it('a redirect to another forum’s private message is not followed: that forum is not even asked', async () => {
    const page = await env.browser.context.newPage();
    // The reader really can read that message on their own forum.
    await page.goto(`${env.forum.url}/t/results-from-tuesday/${PRIVATE_TOPIC_ID}`);
    expect(await page.locator('#main-outlet').textContent()).toContain(PRIVATE_WORDS);

    hostile.beHostile({ jsonRedirect: `${env.forum.url}/t/${PRIVATE_TOPIC_ID}.json` });
    await page.goto(`${hostile.url}/t/what-is-car-t-therapy/1828`);
    env.forum.clearRequests();
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    await poll(() => panel.locator('[data-testid=summary-status]').textContent()).toMatch(
      /could not read the whole thread: .* sent Threadside to another address/,
    );
    expect(await panel.textContent()).not.toContain(PRIVATE_WORDS);
    // Asked, the reader's forum would have answered with their cookies (a sign-in provider,
    // with who they are): the hop itself is the harm.
    expect(env.forum.requests()).toEqual([]);
    await closeSummary(env.browser, page);

    // A saved thread's checks: the same.
    const save = inPage(page).locator('threadside-bar [data-testid=save]');
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    const popup = await env.browser.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    hostile.clearRequests();
    await popup.getByRole('button', { name: 'Check now' }).click();
    await poll(() => popup.locator('.check-status').textContent()).toMatch(/^Not checked/);
    expect(await popup.locator('main').textContent()).toMatch(/sent Threadside to another address/);
    expect(hostile.requests().map((r) => r.path)).toContain('/t/1828.json');
    expect(env.forum.requests()).toEqual([]);
    // The failed check holds that forum's requests for a while: the tests after this one
    // start from a forum Threadside never asked.
    await popup.evaluate(
      (origin) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('threadside');
          open.onsuccess = () => {
            const tx = open.result.transaction('forums', 'readwrite');
            tx.objectStore('forums').delete(origin);
            tx.oncomplete = () => resolve(null);
            tx.onerror = () => reject(new Error(String(tx.error)));
          };
        }),
      hostile.url,
    );
    await save.click();
    await poll(() => save.textContent()).toBe('Save');
    await Promise.all([page.close(), popup.close()]);
  });

  it('a link post or canonical link cannot point a saved thread, or its checks, at another site', async () => {
    const thread = '/old/r/lymphoma/comments/1abc2de/just_diagnosed_with_follicular_lymphoma/';
    // An old-Reddit link post: data-url is where the post links to, here a "miracle cure".
    hostile.beHostile({ rewrite: [[/data-url="[^"]*"/, `data-url="${env.forum.url}/miracle-cure"`]] });
    const page = await env.browser.context.newPage();
    await page.goto(hostile.url + thread);
    const save = inPage(page).locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    expect((await savedThread(env.browser, hostile.url, '1abc2de'))?.url).toBe(hostile.url + thread);

    env.forum.clearRequests();
    const popup = await env.browser.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Check now' }).click();
    await poll(() => popup.locator('.check-status').textContent()).toMatch(/^Checked/);
    expect(env.forum.requests().filter((r) => r.path.includes('miracle-cure'))).toEqual([]);
    await save.click();
    await poll(() => save.textContent()).toBe('Save');
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('summaries are made only where the reader asks for them', () => {
  it('a panel left open on one forum reads nothing on another', async () => {
    const THREAD = '/t/what-is-car-t-therapy/1828';
    const panel = (p: Page) => inPage(p).locator('threadside-summary [data-testid=summary-panel]');
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + THREAD);
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    await poll(() => panel(page).locator('[data-testid=summary-status]').textContent()).toMatch(
      /read on this computer/,
    );

    hostile.clearRequests();
    const elsewhere = await env.browser.context.newPage();
    await elsewhere.goto(hostile.url + THREAD);
    await inPage(elsewhere).locator('threadside-bar [data-testid=thread-title]').waitFor();
    // On the forum where it was left open it opens again by itself: by then it would have here too.
    const again = await env.browser.context.newPage();
    await again.goto(env.forum.url + THREAD);
    await poll(() => panel(again).isVisible()).toBe(true);
    expect(await panel(elsewhere).isVisible()).toBe(false);
    expect(hostile.requests().filter((r) => r.path.endsWith('.json'))).toEqual([]);

    // Closed once it has drawn its summary, as a reader sees it: a panel still filling can
    // move its close button between the test's finding it and its click (seen once in CI).
    await poll(() => panel(again).locator('[data-testid=summary-status]').textContent()).toMatch(
      /read on this computer/,
    );
    await closeSummary(env.browser, again);
    await Promise.all([page.close(), elsewhere.close(), again.close()]);
  });
});

describe('a forum cannot make Threadside work without end', () => {
  it('a topic claiming 200,000 posts is summarised from 3,000 of them, in at most 151 requests', async () => {
    hostile.beHostile({ streamLength: 200_000 });
    const page = await env.browser.context.newPage();
    await page.goto(`${hostile.url}/t/what-is-car-t-therapy/1828`);
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const status = inPage(page).locator('threadside-summary [data-testid=summary-status]');
    await expect
      .poll(() => status.textContent(), { timeout: 60_000 })
      .toBe('3,000 posts of 200,000 read on this computer: the first 1,000 and the latest.');
    expect(hostile.requests().filter((r) => r.path.endsWith('.json')).length).toBeLessThanOrEqual(151);
    await closeSummary(env.browser, page);
    await page.close();
  }, 90_000);
});

describe('only Threadside itself, from the right place, is answered', () => {
  it('a page cannot message the background, and Threadside in a page cannot ask for another forum or the popup’s work', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${hostile.url}/t/what-is-car-t-therapy/1828`);
    await inPage(page).locator('threadside-bar [data-testid=thread-title]').waitFor();
    // The page's own world has no way to reach the extension at all.
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime)).toBe(
      'undefined',
    );
    // Threadside's own world, as if its script were turned against the reader: a message
    // naming another forum is answered for the page's forum; the popup's work is refused.
    hostile.clearRequests();
    env.forum.clearRequests();
    await inPage(page).evaluate(
      `chrome.runtime.sendMessage({ threadside: 'threadPosts', data: { threadId: '${PRIVATE_TOPIC_ID}', origin: '${env.forum.url}' } })`,
    );
    expect(env.forum.requests()).toEqual([]);
    expect(hostile.requests().map((r) => r.path)).toContain(`/t/${PRIVATE_TOPIC_ID}.json`);
    // No check runs: no answer with a check's figures comes back.
    expect(await inPage(page).evaluate(`chrome.runtime.sendMessage({ threadside: 'checkNow' })`)).toBeFalsy();
    await page.close();
  });

  it('a page that knows the extension’s id cannot load the files Threadside reads in pages', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${hostile.url}/t/what-is-car-t-therapy/1828`);
    // Threadside in this page has read them: its underlines are there.
    await page.locator('#post_5').scrollIntoViewIfNeeded();
    await poll(() => page.locator('[data-threadside-term]').count()).toBeGreaterThan(0);
    const files = Object.values(GLOSSARY_FILES);
    const load = (urls: string[]) =>
      Promise.all(
        urls.map((u) =>
          fetch(u).then(
            (r) => r.status,
            () => 'refused',
          ),
        ),
      );
    const urls = files.map((f) => `chrome-extension://${env.browser.extensionId}/${f}`);
    // Loaded by the page's own script, as a fingerprinting script would try.
    expect(await page.evaluate(load, urls)).toEqual(files.map(() => 'refused'));
    // The same addresses from the extension itself: the files are there.
    expect(await env.browser.serviceWorker.evaluate(load, urls)).toEqual(files.map(() => 200));
    // And no other file of the extension is open to pages (its styles are built into its script).
    const open = await env.browser.serviceWorker.evaluate(() =>
      (chrome.runtime.getManifest().web_accessible_resources ?? []).flatMap((w) =>
        typeof w === 'string' ? [w] : w.resources,
      ),
    );
    expect([...open].sort()).toEqual([...files].sort());
    await page.close();
  });
});

describe('a page cannot stand in for the parts Threadside injects into its own world', () => {
  it('elements named like them (which the content script can see as globals) do not stop the bar, the glossary or the summary', async () => {
    // A page's elements with an id or a name show as globals in the content script's world
    // too: these would pass for the engines' readers, the glossary and the summary panel.
    const decoys =
      '<form id="__threadsideForumReaders"><input name="phpbb"></form>' +
      '<div id="__threadsideGlossary"></div><div id="__threadsideSummaryPanel"></div>';
    hostile.beHostile({ rewrite: [['</body>', `${decoys}</body>`]] });
    const page = await env.browser.context.newPage();
    await page.goto(hostile.url + '/phpbb/viewtopic.php?f=2&t=314');
    await poll(() => inPage(page).locator('threadside-bar [data-testid=thread-title]').textContent()).toBe(
      'Just started R-CHOP - what helped you?',
    );
    await page.locator('[data-threadside-term]').first().waitFor({ timeout: 10_000 });
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const panel = inPage(page).locator('threadside-summary [data-testid=summary-panel]');
    await poll(() => panel.isVisible()).toBe(true);
    await closeSummary(env.browser, page);
    await page.close();
  });
});

describe('an imported file cannot smuggle in addresses or numbers', () => {
  it('refuses this computer, a private network, a visit in 2058 and ten million posts, importing nothing', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const count = () => options.getByText(/You have \d+ saved threads?\./).textContent();
    const before = await (async () => {
      await poll(count).toMatch(/You have/);
      return count();
    })();
    const good = {
      origin: 'https://forum.bloodcancer.org.uk',
      threadId: '1828',
      url: 'https://forum.bloodcancer.org.uk/t/what-is-car-t-therapy/1828',
      title: 'What is CAR-T therapy?',
      engine: 'discourse',
      savedAt: Date.parse('2026-10-01'),
      lastVisitedAt: null,
      lastReadPostNumber: 0,
      postCount: 8,
      highestPostNumber: 8,
      lastActivityAt: null,
      note: '',
    };
    for (const bad of [
      { origin: 'http://localhost:8080', url: 'http://localhost:8080/t/x/1828' },
      { origin: 'http://192.168.1.20', url: 'http://192.168.1.20/t/x/1828' },
      { lastVisitedAt: Date.parse('2058-01-01') },
      { highestPostNumber: 10_000_000 },
    ]) {
      const file = {
        name: 'threads.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            format: 'threadside-saved-threads',
            version: 1,
            exportedAt: '2026-12-01T00:00:00Z',
            threads: [{ ...good, ...bad }],
          }),
        ),
      };
      await options.getByTestId('import-file').setInputFiles(file);
      await poll(() => options.getByTestId('data-message').textContent()).toMatch(/Nothing was imported/);
      expect(await count()).toBe(before);
      await options.getByTestId('import-file').setInputFiles([]);
    }
    await options.close();
  });
});

describe('a poster cannot pass their contacts off as support', () => {
  it('a spam reply’s number is not among the helplines; its link stands apart, address shown', async () => {
    env.forum.addReply(1828, {
      username: 'HealthyHope22',
      text: 'Miracle cure for lymphoma, no chemo needed! Call 07700 900123 today or order at https://miracle-herbs.example/order',
    });
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + '/t/what-is-car-t-therapy/1828');
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const support = inPage(page).locator('threadside-summary details[data-section=support]');
    await poll(() => support.textContent()).toContain('Blood Cancer UK: 0808 2080 888');
    expect(await support.locator('ul').first().textContent()).not.toMatch(/07700|miracle/);
    expect(await support.textContent()).not.toContain('07700 900123');
    expect(await support.locator('[data-testid=member-links]').textContent()).toContain(
      'https://miracle-herbs.example/order',
    );
    await closeSummary(env.browser, page);
    await page.close();
  });
});

const spyOn = (page: Page) => page.evaluate(spyRecordInPage);
const observe = (page: Page) =>
  page.evaluate(() => (window as unknown as { __spy: { observe(): unknown } }).__spy.observe());

describe('a forum page learns nothing of what the reader follows, reads or hovers', () => {
  const THREAD = '/t/what-is-car-t-therapy/1828';
  const replies = (forum: ForumLab) => {
    forum.addReply(1828, { username: 'Sara', text: 'My PET scan was clear! Starting CAR-T next month.' });
    forum.addReply(1828, { username: 'Fozzie', text: 'Wonderful news Sara, good luck with the DLBCL.' });
  };

  /** What the page sees once Threadside has settled: the same twice, a moment apart. */
  const stable = async (page: Page) => {
    for (const deadline = Date.now() + 10_000; ;) {
      const first = JSON.stringify(await observe(page));
      await page.waitForTimeout(300);
      if (JSON.stringify(await observe(page)) === first || Date.now() > deadline) return;
    }
  };
  /** Settled with post 5 on screen: underlines come where the reader stops, so both readers stop there. */
  const settled = async (page: Page) => {
    await inPage(page).locator('threadside-bar [data-testid=thread-title]').waitFor();
    await page.locator('#post_5').scrollIntoViewIfNeeded();
    await poll(() => page.locator('[data-threadside-term]').count()).toBeGreaterThan(10);
    await stable(page);
  };

  /**
   * The page rewrites its address to a topic the reader may follow (a single-page forum's
   * navigation, which Threadside follows), to see whether Threadside treats it as saved.
   */
  const probeByPushState = async (b: ExtensionBrowser) => {
    const page = await b.context.newPage();
    await page.goto(env.forum.url + '/t/fatigue-months-after-chemo/1955');
    await inPage(page).locator('threadside-bar [data-testid=thread-title]').waitFor();
    await stable(page);
    await page.evaluate(() => {
      history.pushState({}, '', '/t/what-is-car-t-therapy/1828');
      for (const el of document.querySelectorAll('[data-topic-id]')) el.setAttribute('data-topic-id', '1828');
    });
    await stable(page);
    const seen = await observe(page);
    await page.close();
    return seen;
  };

  it('whether the thread is saved, has new replies, was hovered or summarised', async () => {
    env.forum.beHostile({ script: SPY });

    // A reader who follows the thread: saved before two replies came.
    const page = await env.browser.context.newPage();
    await page.goto(env.forum.url + THREAD);
    const save = inPage(page).locator('threadside-bar [data-testid=save]');
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => save.textContent()).toBe('Saved');
    replies(env.forum);
    await page.reload();
    await settled(page);
    await poll(() => inPage(page).locator('threadside-bar [data-testid=jump-new]').textContent()).toBe(
      'Jump to first new reply (2)',
    );
    const following = await observe(page);

    // Hovering a term, opening the summary: the page sees no change at all.
    await page.locator('#post_5 [data-threadside-term]', { hasText: 'DLBC' }).hover();
    await inPage(page).locator('threadside-tooltip .ts-tooltip').waitFor();
    expect(await observe(page)).toEqual(following);
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    await poll(() => inPage(page).locator('threadside-summary [data-testid=summary-status]').textContent()).toBe(
      '10 posts read on this computer.',
    );
    await page.mouse.move(5, 5);
    expect(await observe(page)).toEqual(following);
    await closeSummary(env.browser, page);
    const spied = await spyOn(page);
    const probed = await probeByPushState(env.browser);

    // Someone who never saved it, in a fresh browser, sees the very same page.
    const other = await launchWithExtension();
    try {
      const fresh = await other.context.newPage();
      await fresh.goto(env.forum.url + THREAD);
      await settled(fresh);
      expect(await observe(fresh)).toEqual(following);
      expect(await probeByPushState(other)).toEqual(probed);

      // The page's script can neither read Threadside's UI nor drive it.
      await fresh.evaluate(() => (window as unknown as { __spy: { attack(): void } }).__spy.attack());
      expect((await spyOn(fresh)).reached).toEqual([]);
      expect(await inPage(fresh).locator('threadside-summary [data-testid=summary-panel]').isVisible()).toBe(false);
    } finally {
      await other.close();
    }

    // Nothing the reader did in Threadside's UI reached the page, nor the extension's id.
    expect(spied.events).toEqual([]);
    expect(spied.messages.filter((m) => m.includes(env.browser.extensionId) || m.includes('wxt'))).toEqual([]);
    expect(spied.reached).toEqual([]);
    await save.click();
    await poll(() => save.textContent()).toBe('Save');
    await page.close();
  });
});
