import { describe, expect, it } from 'vitest';
import { pluralsOf, singularOf, spelledOut, verbFormsOfForm, withoutApostrophe } from '../../../utils/glossary/forms';

describe('forms the rules make from a glossary form', () => {
  it('makes the plurals English and medical Latin use', () => {
    expect(pluralsOf('infusion')).toEqual(['infusions']);
    expect(pluralsOf('platelet transfusion')).toEqual(['platelet transfusions']);
    expect(pluralsOf('therapy')).toEqual(['therapies']);
    expect(pluralsOf('metastasis')).toEqual(['metastases']);
    expect(pluralsOf('thrombus')).toEqual(['thrombi', 'thrombuses']);
    expect(pluralsOf('vertebra')).toEqual(['vertebrae', 'vertebras']);
    expect(pluralsOf('appendix')).toContain('appendices');
    expect(pluralsOf('flush')).toEqual(['flushes']);
    expect(pluralsOf('neutrophils')).toEqual([]);
    expect(pluralsOf('abscess')).toEqual(['abscesses']);
    expect(pluralsOf('Hodgkin')).toEqual(['Hodgkins']);
  });

  it('makes the singular of a plural form, where its spelling tells', () => {
    expect(singularOf('neutrophils')).toBe('neutrophil');
    expect(singularOf('red blood cells')).toBe('red blood cell');
    expect(singularOf('therapies')).toBe('therapy');
    expect(singularOf('metastases')).toBeNull();
    expect(singularOf('sepsis')).toBeNull();
    expect(singularOf('obs')).toBeNull();
  });

  it('gives an abbreviation a small s and leaves mixed spellings alone', () => {
    expect(pluralsOf('CT')).toEqual(['CTs']);
    expect(pluralsOf('DLBCL')).toEqual(['DLBCLs']);
    expect(pluralsOf('R-CHOP')).toEqual([]);
    expect(pluralsOf('t(11;14)')).toEqual([]);
  });

  it('inflects verbs, doubling a short one’s last letter', () => {
    expect(verbFormsOfForm('relapse')).toEqual(['relapsed', 'relapsing', 'relapses']);
    expect(verbFormsOfForm('transfuse')).toContain('transfused');
    expect(verbFormsOfForm('scan')).toEqual(expect.arrayContaining(['scanned', 'scanning']));
    expect(verbFormsOfForm('stem cell')).toEqual([]);
  });

  it('spells abbreviations out and drops a possessive’s apostrophe', () => {
    expect(spelledOut('CT scan')).toBe('C T scan');
    expect(spelledOut('PET')).toBe('P E T');
    expect(spelledOut('PET-CT')).toBeNull();
    expect(spelledOut('lymphoma')).toBeNull();
    expect(withoutApostrophe("Hodgkin's lymphoma")).toBe('Hodgkins lymphoma');
    expect(withoutApostrophe('myeloma')).toBeNull();
  });
});
