import { startSummary } from './content/summary';
import { SUMMARY_PANEL } from '../utils/page/part-keys';

/**
 * The summary panel's code, injected by the background into a forum page's content-script
 * world when the page shows a thread (every thread, used or not: the page must not learn
 * that the reader opened it). Kept out of the script every forum page compiles at start.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[SUMMARY_PANEL] = startSummary;
});
