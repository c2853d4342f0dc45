import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../utils/glossary/load';
import { createMatcher } from '../../../utils/glossary/matcher';
import type { GlossaryEntry } from '../../../utils/glossary/schema';

const { entries, byId } = loadGlossary();
const matcher = createMatcher(entries);
// What a reader sees with the default settings: words everyone knows are left out.
const common = new Set(entries.filter((e) => e.tier === 'common').map((e) => e.id));
const shown = (text: string) => matcher.match(text).filter((m) => !m.ids.every((id) => common.has(id)));
const found = (text: string) => shown(text).map((m) => [m.text, m.ids.join('+')]);
const lit = (text: string) => shown(text).map((m) => m.text);

describe('matching the real glossary', () => {
  it('folds spellings people type to one term', () => {
    for (const form of ['R-CHOP', 'R CHOP', 'RCHOP', 'R-Chop', 'rchop'])
      expect(found(`Six cycles of ${form} so far.`)).toContainEqual([form, 'r-chop']);
    for (const form of ['CAR-T', 'CAR T', 'CART', 'car-t'])
      expect(found(`We met the ${form} team about the lymphoma.`)).toContainEqual([form, 'car-t-cell-therapy']);
    expect(found('anemia, anaemia and aneamia')).toEqual([
      ['anemia', 'anaemia'],
      ['anaemia', 'anaemia'],
      ['aneamia', 'anaemia'],
    ]);
  });

  it('knows the forum misspelling DLBC', () => {
    expect(found('I have refractory aggressive DLBC.')).toEqual([
      ['refractory', 'refractory'],
      ['DLBC', 'diffuse-large-b-cell-lymphoma'],
    ]);
  });

  it('prefers the longest term', () => {
    expect(lit('after my stem cell transplant')).toEqual(['stem cell transplant']);
    expect(found('a PET scan showed')).toEqual([['PET scan', 'pet-ct-scan']]);
  });

  it('matches whole words only', () => {
    expect(lit('xDLBCLx and xDLBCLs')).toEqual([]);
    expect(lit('(DLBCL)')).toEqual(['DLBCL']);
  });

  it('never lights up the ordinary English words abbreviations collide with', () => {
    for (const text of [
      'In some cases it has cured people where all other treatments have failed.',
      'We took the pet to the vet.',
      'Put it in the shopping cart.',
      'I think it is fine, who knows.',
      'Best regards, BR',
      'The rice and a glass of ice.',
      'Raise the flag, what a nice day.',
      'Mud on my boots and fish for tea.',
    ])
      expect(found(text), text).toEqual([]);
  });

  it('matches shouted abbreviations only with a medical cue nearby', () => {
    expect(found('I tried ALL the diets')).toEqual([]);
    expect(found('My son was diagnosed with ALL in March')).toContainEqual(['ALL', 'acute-lymphoblastic-leukaemia']);
    expect(found('We are in CR')).toEqual([]);
    expect(found('The PET showed CR after six cycles')).toContainEqual(['CR', 'complete-response']);
    expect(found('I use IT at work')).toEqual([]);
  });

  it('picks the sense of a two-sense abbreviation from the words around it', () => {
    expect(found('My CNS rang about the appointment')).toContainEqual(['CNS', 'clinical-nurse-specialist']);
    expect(found('He had a CNS relapse in the brain')).toContainEqual(['CNS', 'central-nervous-system']);
    expect(found('MRD negative after the marrow test')[0]).toEqual(['MRD negative', 'minimal-residual-disease']);
    expect(found('my brother is an MRD donor match')).toContainEqual(['MRD', 'matched-sibling-donor']);
    expect(found('radiotherapy: 20 sessions of RT')).toContainEqual(['RT', 'radiotherapy']);
    expect(found('CLL then RT, a Richter transformation')[1]).toEqual(['RT', 'richters-transformation']);
  });

  it('shows both senses when the words around cannot tell them apart', () => {
    const [m] = matcher.match('CNS');
    expect(m.ids.sort()).toEqual(['central-nervous-system', 'clinical-nurse-specialist']);
  });

  it('handles every everyday-word collision the term list warns about', () => {
    const tsv = readFileSync(join(import.meta.dirname, '../../fixtures/glossary-terms.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const quoted = new Set<string>();
    for (const row of tsv) {
      const note = row.split('\t')[3] ?? '';
      // "'chop' is a common word", "'pet' = animal": the quoted lowercase word.
      for (const m of note.matchAll(/'([a-z]+)'/g)) quoted.add(m[1]);
    }
    expect(quoted.size).toBeGreaterThan(10);
    // Notes also quote medical shorthand we do want matched ("'allo' is not allopurinol").
    for (const medical of ['allo', 'allogenic', 'ciclosporin', 'cyclosporine', 'phlebotomy']) quoted.delete(medical);
    for (const word of quoted) {
      const text = `Yesterday the ${word} was on the table by the door.`;
      expect(found(text), word).toEqual([]);
    }
  });
});

describe('forms people type', () => {
  it('matches plurals, Latin plurals and verbs without listing them', () => {
    expect(found('Two platelet transfusions and new cannulas this week')).toEqual([
      ['platelet transfusions', 'platelet-transfusion'],
      ['cannulas', 'cannula'],
    ]);
    expect(found('Mum had three CTs before the PET scan, and her DLBCLs were compared')).toEqual(
      expect.arrayContaining([['CTs', 'ct-scan']]),
    );
    expect(lit('She relapsed in May and was transfused twice')).toEqual(['relapsed', 'transfused']);
    expect(lit('Two prognoses, two opinions')).toContain('prognoses');
  });

  it('matches the singular of a plural term, and forum shorthand only where the post is medical', () => {
    expect(found('Only one neutrophil left, said the haem nurse')).toContainEqual(['neutrophil', 'neutrophils']);
    expect(found('My counts were low after the second cycle')).toContainEqual(['counts', 'full-blood-count']);
    expect(found('It counts for a lot, thank you')).toEqual([]);
  });

  it('reads a possessive with or without its apostrophe', () => {
    expect(found("Dad's Hodgkin's lymphoma")).toEqual([["Hodgkin's lymphoma", 'hodgkin-lymphoma']]);
    expect(found('Dads Hodgkins lymphoma')).toEqual([['Hodgkins lymphoma', 'hodgkin-lymphoma']]);
  });

  it('reads dotted and spaced abbreviations, but not two ordinary letters', () => {
    expect(found('Booked a C.T. scan and an M.R.I for the lymphoma')).toEqual([
      ['C.T. scan', 'ct-scan'],
      ['M.R.I', 'mri-scan'],
      ['lymphoma', 'lymphoma'],
    ]);
    expect(found('The P E T scan after chemo was clear')).toContainEqual(['P E T scan', 'pet-ct-scan']);
    expect(lit('p e t and a c t on the list')).toEqual([]);
  });

  it('splits a regimen written with slashes and pluses into its drugs', () => {
    // A regimen the glossary has is one term; one it has not, its drugs.
    expect(found('Started Dara/Len/Dex last month')).toEqual([['Dara/Len/Dex', 'drd']]);
    expect(found('Now on Carfil/Cyclo/Dex')).toEqual([
      ['Carfil', 'carfilzomib'],
      ['Cyclo', 'cyclophosphamide'],
      ['Dex', 'dexamethasone'],
    ]);
    expect(lit('Vel + Dex again')).toEqual(['Vel', 'Dex']);
    // Alone, the shorthand is a name.
    expect(lit('Len came round for tea with Vel')).toEqual([]);
  });

  it('lets the thread’s title and category make a short abbreviation safe', () => {
    expect(lit('MM is stable, next bloods in May')).not.toContain('MM');
    expect(
      matcher.match('MM is stable, next bloods in May', undefined, 'Just diagnosed · Myeloma').map((m) => m.text),
    ).toContain('MM');
  });
});

describe('matcher mechanics', () => {
  const entry = (id: string, term: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
    id,
    term,
    category: 'disease',
    definition: 'x',
    aliases: [],
    variants: [],
    learnMore: 'https://www.nhs.uk/',
    ...extra,
  });

  it('builds its automaton once, sized by the terms and not by the text', () => {
    const m = createMatcher([entry('a', 'stem cell'), entry('b', 'stem cell transplant')]);
    const nodes = m.nodeCount;
    m.match('stem cell '.repeat(10_000));
    expect(m.nodeCount).toBe(nodes);
    // Each term and its plural.
    expect(m.keyCount).toBe(4);
  });

  it('maps offsets back to the original text across folded separators and accents', () => {
    const m = createMatcher([entry('w', 'Waldenström macroglobulinaemia'), entry('r', 'R-CHOP')]);
    const text = 'Dx: waldenstrom  macroglobulinaemia; then R – CHOP.';
    const [w, r] = m.match(text);
    expect(text.slice(w.start, w.end)).toBe('waldenstrom  macroglobulinaemia');
    expect(text.slice(r.start, r.end)).toBe('R – CHOP');
  });

  it('lets the data force exact capitals', () => {
    const m = createMatcher([entry('p', 'PET', { rules: { exactCase: ['PET'] } }), entry('l', 'lymphoma')]);
    expect(m.match('PET Pet pet, for the lymphoma').map((x) => x.text)).toEqual(['PET', 'lymphoma']);
  });

  it('has every entry it was given', () => {
    expect(byId.size).toBe(entries.length);
  });

  it('explains a capital that is also a word only in a post about medicine', () => {
    // A scripting forum, a pet owner, a recipe: none of these is about a scan or a regimen.
    expect(found('Put the command on one line while ECHO is ON.')).toEqual([]);
    expect(found('Our PET is a very old cat.')).toEqual([]);
    expect(found('CHOP the onions finely.')).toEqual([]);
    expect(found('Leave the resin 24 hours to CURE, then GO to the IT desk with the CAT file.')).toEqual([]);
    // In a post about treatment, the same capitals are the tests and the regimen.
    expect(found('My ECHO was fine before the chemo started.')).toContainEqual(['ECHO', 'echocardiogram']);
    expect(matcher.match('PET booked.', 'PET booked for Tuesday, then more rituximab.').map((m) => m.id)).toEqual([
      'pet-ct-scan',
    ]);
  });
});
