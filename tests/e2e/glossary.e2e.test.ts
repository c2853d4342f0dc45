import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { poll, useForumAndBrowser } from './harness';
import { inPage } from './in-page-ui';
import { closeSummary } from './summary-panel';

let page: Page;

const TERM = '[data-threadside-term]';
const tooltip = 'threadside-tooltip';

const env = useForumAndBrowser();

beforeAll(async () => {
  page = await env.browser.context.newPage();
  await page.goto(`${env.forum.url}/t/what-is-car-t-therapy/1828`);
  await page.locator(TERM).first().waitFor({ timeout: 15_000 });
});

/** The marked words inside one post's text. */
const marked = (post: number) =>
  page.locator(`#post_${post} .cooked ${TERM}`).evaluateAll((els) => els.map((e) => e.textContent));

describe('glossary on the CAR-T thread', () => {
  it('explains the terms readers meet, typed the way they typed them', async () => {
    await poll(() => marked(5)).toEqual(expect.arrayContaining(['refractory', 'DLBC', 'PET scan', 'CAR-T therapy']));
    // Mark's typo for CAR-T is explained too.
    expect(await marked(4)).toContain('CAT-T');
    const fozzie = await marked(2);
    expect(fozzie).toEqual(expect.arrayContaining(['SCT', 'R-Chop', 'CAR-T therapy']));
    expect(fozzie.some((t) => t?.includes('Aplastic Anaemia'))).toBe(true);
  });

  it('leaves ordinary English alone', async () => {
    const first = await marked(1);
    expect(first).not.toContain('all');
    const text = await page.locator('#post_1 .cooked').textContent();
    expect(text).toContain('all other treatments have failed');
    expect(await page.locator(`#post_1 .cooked ${TERM}:text-is("all")`).count()).toBe(0);
  });

  it('shows the definition on hover and hides it with Escape', async () => {
    const dlbc = page.locator(`#post_5 .cooked ${TERM}`, { hasText: 'DLBC' });
    // Described by the tooltip before, during and after: the page cannot tell what was hovered.
    expect(await dlbc.getAttribute('aria-describedby')).toBe('threadside-tooltip');
    await dlbc.hover();
    const tip = inPage(page).locator(`${tooltip} .ts-tooltip`);
    await poll(() => tip.isVisible()).toBe(true);
    await expect.poll(() => tip.locator('.ts-term').textContent()).toBe('diffuse large B-cell lymphoma');
    expect(await tip.locator('.ts-note').textContent()).toContain('not medical advice');
    expect(await page.locator(tooltip).getAttribute('role')).toBe('tooltip');
    // Beside the word, not somewhere else on the page: once it has its words, the box is
    // placed again in the next frame (its size changed), so looked at until then.
    const word = (await dlbc.boundingBox())!;
    await poll(async () => {
      const box = (await tip.boundingBox())!;
      return {
        above: Math.abs(box.y + box.height - word.y) < 40,
        over: box.x < word.x + word.width && box.x + box.width > word.x,
      };
    }).toEqual({ above: true, over: true });
    await page.keyboard.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);
    expect(await dlbc.getAttribute('aria-describedby')).toBe('threadside-tooltip');
  });

  it('shows the definition on keyboard focus, with a link to learn more', async () => {
    const sct = page.locator(`#post_2 .cooked ${TERM}`, { hasText: 'SCT' });
    await sct.focus();
    const tip = inPage(page).locator(`${tooltip} .ts-tooltip`);
    await poll(() => tip.locator('.ts-term').textContent()).toBe('stem cell transplant');
    const href = await tip.locator('a.ts-learn-more').getAttribute('href');
    expect(href).toMatch(/^https:\/\/www\.nhs\.uk\//);
    await page.keyboard.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);
  });

  it('never marks the reply editor, and in the bar only the terms of the thread’s title', async () => {
    expect(await page.locator(`#reply-control ${TERM}`).count()).toBe(0);
    const title = inPage(page).locator('threadside-bar [data-testid=thread-title]');
    await poll(() => title.locator(TERM).textContent()).toBe('CAR-T therapy');
    expect(await inPage(page).locator(`threadside-bar ${TERM}`).count()).toBe(1);
    expect(await title.textContent()).toBe('What is CAR-T therapy?');
  });

  it('a screen reader hears the explanation as the description of a focused term, in a post, the bar’s title and the summary’s list', async () => {
    /** What the browser's accessibility tree gives a screen reader for the focused element. */
    const focused = async () => {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        // The page itself counts as focused too: the element is the one inside it.
        const node = nodes.find(
          (n) =>
            n.role?.value !== 'RootWebArea' &&
            n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
        );
        return node ? `${String(node.name?.value)}: ${String(node.description?.value ?? '')}` : null;
      } finally {
        await cdp.detach();
      }
    };
    const inPost = page.locator(`#post_5 .cooked ${TERM}`, { hasText: 'DLBC' });
    await inPost.scrollIntoViewIfNeeded();
    await inPost.focus();
    await poll(focused).toMatch(/^DLBC: .*lymphoma/i);
    await page.keyboard.press('Escape');
    await inPage(page).locator(`threadside-bar [data-testid=thread-title] ${TERM}`).focus();
    await poll(focused).toMatch(/^CAR-T therapy: .*CAR-T/);
    await page.keyboard.press('Escape');
    // And in the summary's list of terms the thread mentions.
    await inPage(page).locator('threadside-bar [data-testid=summary]').click();
    const mentioned = inPage(page).locator('threadside-summary details[data-section=mentioned]');
    await mentioned.waitFor();
    if ((await mentioned.getAttribute('open')) === null) await mentioned.locator('summary').click();
    const listed = mentioned.locator('.ts-term-link').first();
    const name = (await listed.textContent())!;
    const described = new RegExp(`^${name.replace(/[^\w ]/g, '.')}: .{20,}`);
    await listed.focus();
    await poll(focused).toMatch(described);
    // Straight from the bar's term to the list's: the bar's tooltip closing as its term lost
    // focus does not take the list term's explanation with it.
    await inPage(page).locator(`threadside-bar [data-testid=thread-title] ${TERM}`).focus();
    await listed.focus();
    await page.waitForTimeout(600);
    expect(await focused()).toMatch(described);
    await page.keyboard.press('Escape');
    await closeSummary(env.browser, page);
  });

  it('turning the glossary off restores the page exactly, and back on marks it again', async () => {
    const html = () => page.locator('.post-stream').evaluate((el) => el.innerHTML);
    const perPost = () => page.locator('.post-stream .cooked').evaluateAll((els) => els.map((el) => el.innerHTML));
    const annotated = await perPost();
    await env.browser.serviceWorker.evaluate(() => chrome.storage.local.set({ glossaryMode: 'off' }));
    await poll(() => page.locator(TERM).count()).toBe(0);
    const plain = await html();
    // The forum's own markup, as served: no trace of Threadside left.
    expect(plain).not.toContain('data-threadside');
    await env.browser.serviceWorker.evaluate(() => chrome.storage.local.set({ glossaryMode: 'first' }));
    // Back on, the posts where the reader is are underlined as they were.
    await poll(async () => (await perPost()).filter((h) => h.includes('data-threadside-term')).length).toBeGreaterThan(
      0,
    );
    await page.waitForTimeout(500);
    const again = await perPost();
    again.forEach((h, i) => {
      if (h.includes('data-threadside-term')) expect(h).toBe(annotated[i]);
    });
  });

  it('gives each post one Tab stop for its terms; the arrow keys, Home and End move between them', async () => {
    const terms = page.locator(`#post_2 .cooked ${TERM}`);
    await terms.first().scrollIntoViewIfNeeded();
    await poll(() => terms.count()).toBeGreaterThan(3);
    // Read at once, and again until underlining (in slices) has settled: one Tab stop per post with terms.
    const tabStops = () =>
      page.locator('.post-stream .cooked').evaluateAll((els, sel) => {
        const withTerms = els.filter((el) => el.querySelector(sel));
        return {
          posts: withTerms.length,
          stops: withTerms.map((el) => el.querySelectorAll(`${sel}[tabindex="0"]`).length),
        };
      }, TERM);
    await poll(async () => {
      const { posts, stops } = await tabStops();
      return posts > 0 && stops.every((n) => n === 1);
    }).toBe(true);

    const focused = () =>
      page.evaluate(() => ({
        text: document.activeElement?.textContent,
        inPost2: !!document.activeElement?.closest('#post_2 .cooked'),
      }));
    const texts = await terms.allTextContents();
    await terms.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toEqual({ text: texts[1], inPost2: true });
    const tip = inPage(page).locator(`${tooltip} .ts-tooltip`);
    await poll(() => tip.isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect((await focused()).text).toBe(texts.at(-1));
    await page.keyboard.press('Home');
    expect((await focused()).text).toBe(texts[0]);
    // Tab leaves the post's terms; Shift+Tab comes back to the one last focused.
    await page.keyboard.press('Tab');
    expect((await focused()).inPost2).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ text: texts[0], inPost2: true });
    await page.keyboard.press('Escape');
  });
});
