// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onStop } from '../../../entrypoints/content/lifecycle';

describe('onStop: Threadside cleans up a page it leaves', () => {
  it('cleans up when this copy of the script is stopped later', () => {
    const ctx = new ContentScriptContext('content');
    const stop = vi.fn();
    onStop(ctx, stop);
    expect(stop).not.toHaveBeenCalled();
    ctx.abort('turned off for this site');
    expect(stop).toHaveBeenCalledOnce();
  });

  it('cleans up at once when a newer copy took over while this one was still starting', () => {
    const older = new ContentScriptContext('content');
    // Enabling a site injects the script into the open tab and registers it there: the newer
    // copy stops the older one, which may not have set up its clean-up yet.
    new ContentScriptContext('content');
    expect(older.isInvalid).toBe(true);
    const stop = vi.fn();
    onStop(older, stop);
    expect(stop).toHaveBeenCalledOnce();
  });
});
