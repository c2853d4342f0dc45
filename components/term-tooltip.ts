import type { GlossaryEntry } from '../utils/glossary/schema';
import { h } from './dom';

/** Also-known-as forms worth showing: the aliases, without repeating the term itself. */
function alsoKnownAs(entry: GlossaryEntry): string[] {
  const term = entry.term.toLowerCase();
  return entry.aliases.filter((a) => a.toLowerCase() !== term).slice(0, 4);
}

function sense(doc: Document, entry: GlossaryEntry): HTMLElement {
  const aka = alsoKnownAs(entry);
  return h(
    doc,
    'section',
    { class: 'ts-sense' },
    h(doc, 'h2', { class: 'ts-term' }, entry.term),
    aka.length > 0 && h(doc, 'p', { class: 'ts-aka' }, `Also called ${aka.join(', ')}`),
    h(doc, 'p', { class: 'ts-definition' }, entry.definition),
    h(
      doc,
      'a',
      { class: 'ts-learn-more', href: entry.learnMore, target: '_blank', rel: 'noopener noreferrer' },
      'Learn more',
      h(doc, 'span', { class: 'ts-visually-hidden' }, ` about ${entry.term}`),
      h(doc, 'span', { 'aria-hidden': 'true' }, ' ↗'),
    ),
  );
}

const NOTE = 'Threadside explains words. It is not medical advice.';

/**
 * The tooltip's content: one entry, or both senses when the text cannot tell them apart (or,
 * for words the reader selected, each term found in them).
 */
export function termTooltip(doc: Document, entries: GlossaryEntry[], senses = true): HTMLElement {
  return h(
    doc,
    'div',
    { class: 'ts-tooltip' },
    senses && entries.length > 1 && h(doc, 'p', { class: 'ts-ambiguous' }, 'This can mean two things here:'),
    ...entries.map((e) => sense(doc, e)),
    h(doc, 'p', { class: 'ts-note' }, NOTE),
  );
}

/** Selected words with no glossary term in them: said plainly, with searches to follow. */
export function noTermTooltip(doc: Document, words: string, searches: Array<{ site: string; url: string }>) {
  return h(
    doc,
    'div',
    { class: 'ts-tooltip' },
    h(doc, 'p', { class: 'ts-definition' }, `Threadside has no explanation for “${words}”.`),
    h(
      doc,
      'p',
      { class: 'ts-aka' },
      'You could look it up on ',
      ...searches.flatMap((s, i) => [
        i > 0 ? ' or ' : '',
        h(
          doc,
          'a',
          { class: 'ts-learn-more', href: s.url, target: '_blank', rel: 'noopener noreferrer' },
          s.site,
          h(doc, 'span', { class: 'ts-visually-hidden' }, ` (search for ${words})`),
        ),
      ]),
      '.',
    ),
    h(doc, 'p', { class: 'ts-note' }, NOTE),
  );
}

/** In place of an explanation when the glossary could not be read: what to do about it. */
export function unreadableTooltip(doc: Document) {
  return h(
    doc,
    'div',
    { class: 'ts-tooltip' },
    h(
      doc,
      'p',
      { class: 'ts-definition' },
      'Threadside could not load its explanations. Reload the page to try again.',
    ),
  );
}
