import type { Browser } from 'wxt/browser';

declare global {
  /** `chrome` inside `serviceWorker.evaluate(...)` callbacks, which run in the extension. */
  const chrome: typeof Browser;
}
