/**
 * Everyday English words that glossary abbreviations collide with ("ALL", "PET", "CART",
 * "FLAG", "MUD"). A form that is one of these only ever matches in the exact capitals the
 * glossary gives it, even if an entry forgets to say so: lowercase "all", "pet", "cart"
 * must never light up.
 */
// Marked pure so bundles that do not compile the matcher (the content script) leave it out.
export const ENGLISH_WORDS = /* @__PURE__ */ new Set(
  /* @__PURE__ */ `a aa ace ad all am an and any are art as at ball bar be beam bed big bit br bud but by can
  car cart cat chip chop cons cr crab cure cut dex do dr ear echo ed epoch ever far fish fit flag
  flow for gap go had ham has he hi him his hub i ice if in is it its ive kit lap let lip mac
  malt man map matrix may me mid mm mr ms mud my nice no nod not now of ok on or our pad pals
  pat pet pic pip poems pom pr rap red reg rev rice rt sad sat saw she so sop sos tab tag tan
  tat tec the to top two up us van was we who why yes you`.split(/\s+/),
);
