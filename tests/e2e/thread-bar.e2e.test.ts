import { describe, expect, it } from 'vitest';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';

const env = useForumAndBrowser();
const bar = 'threadside-bar';

describe('Threadside bar on the demo forum', () => {
  it('shows the CAR-T thread title and its post count in the app view', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.forum.url}/t/what-is-car-t-therapy/1828`);
    await poll(() => inPage(page).locator(`${bar} [data-testid=thread-title]`).textContent()).toBe(
      'What is CAR-T therapy?',
    );
    expect(await inPage(page).locator(`${bar} [data-testid=post-count]`).textContent()).toBe('8 posts');
    await page.close();
  });

  it('works on the no-JavaScript crawler view too', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.forum.url}/t/what-is-car-t-therapy/1828?view=crawler`);
    await poll(() => inPage(page).locator(`${bar} [data-testid=post-count]`).textContent()).toBe('8 posts');
    await page.close();
  });

  it('stays away from pages that are not threads, and appears once the reader opens one', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.forum.url}/latest`);
    await page.waitForLoadState('load');
    // Give the content script time to have run and decided.
    await page.waitForTimeout(1500);
    expect(await inPage(page).locator(bar).count()).toBe(0);

    await page.goto(`${env.forum.url}/t/what-is-car-t-therapy/1828`);
    await poll(() => inPage(page).locator(`${bar} [data-testid=thread-title]`).count()).toBe(1);
    await page.close();
  });

  it('picks up posts the forum adds to the page later', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.forum.url}/t/long-running-support-thread/2000`);
    const count = inPage(page).locator(`${bar} [data-testid=post-count]`);
    await poll(() => count.textContent()).toBe('1,000 posts');
    // The forum holds only the posts near the screen (it cloaks the others); the bar says so.
    const held = async () =>
      `${await page.evaluate(() => document.querySelectorAll('div.topic-post').length)} of 1,000 posts loaded on this page`;
    await poll(async () => (await count.getAttribute('title')) === (await held())).toBe(true);

    // Reading on, the forum loads the next chunks; Threadside reads them (post 41 carries its
    // mark) and the bar follows. Scrolled on until post 41 is drawn, then kept in view.
    await poll(async () => {
      await page.evaluate(() => {
        const post = document.querySelector('div.topic-post[data-post-number="41"]');
        if (post) post.scrollIntoView({ block: 'center' });
        else window.scrollBy(0, 600);
      });
      const read = await page.locator('div.topic-post[data-post-number="41"] threadside-mark').count();
      return read > 0 && (await count.getAttribute('title')) === (await held());
    }).toBe(true);
    expect(await page.locator('div.topic-post[data-post-number="1"]').count()).toBe(0);
    await page.close();
  });

  it('counts a reply that arrives while the thread is open', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.forum.url}/t/what-is-car-t-therapy/1828`);
    const count = inPage(page).locator(`${bar} [data-testid=post-count]`);
    await poll(() => count.textContent()).toBe('8 posts');

    // Discourse appends live replies to the stream; do what its message bus would do.
    await page.evaluate(() => {
      const stream = document.querySelector('.post-stream')!;
      const last = stream.querySelector('div.topic-post[data-post-number="8"]')!;
      const reply = last.cloneNode(true) as HTMLElement;
      reply.setAttribute('data-post-number', '9');
      const article = reply.querySelector('article')!;
      article.id = 'post_9';
      article.setAttribute('data-post-id', '999999');
      reply.querySelector('.cooked')!.textContent = 'Thank you all, this helps.';
      last.after(reply);
    });
    await poll(() => count.textContent()).toBe('9 posts');
    await page.close();
  });
});
