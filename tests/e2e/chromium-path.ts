import { existsSync } from 'node:fs';

/**
 * The Chromium the e2e tests, the demo and the benchmarks drive. Debian's package by default;
 * CHROMIUM_PATH overrides. Never a downloaded browser.
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it with "sudo apt-get install -y chromium" ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

/** Flags for this closed network and for running as root in CI containers. */
export const CHROMIUM_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
