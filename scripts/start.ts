/**
 * `npm start`: build the extension, start the demo forum and open Chromium with Threadside
 * loaded on the CAR-T thread. With no display, or with `-- --headless`, it takes a
 * screenshot instead and says where it put it.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startForum } from '../tests/forum-lab/server';
import { launchWithExtension } from '../tests/e2e/extension-browser';
import { inPage } from '../tests/e2e/in-page-ui';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const skipBuild = args.includes('--no-build');
const port = Number(process.env.PORT ?? 4317);

if (!skipBuild) {
  console.log('Building the extension…');
  const build = spawnSync('npm', ['run', '-s', 'build:demo'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const forum = await startForum({ port });
const threadUrl = `${forum.url}/t/what-is-car-t-therapy/1828`;
console.log(`Demo forum: ${forum.url}  (CAR-T thread: ${threadUrl})`);

const browser = await launchWithExtension({ headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(threadUrl);
await inPage(page).locator('threadside-bar [data-testid=thread-title]').waitFor();

if (headless) {
  const dir = resolve('.output');
  await mkdir(dir, { recursive: true });
  const file = resolve(dir, 'threadside-demo.png');
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
  console.log('Chromium is open with Threadside loaded. Close the browser window or press Ctrl-C to stop.');
  const stop = async () => {
    await browser.close().catch(() => {});
    await forum.close();
    process.exit(0);
  };
  browser.context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
