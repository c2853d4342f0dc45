import { rm } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { OpenPopup } from './desktop';
import {
  answerPrompt,
  launchOnDisplay,
  openPopupWithShortcut,
  popupAgain,
  useDesktop,
  type DesktopBrowser,
} from './desktop-harness';
import { poll } from './harness';
import { inPage } from './in-page-ui';

// The demo forum also answers on "localhost", which is not a known forum: a site the reader
// has to enable. These tests drive the browser's own prompt, so they run Chromium with a
// window, on a private virtual display.
const THREAD = '/phpbb/viewtopic.php?f=2&t=314';
const TITLE = 'Just started R-CHOP - what helped you?';

const desk = useDesktop();
let site: string;
let host: string;
beforeAll(() => {
  host = `localhost:${new URL(desk.forum.url).port}`;
  site = `http://${host}`;
});

const launch = (userDataDir?: string) => launchOnDisplay(desk.display, userDataDir);
const openPopup = (b: DesktopBrowser, page: Page) => openPopupWithShortcut(desk.display, b, page);

/**
 * Clicks a popup button that asks the browser, answers the browser's own prompt, and gives
 * back the popup as the reader then sees it: the prompt takes the focus, which closes the
 * popup in Chromium, so the reader opens it again.
 */
async function answerFromPopup(
  b: DesktopBrowser,
  page: Page,
  popup: OpenPopup,
  button: string,
  answer: 'allow' | 'deny',
) {
  await popup.clickButton(button);
  await answerPrompt(desk.display, { shown: async () => !(await popup.hasFocus()), behind: page }, answer);
  return popupAgain(desk.display, b, page, popup);
}

const popupStatus = (popup: OpenPopup) =>
  popup.evaluate<string>(`document.querySelector('.site-access [role=status]')?.textContent ?? ''`);
const bars = (page: Page) => inPage(page).locator('threadside-bar').count();
const terms = (page: Page) => page.locator('[data-threadside-term]').count();

/**
 * Every glossary setting changed after "Disable" leaves the disabled page as the forum made
 * it. A thread on the known demo forum, where Threadside still runs, shows each change has
 * reached the pages before the disabled one is looked at.
 */
async function settingsChangeNothingOn(b: DesktopBrowser, disabled: Page) {
  const control = await b.context.newPage();
  await control.goto(desk.forum.url + '/t/what-is-car-t-therapy/1828');
  await poll(() => terms(control)).toBeGreaterThan(0);
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  const untouched = async () => {
    expect(await bars(disabled)).toBe(0);
    expect(await terms(disabled)).toBe(0);
  };

  for (const [choice, shown] of [
    ['Off', false],
    ['Every time a term appears', true],
    ['The first time each term appears in a post', true],
  ] as const) {
    await options.getByRole('radio', { name: choice }).check();
    if (shown) await poll(() => terms(control)).toBeGreaterThan(0);
    else await poll(() => terms(control)).toBe(0);
    await untouched();
  }

  const controlHost = new URL(desk.forum.url).host;
  for (const h of [host, controlHost]) {
    await options.getByRole('textbox', { name: 'Site', exact: true }).fill(h);
    await options.getByRole('button', { name: 'Add a choice for this site' }).click();
    await poll(() => options.getByRole('combobox', { name: `Underline terms on ${h}` }).inputValue()).toBe('off');
  }
  await poll(() => terms(control)).toBe(0);
  await untouched();
  for (const h of [host, controlHost])
    await options.getByRole('combobox', { name: `Underline terms on ${h}` }).selectOption('every');
  await poll(() => terms(control)).toBeGreaterThan(0);
  await untouched();
  await options.close();
  await control.close();
}

describe('enabling Threadside on a new site', () => {
  it('runs there once the reader allows it in the browser prompt, and again after a restart', async () => {
    let b = await launch();
    const profile = b.userDataDir;
    try {
      const page = await b.context.newPage();
      await page.goto(site + THREAD);
      await page.waitForLoadState('load');
      await page.waitForTimeout(1000);
      expect(await bars(page), 'nothing runs before the reader agrees').toBe(0);

      const popup = await answerFromPopup(b, page, await openPopup(b, page), `Enable Threadside on ${host}`, 'allow');
      await poll(() => popupStatus(popup)).toBe(`Threadside is on for ${host}.`);
      expect(await popup.evaluate<string>(`document.querySelector('.site-access button').textContent`)).toBe(
        `Disable Threadside on ${host}`,
      );

      // On the open page at once, without a reload, and only once.
      await poll(() => inPage(page).locator('threadside-bar [data-testid=thread-title]').textContent()).toBe(TITLE);
      await poll(() => terms(page)).toBeGreaterThan(0);
      await page.waitForTimeout(1000);
      expect(await bars(page)).toBe(1);

      await b.close();
      b = await launch(profile);
      const again = await b.context.newPage();
      await again.goto(site + THREAD);
      await poll(() => inPage(again).locator('threadside-bar [data-testid=thread-title]').textContent()).toBe(TITLE);
      const term = again.locator('[data-threadside-term]', { hasText: 'DLBCL' }).first();
      await term.hover();
      await poll(() => inPage(again).locator('threadside-tooltip .ts-term').first().textContent()).toBe(
        'diffuse large B-cell lymphoma',
      );

      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await poll(() => options.getByRole('list', { name: 'Sites you added' }).textContent()).toContain('localhost');
      await options.close();

      // "Disable" takes Threadside off the open page as well, with nothing left behind.
      const popup2 = await openPopup(b, again);
      await popup2.clickButton(`Disable Threadside on ${host}`);
      await poll(() => popupStatus(popup2)).toBe(`Threadside is off for ${host}.`);
      await poll(() => bars(again)).toBe(0);
      expect(await terms(again)).toBe(0);
      await settingsChangeNothingOn(b, again);
      await again.reload();
      await again.waitForTimeout(1500);
      expect(await bars(again)).toBe(0);
    } finally {
      await b.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('leaves the site alone, and says so, when the reader denies it', async () => {
    const b = await launch();
    try {
      const page = await b.context.newPage();
      await page.goto(site + THREAD);
      const popup = await answerFromPopup(b, page, await openPopup(b, page), `Enable Threadside on ${host}`, 'deny');
      await poll(() => popupStatus(popup)).toBe('Threadside was not given access to this site.');
      expect(await popup.evaluate<string>(`document.querySelector('.site-access button').textContent`)).toBe(
        `Enable Threadside on ${host}`,
      );
      await page.waitForTimeout(1500);
      expect(await bars(page)).toBe(0);
      expect(await terms(page)).toBe(0);
    } finally {
      await b.close();
      await rm(b.userDataDir, { recursive: true, force: true });
    }
  });

  it('can be done from the options page too: add, turn off, turn on and remove a site', async () => {
    const b = await launch();
    try {
      const page = await b.context.newPage();
      await page.goto(site + THREAD);
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.bringToFront();
      // Playwright pretends its pages always have the focus; the prompt's taking it must show.
      const cdp = await b.context.newCDPSession(options);
      await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
      const focused = () => options.evaluate(() => document.hasFocus());
      const message = options.getByTestId('sites-message');
      // Granted for the host at every port: the one form of a site Firefox and Chromium share.
      const label = `http://${new URL(site).hostname}`;
      const row = options.getByRole('list', { name: 'Sites you added' }).getByRole('listitem');

      await options.getByLabel('Site address').fill('forum');
      await options.getByRole('button', { name: 'Enable Threadside on this site' }).click();
      await poll(() => options.getByRole('alert').filter({ hasText: 'site address' }).textContent()).toBe(
        'Type the whole site address, such as forum.example.org.',
      );

      const demo = new URL(desk.forum.url).host;
      await options.getByLabel('Site address').fill(`http://${demo}/t/1`);
      await options.getByRole('button', { name: 'Enable Threadside on this site' }).click();
      await poll(() => message.textContent()).toBe(`Threadside already works on ${demo}.`);
      expect(await row.count()).toBe(0);

      await options.getByLabel('Site address').fill(`${site}/phpbb/`);
      await options.getByRole('button', { name: 'Enable Threadside on this site' }).click();
      await answerPrompt(desk.display, { shown: async () => !(await focused()), behind: options }, 'allow');
      await poll(() => message.textContent()).toBe(`Threadside is on for ${host}.`);
      await poll(() => row.textContent()).toContain(`${label} On`);
      await poll(() => bars(page)).toBe(1);

      await options.getByRole('button', { name: `Turn off ${label}` }).click();
      await poll(() => row.textContent()).toContain(`${label} Off`);
      await poll(() => bars(page)).toBe(0);

      // No prompt this time: Chromium remembers that the reader allowed this site before.
      await options.getByRole('button', { name: `Turn on ${label}` }).click();
      await poll(() => row.textContent()).toContain(`${label} On`);
      await poll(() => bars(page)).toBe(1);

      await options.getByRole('button', { name: `Remove ${label}` }).click();
      await poll(() => row.count()).toBe(0);
      await poll(() => bars(page)).toBe(0);
      expect(await b.serviceWorker.evaluate((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), site)).toBe(
        false,
      );
    } finally {
      await b.close();
      await rm(b.userDataDir, { recursive: true, force: true });
    }
  });

  it('on a known forum the popup turns Threadside off and on, and brings back a folded bar', async () => {
    const b = await launch();
    try {
      const demo = new URL(desk.forum.url).host;
      const page = await b.context.newPage();
      await page.goto(desk.forum.url + '/t/what-is-car-t-therapy/1828');
      const title = inPage(page).locator('threadside-bar [data-testid=thread-title]');
      const folded = inPage(page).locator('threadside-bar .ts-bar--collapsed button');
      await poll(() => title.isVisible()).toBe(true);
      await inPage(page).locator('threadside-bar button[aria-label="Hide Threadside bar"]').click();
      await poll(() => folded.isVisible()).toBe(true);

      // The folded bar comes back from the popup, in the open tab at once.
      let popup = await openPopup(b, page);
      await popup.clickButton(`Show the Threadside bar on ${demo}`);
      await poll(() => popupStatus(popup)).toBe(`The bar is back on ${demo}.`);
      await poll(() => title.isVisible()).toBe(true);

      // Off: after a reload, no bar and no underlines.
      await popup.clickButton(`Disable Threadside on ${demo}`);
      await poll(() => popupStatus(popup)).toBe(`Threadside is off for ${demo}.`);
      await page.reload();
      await page.waitForLoadState('load');
      await page.waitForTimeout(1000);
      expect(await bars(page)).toBe(0);
      expect(await terms(page)).toBe(0);

      // On again without a browser prompt: its access came with the install.
      popup = await openPopup(b, page);
      await popup.clickButton(`Enable Threadside on ${demo}`);
      await poll(() => popupStatus(popup)).toBe(`Threadside is on for ${demo}. Reload the page to see it.`);
      await page.reload();
      await poll(() => title.isVisible()).toBe(true);
      await poll(() => terms(page)).toBeGreaterThan(0);
    } finally {
      await b.close();
      await rm(b.userDataDir, { recursive: true, force: true });
    }
  });
});
