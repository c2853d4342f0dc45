import { describe, expect, it } from 'vitest';
import { useForumAndFirefox } from './firefox-env';
import { poll } from './harness';

/**
 * A reader with scripts turned off in Firefox (`javascript.enabled` false, as a script
 * blocker or a cautious reader has it). Discourse then gives its posts only inside
 * `<noscript>`, which a browser without scripts parses as the page's own markup. Chromium
 * takes the same page in discourse-boot.e2e.test.ts; Firefox runs an add-on's content
 * scripts on such a page in its own way, so it is taken here too.
 */
const CAR_T = '/t/what-is-car-t-therapy/1828';

describe('a reader in firefox with scripts off', () => {
  const env = useForumAndFirefox({ prefs: { 'javascript.enabled': false } });

  it('gets the bar, the count, underlines and a summary from the posts inside <noscript>', async () => {
    const { forum, reader } = env;
    // The forum would draw the topic after 1.5 s, had its scripts run.
    forum.setBoot(1500);
    const page = await reader.open(forum.url + CAR_T);
    // Scripts are off: the crawler posts inside <noscript> are elements, not text.
    expect(await page.evaluate(() => document.querySelectorAll('noscript div.crawler-post').length, null)).not.toBe(0);
    await poll(() => page.ui.locator('threadside-bar [data-testid=thread-title]').textContent()).toBe(
      'What is CAR-T therapy?',
    );
    expect(await page.ui.locator('threadside-bar [data-testid=post-count]').textContent()).toBe('8 posts');
    await poll(() =>
      page.evaluate(() => document.querySelectorAll('div.crawler-post [data-threadside-term]').length, null),
    ).not.toBe(0);
    await page.ui.locator('threadside-bar [data-testid=summary]').click();
    await poll(() => page.ui.locator('threadside-summary [data-testid=summary-status]').textContent()).toBe(
      '8 posts read on this computer.',
    );
    await page.close();
  }, 60_000);

  it('logged no error from Threadside on the way', () => {
    expect(env.reader.threadsideErrors()).toEqual([]);
  });
});
