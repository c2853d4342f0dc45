/**
 * `npm start`: build the extension, start the demo forum and open Chromium with Threadside
 * loaded on the CAR-T thread (`-- --browser firefox`: Firefox ESR). With no display, or
 * with `-- --headless`, it takes a screenshot instead and says where it put it.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startForum } from '../tests/forum-lab/server';
import { launchWithExtension } from '../tests/e2e/extension-browser';
import { inPage } from '../tests/e2e/in-page-ui';
import { inFirefoxPage, launchFirefoxWithExtension } from '../tests/e2e/firefox-browser';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const skipBuild = args.includes('--no-build');
const port = Number(process.env.PORT ?? 4317);
const browserAt = args.indexOf('--browser');
const browserArg = browserAt >= 0 ? args[browserAt + 1] : args.find((a) => a.startsWith('--browser='))?.slice(10);
const firefox = browserArg === 'firefox';
if (browserArg && !['firefox', 'chromium', 'chrome'].includes(browserArg)) {
  console.error(`Unknown browser "${browserArg}": use --browser chromium or --browser firefox.`);
  process.exit(2);
}

if (!skipBuild) {
  console.log('Building the extension…');
  const build = spawnSync('npm', ['run', '-s', firefox ? 'build:demo:firefox' : 'build:demo'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const forum = await startForum({ port });
const threadUrl = `${forum.url}/t/what-is-car-t-therapy/1828`;
console.log(`Demo forum: ${forum.url}  (CAR-T thread: ${threadUrl})`);
if (firefox) await startFirefox();
else await startChromium();

/** Firefox ESR, with the Firefox demo build installed as a temporary add-on. */
async function startFirefox() {
  const ff = await launchFirefoxWithExtension({}, { headless });
  const page = (await ff.browser.pages())[0] ?? (await ff.browser.newPage());
  await page.goto(threadUrl);
  const ui = inFirefoxPage(page, ff.bidi);
  await ui.locator('threadside-bar [data-testid=thread-title]').waitFor();
  if (headless) {
    const file = await screenshotPath('threadside-demo-firefox.png');
    const at = await page.waitForFunction(() => {
      const term = [...document.querySelectorAll('[data-threadside-term]')].find((e) => e.textContent === 'SCT');
      if (!term) return null;
      term.scrollIntoView({ block: 'center' });
      const r = term.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    const { x, y } = (await at.jsonValue())!;
    await page.mouse.move(x, y);
    await ui.locator('threadside-tooltip .ts-tooltip').waitFor();
    await page.screenshot({ path: file });
    console.log(`Screenshot of the CAR-T thread in Firefox with the Threadside bar and a term explained: ${file}`);
    await ff.close();
    await forum.close();
  } else {
    stayOpen(
      'Firefox',
      () => ff.close(),
      (stop) => ff.browser.on('disconnected', stop),
    );
  }
}

/** Until the reader closes the browser or presses Ctrl-C; then the forum stops too. */
function stayOpen(name: string, close: () => Promise<void>, onClosed: (stop: () => void) => void) {
  console.log(`${name} is open with Threadside loaded. Close the browser window or press Ctrl-C to stop.`);
  const stop = async () => {
    await close().catch(() => {});
    await forum.close();
    process.exit(0);
  };
  onClosed(() => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function screenshotPath(name: string) {
  const dir = resolve('.output');
  await mkdir(dir, { recursive: true });
  return resolve(dir, name);
}

async function startChromium() {
  const browser = await launchWithExtension({ headless });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(threadUrl);
  await inPage(page).locator('threadside-bar [data-testid=thread-title]').waitFor();

  if (headless) {
    const file = await screenshotPath('threadside-demo.png');
    // Show what a reader would see: a medical term explained where it stands.
    const term = page.locator('[data-threadside-term]', { hasText: 'SCT' }).first();
    await term.waitFor({ timeout: 15_000 });
    await term.hover();
    await inPage(page).locator('threadside-tooltip .ts-tooltip').waitFor();
    await page.screenshot({ path: file });
    console.log(`Screenshot of the CAR-T thread with the Threadside bar and a term explained: ${file}`);
    await browser.close();
    await forum.close();
  } else {
    stayOpen(
      'Chromium',
      () => browser.close(),
      (stop) => browser.context.on('close', stop),
    );
  }
}
