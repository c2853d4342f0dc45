import { startGlossary } from './content/glossary';
import { GLOSSARY_PART } from '../utils/page/part-keys';

/**
 * The glossary's code (matcher, underlines, tooltips), injected by the background into a
 * forum page's content-script world on the first thread the page shows, or when the reader
 * asks to explain a selection. Kept out of the script every forum page compiles at start.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[GLOSSARY_PART] = startGlossary;
});
