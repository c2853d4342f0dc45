import { z } from '../zod';

/**
 * The glossary's data contract. Entries live in `utils/glossary/data/*.json`, one file per
 * group of categories, so a reviewer can read a definition next to its matching rules.
 */

/** "Learn more" links may only point at these sites (and their subdomains). */
export const LEARN_MORE_DOMAINS = [
  'nhs.uk',
  'cancerresearchuk.org',
  'cancer.gov',
  'bloodcancer.org.uk',
  'lymphoma-action.org.uk',
  'leukaemiacare.org.uk',
  'myeloma.org.uk',
  'macmillan.org.uk',
  'anthonynolan.org',
  'mds-uk.org',
  'mpnvoice.org.uk',
  'cll-support.org.uk',
] as const;

const CATEGORIES = [
  'anatomy_cell',
  'benefits',
  'blood_count',
  'care_nhs',
  'disease',
  'drug',
  'drug_class',
  'general',
  'genetic_marker',
  'lab_test',
  'line_device',
  'regimen',
  'response_status',
  'side_effect',
  'staging_prognosis',
  'symptom',
  'test_scan',
  'transplant',
  'treatment',
  'trial_access',
] as const;

const matchRulesSchema = z
  .object({
    /** Forms that match only with exactly this capitalisation ("ALL", "PET", "CR"). */
    exactCase: z.array(z.string().min(1)).optional(),
    /** Forms that match only when one of `cues` appears within a few words. */
    needsCue: z.array(z.string().min(1)).optional(),
    /** Words that confirm the medical sense nearby (case-insensitive, whole words). */
    cues: z.array(z.string().min(1)).optional(),
    /**
     * Forms this entry knowingly shares with another entry (two senses in the field, such
     * as MF = myelofibrosis / mycosis fungoides). Cues pick one; otherwise both are shown.
     */
    shared: z.array(z.string().min(1)).optional(),
    /**
     * The entry is also a verb ("relapse", "transfuse"): its one-word forms match inflected
     * as verbs too ("relapsed", "relapsing", "transfused"). Nouns' plurals need no rule.
     */
    verb: z.boolean().optional(),
    /**
     * Drug shorthand that counts only inside a regimen written with "/" or "+" ("Len" and
     * "Dex" in "Dara/Len/Dex", "Vel + Dex"): alone, "Len" is a name.
     */
    inRegimen: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const glossaryEntrySchema = z
  .object({
    /** kebab-case, stable: saved data and tests refer to it. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** The display form, British spelling ("leukaemia"). Also matched. */
    term: z.string().min(1),
    category: z.enum(CATEGORIES),
    /** Our own words, plain British English, about 15–50 words. */
    definition: z.string().min(1),
    /** Other names: abbreviations, full names, brand names. Shown as "also known as". */
    aliases: z.array(z.string().min(1)).default([]),
    /** UK/US spellings and misspellings people really type. Matched, never shown. */
    variants: z.array(z.string().min(1)).default([]),
    learnMore: z.string().url().startsWith('https://'),
    rules: matchRulesSchema.optional(),
    /**
     * "common": a word nearly every reader knows ("chemo", "GP", "scan"). Underlined only when
     * the reader chooses every term: in every post it would drown the terms that matter.
     */
    tier: z.literal('common').optional(),
  })
  .strict();

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type MatchRules = z.infer<typeof matchRulesSchema>;
