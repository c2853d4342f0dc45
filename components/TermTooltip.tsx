import type { GlossaryEntry } from '../utils/glossary/schema';

export interface TermTooltipProps {
  /** One entry, or two when the text cannot tell which sense is meant. */
  entries: GlossaryEntry[];
}

/** Also-known-as forms worth showing: the aliases, without repeating the term itself. */
function alsoKnownAs(entry: GlossaryEntry): string[] {
  const term = entry.term.toLowerCase();
  return entry.aliases.filter((a) => a.toLowerCase() !== term).slice(0, 4);
}

function Sense({ entry }: { entry: GlossaryEntry }) {
  const aka = alsoKnownAs(entry);
  return (
    <section className="ts-sense">
      <h2 className="ts-term">{entry.term}</h2>
      {aka.length > 0 && <p className="ts-aka">Also called {aka.join(', ')}</p>}
      <p className="ts-definition">{entry.definition}</p>
      <a className="ts-learn-more" href={entry.learnMore} target="_blank" rel="noopener noreferrer">
        Learn more<span className="ts-visually-hidden"> about {entry.term}</span>
        <span aria-hidden="true"> ↗</span>
      </a>
    </section>
  );
}

export function TermTooltip({ entries }: TermTooltipProps) {
  return (
    <div className="ts-tooltip">
      {entries.length > 1 && <p className="ts-ambiguous">This can mean two things here:</p>}
      {entries.map((e) => (
        <Sense key={e.id} entry={e} />
      ))}
      <p className="ts-note">Threadside explains words. It is not medical advice.</p>
    </div>
  );
}
