/**
 * Where the injected summary-panel script leaves its start function, in the content
 * script's own world (which the page cannot see), for the content script to call.
 */
export const SUMMARY_PANEL = '__threadsideSummaryPanel';
