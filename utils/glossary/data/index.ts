import conditions from './conditions.json' with { type: 'json' };
import drugs from './drugs.json' with { type: 'json' };
import effectsAndCare from './effects-and-care.json' with { type: 'json' };
import tests from './tests.json' with { type: 'json' };
import treatments from './treatments.json' with { type: 'json' };
import bloodCancersMore from './blood-cancers-more.json' with { type: 'json' };
import breastProstate from './breast-prostate.json' with { type: 'json' };
import lungBowelOncology from './lung-bowel-oncology.json' with { type: 'json' };
import generalMedicine from './general-medicine.json' with { type: 'json' };
import ukCareCommon from './uk-care-common.json' with { type: 'json' };

/** Every glossary file, unvalidated; `loadGlossary` checks them against the schema. */
export const RAW_GLOSSARY: unknown[] = [
  ...conditions,
  ...drugs,
  ...treatments,
  ...tests,
  ...effectsAndCare,
  ...bloodCancersMore,
  ...breastProstate,
  ...lungBowelOncology,
  ...generalMedicine,
  ...ukCareCommon,
];
