import { storage } from 'wxt/utils/storage';

/**
 * The reader's choice to add an on-device gist to summaries: off until they turn it on in
 * the options, and offered only where the browser has its own model. Apart from the other
 * settings so the script every forum page compiles does not carry it.
 */
export const gistSetting = storage.defineItem<boolean>('local:summaryGist', { fallback: false });
