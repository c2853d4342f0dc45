import { browser } from 'wxt/browser';

/** Threadside's commands (wxt.config.ts): opening the popup, saving, explaining. */
export type CommandName = '_execute_action' | 'toggle-save' | 'explain-selection';

/**
 * The shortcut the reader's browser has for a command ("Alt+Shift+K"), or null when it has
 * none (the reader removed it, another add-on took it) or cannot say (no shortcuts API).
 */
export async function shortcutOf(name: CommandName): Promise<string | null> {
  try {
    const all = await browser.commands.getAll();
    return all.find((c) => c.name === name)?.shortcut || null;
  } catch {
    return null;
  }
}
