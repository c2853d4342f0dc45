import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path';

/**
 * The demo build (`npm run build:demo`): the store build plus the demo forum as a known
 * forum. THREADSIDE_EXTENSION_DIR runs the tests against another build (an older one, say,
 * to see a security test fail without its fix).
 */
const CHROME_BUILD_DIR = resolve(process.env.THREADSIDE_EXTENSION_DIR ?? '.output/chrome-mv3-demo');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Close the browser; the profile is deleted unless `keepProfile` was set. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Reuse a profile, e.g. to test what survives a browser restart. */
  userDataDir?: string;
  keepProfile?: boolean;
  extensionDir?: string;
  /** Extra environment for the browser, e.g. DISPLAY for a headed browser on a virtual display. */
  env?: Record<string, string>;
  /** False: pages run without scripts (Threadside's own still runs). */
  javaScriptEnabled?: boolean;
}

/** Real Chromium with the BUILT extension loaded, the way a user would run it. */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build:demo" first.`);
  }
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'threadside-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    async close() {
      await context.close();
      if (!opts.keepProfile && !opts.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
