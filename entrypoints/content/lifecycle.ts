import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Like ctx.onInvalidated, but also runs when the context was already invalidated while this
 * copy was still awaiting something. That happens when a site is enabled: the script is
 * injected into the open tab and registered for the site, and the newer copy stops the older
 * one, possibly before the older one had finished starting.
 */
export function onStop(ctx: ContentScriptContext, stop: () => void): void {
  if (ctx.signal.aborted) stop();
  else ctx.onInvalidated(stop);
}
