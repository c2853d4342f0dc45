import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { SavedThread } from '../utils/db/saved-thread';
import { launchWithExtension } from '../tests/e2e/extension-browser';

/**
 * `npm run bench -- popup`: the popup opening with 5,000 saved threads in headless
 * Chromium, time from navigation to the first rows on screen, against the same list
 * rendered without virtualisation (bench/popup-baseline.tsx). Median of several opens each.
 */
const COUNT = 5000;
const RUNS = 7;

function makeThreads(n: number): SavedThread[] {
  const origin = 'https://forum.bloodcancer.org.uk';
  const topics = [
    'CAR-T',
    'R-CHOP',
    'stem cell transplant',
    'watch and wait',
    'PICC line',
    'fatigue',
    'MGUS',
    'neutropenia',
  ];
  return Array.from({ length: n }, (_, i) => ({
    origin,
    threadId: String(10_000 + i),
    url: `${origin}/t/thread-${i}/${10_000 + i}`,
    title: `Thread ${i}: questions about ${topics[i % topics.length]} and how others coped`,
    engine: 'discourse' as const,
    savedAt: 1_700_000_000_000 + i * 60_000,
    lastVisitedAt: 1_700_000_000_000 + i * 90_000,
    lastReadPostNumber: (i % 30) + 1,
    postCount: (i % 30) + 1 + (i % 7),
    highestPostNumber: (i % 30) + 1 + (i % 7),
    lastActivityAt: 1_700_000_000_000 + ((i * 7919) % n) * 3_600_000,
    note: i % 5 === 0 ? 'Ask at next clinic' : '',
    baselinePostNumber: (i % 30) + 1,
    deletedSeen: 0,
    check: { checkedAt: null, seenInSweep: null, gone: false, lastError: null },
  }));
}

/** Installed before any page script: notes when the first row appears. */
const FIRST_ROW_PROBE = () => {
  const w = window as unknown as { __firstRow?: number };
  new MutationObserver((_, obs) => {
    if (document.querySelector('.thread-row')) {
      w.__firstRow = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function timeToFirstRow(
  page: Page,
  url: string,
  after?: () => Promise<void>,
): Promise<{ ms: number; rows: number }> {
  await page.goto(url);
  await after?.();
  await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined, undefined, {
    timeout: 60_000,
  });
  return page.evaluate(() => ({
    ms: (window as unknown as { __firstRow: number }).__firstRow,
    rows: document.querySelectorAll('.thread-row').length,
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  if (!existsSync('.output/chrome-mv3-demo/manifest.json'))
    spawnSync('npm', ['run', '-s', 'build:demo'], { stdio: 'inherit' });
  const threads = makeThreads(COUNT);
  const bundle = await build({
    entryPoints: ['bench/popup-baseline.tsx'],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
  });
  const css = await readFile('components/popup/popup.css', 'utf8');
  const server = createServer((req, res) => {
    if (req.url === '/baseline.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle.outputFiles[0].text);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><html><head><style>${css}</style></head><body><div id="root"></div><script src="/baseline.js"></script></body></html>`,
      );
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.addInitScript(FIRST_ROW_PROBE);

    // Seed the extension's database through the popup's own origin.
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    await page.goto(popupUrl);
    await page.waitForSelector('.empty, .thread-row');
    await page.evaluate(
      (data) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('threadside');
          open.onsuccess = () => {
            const tx = open.result.transaction('threads', 'readwrite');
            for (const t of data) tx.objectStore('threads').put(t);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('Seeding the threads failed.'));
          };
          open.onerror = () => reject(open.error ?? new Error('The database did not open.'));
        }),
      threads,
    );
    await page.goto(baseUrl);
    await page.evaluate((data) => (window as unknown as { __seed(d: unknown): Promise<void> }).__seed(data), threads);

    const popupRuns: number[] = [];
    const baseRuns: number[] = [];
    let popupRows = 0;
    let baseRows = 0;
    for (let i = 0; i < RUNS; i++) {
      const p = await timeToFirstRow(page, popupUrl);
      popupRuns.push(p.ms);
      popupRows = p.rows;
      const b = await timeToFirstRow(page, baseUrl, () =>
        page.evaluate(() => (window as unknown as { __render(): Promise<void> }).__render()),
      );
      baseRuns.push(b.ms);
      baseRows = b.rows;
    }
    const popup = median(popupRuns);
    const base = median(baseRuns);
    console.log(
      `popup (virtualised): median ${popup.toFixed(0)} ms to first rows, ${popupRows} rows in the DOM; runs ${popupRuns.map((x) => x.toFixed(0)).join(', ')}`,
    );
    console.log(
      `baseline (every row): median ${base.toFixed(0)} ms to first rows, ${baseRows} rows in the DOM; runs ${baseRuns.map((x) => x.toFixed(0)).join(', ')}`,
    );
    console.log(
      `bench popup: ${COUNT} saved threads, first rows in ${popup.toFixed(0)} ms vs ${base.toFixed(0)} ms without virtualisation, ${(base / popup).toFixed(1)}x faster (target under 150 ms)`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}
