import { straight } from './text';

/**
 * Sentences a summary must never leave out, and posts it must never mine for key points.
 * Both are read from words people really write in a thread, so both err on the side of
 * showing: a false "safety advice" costs a line, a missed one can cost a life.
 */

/** What can turn serious during treatment. */
const DANGER =
  /\b(temp(erature)?s?|fever(ish)?|shiver(s|y|ing)?|rigou?rs|37\.[5-9]|3[89](\.\d)?\s*°?c?\b|thermometer|neutropeni[ac]|neutropenic|sepsis|infections?|bleed(ing|s)?|bruis(e|es|ing)|nosebleeds?|blood in (your|my|the) (wee|urine|poo|stools?)|breathless(ness)?|short(ness)? of breath|chest pains?|(can'?t|hard to|struggling to) (breathe|swallow|catch)|cough|confus(ed|ion)|unwell|not right|swollen|swelling|swells|puffy|red|painful|clots?|rash|shingles|thirsty|weeing|blood sugar|seizures?|fits?|lumps?|moles?|diarrhoea|fluids down|sunburn|blistery)\b/i;
/** What to do about it, now. */
const ACT =
  /\b(ring|rang|rung|ringing|call|phone|contact|go (in|to)|get (yourself )?(in|checked|seen)|get seen|come in|straight away|right away|immediately|at once|don'?t wait|do not wait|same day|that day|today|tonight|24[- ]?h(ou)?r|hotline|helpline|acute oncology|triage|a\s?&\s?e|999|111|ambulance|emergency|urgent(ly)?|tell (your|the|them)|let (your|the|them) (team|nurse|know)|check with|get (it|them|him|her) (seen|checked)|get straight to|show your gp|wait[- ]and[- ]see)\b/i;
/** Serious on its own: a reply that says so is advice to heed. */
const GRAVE =
  /\b(can be (very |really |extremely )?(serious|dangerous|life[- ]threatening)|neutropenic sepsis|sepsis)\b/i;
/** Stopping or changing treatment alone. */
const DONT_STOP = [
  /\b(don'?t|do not|never|not to|rather than)\b[^.!?]{0,30}\b(stop|stopping|halve|halving|skip|skipping|cut(ting)? down|fiddle|change|changing|come off)\w*\b[^.!?]{0,60}\b(yourself|your own|on (his|her|their) own|themselves|himself|herself|suddenly)\b/i,
  /\b(skip|cut down|halve|stop)\b[^.!?]{0,50}\b(on (your|his|her|their) own)\b/i,
  /\b(don'?t|do not|never|shouldn'?t|should not)\b[^.!?]{0,40}\b(stop|skip|come off|miss)\w*\b[^.!?]{0,60}\b(without|unless|until)\b[^.!?]{0,30}\b(team|consultant|doctor|haematologist|oncologist|nurse|cns|gp|pharmacist)\b/i,
  /\b(team|consultant|doctor|haematologist|oncologist)\b[^.!?]{0,40}\b(decide|say|tell you)\b[^.!?]{0,10}\bwhen (you|to) (stop|restart|start again)\b/i,
  /\b(on and off it|stopping and starting)\b[^.!?]{0,40}\b(your own|yourself)\b/i,
];
/** Telling the team about a symptom, firmly. */
const TELL_TEAM =
  /\b(always|must|need to|make sure (you|to)|please)\b[^.!?]{0,40}\b(tell|ring|call|let)\b[^.!?]{0,30}\b(team|nurse|cns|consultant|hotline|ward|doctor)\b/i;
/** The hotline itself: keep its number to hand, and use it without waiting to be sure. */
const HOTLINE = [
  /\b(keep|have|take a photo of|save)\b[^.!?]{0,40}\b(hotline|24[- ]?h(ou)?r|emergency) (number|card)\b/i,
  /\bcard with (the|your) (hotline|24[- ]?h(ou)?r|emergency) number\b/i,
  /\b(keep ringing|ring (them|the hotline) for anything|would (always )?rather (hear from you|you rang|you called))\b/i,
  /\b(tell you to|say to) come in\b[^.!?]{0,10}\bgo( in)?\b/i,
];
/** Every prescriber should know: clashes are caught before they happen. */
const TELL_PRESCRIBER =
  /\b(tell|check with|ask)\b[^.!?]{0,30}\b(pharmacist|prescrib\w*|anaesthetist|dentist|whoever|anyone who)\b/i;
/** Medicines and food that clash with treatment, and driving when it is not safe. */
const CLASHES =
  /\b(supplements?|grapefruit( juice)?|seville|alcohol|live vaccines?|paracetamol|indigestion remedies|antibiotics and antifungals|st\.? john'?s wort|turmeric|echinacea|fish oil|herbal remedies|vit(amin)?\.? [a-z]\b[^.!?]{0,20}high dose)\b/i;
const CLASH_ADVICE =
  /\b(check|ask|avoid|no|don'?t|do not|without asking|interact\w*|make[^.!?]{0,20}worse|mix|leave [^.!?]{0,30}alone|push[^.!?]{0,20}up|before you('ve)? r[ia]ng|brings? it down)\b/i;
const DRIVING = /\b(not (allowed )?to drive|no driving|don'?t drive|shouldn'?t drive|safe to drive, so don'?t)\b/i;
/** Someone in danger of harming themselves: the urgent ways to help. */
const CRISIS_HELP = [
  /\b(999|a\s?&\s?e|crisis (line|team))\b[^.!?]*\b(you|someone|anyone|ring|call|talk|go)\b/i,
  /\b(ring|call|talk to|tell)\b[^.!?]{0,20}\b(someone|somebody|samaritans|your (gp|wife|husband|partner|family|mum|dad))\b[^.!?]{0,20}\b(today|tonight|now|straight away)\b/i,
  /\b(don'?t|do not) (go|do) (it|this) alone\b/i,
  // Someone at home who knows what to watch for.
  /\btell (your|the) (family|wife|husband|partner|kids|children|carer)\b(?![^.!?]{0,12}\b(she|he|they)('s| is| are)\b)/i,
];

/** Said to the reader ("ring them", "if you…"), not a story of what happened once. */
const ADVISES =
  /\b(you|your|yours|if|ring|call|phone|don'?t|do not|always|must|make sure|should|need to|go to|get|anyone|everyone|please|keep|remember|avoid|no)\b/i;

/** The helpline for someone in crisis, given to the reader (not "I rang the Samaritans last night"). */
const SAMARITANS = /\b(samaritans|116 ?123)\b/i;
const OWN_CALL = /\bI('ve| have)? (rang|called|phoned|saved|rung)\b/i;
/** Asking, not advising: "Can I ask, should I give him paracetamol…". */
const ASKING = /(\?\s*$|^(can|could|should|shall|do|does) (i|we)\b)/i;
/** Sun on skin that treatment (or GvHD) has made fragile. */
const SUN = /\b(factor \d{2}|sun ?cream|sunscreen|out of (the )?(strong )?sun)\b/i;
/** A missed dose made up by doubling the next. */
const DOUBLE_DOSE = /\b(don'?t|do not|never)\b[^.!?]{0,30}\b(double|double up|two doses)\b/i;
const HAS_THERMOMETER = /\b(get|keep|buy|have|got)\b[^.!?]{0,20}\bthermometer\b/i;

export function isSafetyAdvice(sentence: string): boolean {
  sentence = straight(sentence);
  if (ASKING.test(sentence.trim())) return false;
  if (SAMARITANS.test(sentence) && (!OWN_CALL.test(sentence) || /\b(please|you|ring them)\b/i.test(sentence)))
    return true;
  if (SUN.test(sentence) || DOUBLE_DOSE.test(sentence)) return true;
  if (DONT_STOP.some((re) => re.test(sentence)) || GRAVE.test(sentence)) return true;
  if (HOTLINE.some((re) => re.test(sentence)) || CRISIS_HELP.some((re) => re.test(sentence))) return true;
  if (DRIVING.test(sentence) || (CLASHES.test(sentence) && CLASH_ADVICE.test(sentence))) return true;
  if (TELL_PRESCRIBER.test(sentence) || HAS_THERMOMETER.test(sentence)) return true;
  if (!DANGER.test(sentence)) return false;
  if (/\b(999|a\s?&\s?e)\b/i.test(sentence)) return true;
  return (ACT.test(sentence) && ADVISES.test(sentence)) || TELL_TEAM.test(sentence);
}

/**
 * A post that speaks of suicide or self-harm, the writer's own or someone's: the panel
 * shows where to get help at once, and the post is never cut up into key points.
 */
const CRISIS =
  /\b(suicid\w*|kill(ing)? (myself|himself|herself|themselves)|end(ing)? (it all|my life|his life|her life|things)|take (my|his|her) own life|taking (my|his|her) own life|better off without me|(don'?t|do not) want to (be here|live|go on|wake up)|no point (in )?(living|going on|being here)|self[- ]?harm\w*|hurt(ing)? myself|harm(ing)? myself|want(ed)? to die|wish(ed)? i (was|were) dead|wish(ed)? i wasn'?t here|not wanting to be here|(better|better off|manage better|be fine|cope better) (if|without) (i wasn'?t|i weren'?t|me)( here| around)?|if i wasn'?t (here|around))\b/i;

export function speaksOfCrisis(text: string): boolean {
  return CRISIS.test(straight(text));
}
