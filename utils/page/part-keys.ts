/**
 * Where the scripts the background injects into a forum page (the summary panel, the
 * glossary) leave their start functions, in the content script's own world (which the page
 * cannot see), for the content script to call.
 */
export const SUMMARY_PANEL = '__threadsideSummaryPanel';
export const GLOSSARY_PART = '__threadsideGlossary';
export const FORUM_READERS = '__threadsideForumReaders';
