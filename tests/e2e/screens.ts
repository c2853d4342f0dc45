import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';

/**
 * Screenshots of each screen in light and dark, kept for a person to look at (beside CI's
 * report, or in the system's temporary folder), and compared: in dark mode each screen must
 * really be drawn dark. A picture compared with a stored one would fail on every new
 * Chromium's font drawing; light against dark, taken in the same run, does not, and still
 * catches a screen, or a large part of one, left light in dark mode (by mean brightness: a
 * small part left white is for the layout checks and axe-core's contrast rules to find).
 */
export function screens(testName: string) {
  const dir = join(process.env.THREADSIDE_REPORT_DIR ?? tmpdir(), 'threadside-screens');
  mkdirSync(dir, { recursive: true });
  const brightness = new Map<string, { light?: number; dark?: number }>();
  // A blank page of its own decodes the pictures: a forum's rules for what it may load do not apply.
  let decoder: Promise<Page> | undefined;

  /** Mean brightness (0–255) of a PNG, decoded by the browser itself. */
  const meanBrightness = async (page: Page, png: Buffer) =>
    (await (decoder ??= page.context().newPage())).evaluate(async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      return sum / (data.length / 4);
    }, png.toString('base64'));

  return {
    /**
     * Takes the picture (of a part of the page when `clip` is given) and notes how bright it is.
     * Through the session that set the screen's size: Playwright's own screenshot puts back its
     * window size first, and the page would be laid out anew for it.
     */
    async shoot(
      page: Page,
      cdp: CDPSession,
      what: string,
      screen: string,
      scheme: 'light' | 'dark',
      clip?: { x: number; y: number; width: number; height: number },
    ) {
      // The protocol's clip is measured from the document's corner, not the window's.
      const [sx, sy] = await page.evaluate(() => [window.scrollX, window.scrollY]);
      const { data } = await cdp.send('Page.captureScreenshot', {
        format: 'png',
        ...(clip ? { clip: { ...clip, x: clip.x + sx, y: clip.y + sy, scale: 1 } } : {}),
      });
      const png = Buffer.from(data, 'base64');
      writeFileSync(join(dir, `${testName} - ${what} - ${screen} - ${scheme}.png`.replace(/[^\w .%-]+/g, '_')), png);
      const key = `${what}, ${screen}`;
      const seen = brightness.get(key) ?? {};
      seen[scheme] = await meanBrightness(page, png);
      brightness.set(key, seen);
    },
    /** Every screen pictured in both schemes is clearly darker in dark mode. */
    async expectDarkDrawnDark() {
      await (await decoder)?.close();
      decoder = undefined;
      const pairs = [...brightness].filter(([, b]) => b.light !== undefined && b.dark !== undefined);
      expect(pairs.length, 'screens pictured in both light and dark').toBeGreaterThan(0);
      for (const [key, b] of pairs)
        expect(b.dark!, `${key}: dark (${b.dark!.toFixed(0)}) against light (${b.light!.toFixed(0)})`).toBeLessThan(
          b.light! * 0.6,
        );
    },
  };
}
