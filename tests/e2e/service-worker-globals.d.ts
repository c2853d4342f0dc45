/** `chrome` inside `serviceWorker.evaluate(...)` callbacks, which run in the extension. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;
