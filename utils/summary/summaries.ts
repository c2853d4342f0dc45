import type { Glossary } from '../glossary/load';
import { createMatcher, type Matcher } from '../glossary/matcher';
import { summarise, type Summary, type ThreadInput } from './summarise';

/**
 * Summaries as the background makes them: the whole thread, and what is new since the
 * reader's last visit (posts from `firstNew` on), with the glossary's matcher built once.
 */
export function createSummariser(glossary: () => Glossary, prebuilt?: () => Matcher | null) {
  let matcher: Matcher | null = null;
  const opts = () => {
    const g = glossary();
    // The background hands over the matcher it read ready-made; Node tools build their own.
    matcher ??= prebuilt?.() ?? createMatcher(g.entries);
    return { matcher, entries: g.byId };
  };
  return {
    whole: (thread: ThreadInput): Summary => summarise(thread, opts()),
    since: (thread: ThreadInput, firstNew: number | null): Summary | null =>
      firstNew === null ? null : summarise(thread, { ...opts(), after: firstNew - 1 }),
  };
}
