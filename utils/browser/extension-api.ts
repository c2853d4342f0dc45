import type Browser from 'webextension-polyfill';

/**
 * What `wxt/browser` gives every part of Threadside (through @wxt-dev/webextension-polyfill,
 * which points it at `webextension-polyfill`; wxt.config.ts points that name here).
 *
 * The polyfill hands back the browser's own `browser` namespace where there is one
 * (Firefox; Chrome from 148) and wraps `chrome` where there is not. Imported as the default
 * export of a CommonJS module, the bundle first copied every property of what it returned:
 * on the browser's own namespace that woke each API (Chrome makes them as they are first
 * touched), about a millisecond of each forum page's start. Taken with `require`, the
 * module's value is used as it is. (Under `wxt dev` the extension's pages are served
 * unbundled, without `require`: a Chrome before 148 there needs a build.)
 */
const own = (globalThis as { browser?: typeof Browser }).browser;

const api: typeof Browser = own?.runtime?.id
  ? own
  : // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('webextension-polyfill/dist/browser-polyfill.js') as typeof Browser);

export default api;
