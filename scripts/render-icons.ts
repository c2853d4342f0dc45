/**
 * Renders scripts/icon.svg to the PNG sizes the manifests need, with the same Chromium the
 * tests use, so there is no image tool to install. Run after changing the SVG:
 *   npx tsx scripts/render-icons.ts
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/chromium-path';

const SIZES = [16, 32, 48, 96, 128];

const svg = await readFile('scripts/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log(`icons: ${SIZES.join(', ')} px written to public/icon/`);
