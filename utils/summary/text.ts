import { stemmer } from 'stemmer';

/** Words for comparing sentences: lower case, no stop words, Porter stems ("tablets" = "tablet"). */
const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers him his how i if
  in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own
  same she should so some such than that the their them then there these they this those through to too under until up
  very was we were what when where which while who whom why will with would you your yours also get got really just one
  hi hello thanks thank dear x xx lot lots much many well still even`.split(/\s+/),
);

/** Stems, remembered: a thread says the same words again and again. Bounded, for very long threads. */
const stems = new Map<string, string>();
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word.replace(/'s$/, ''));
    if (stems.size > 50_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

export function contentWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  return words.filter((w) => !STOP.has(w) && w.length > 1).map(stem);
}

/** Greetings, thanks and support chatter: kind, but not what a summary is for. */
const CHATTER = [
  /\bwelcome\b.*\b(forum|community|here)\b/i,
  /\b(take care|sending (hugs|love|best wishes)|best wishes|good luck|hugs|thinking of you|all the best)\b/i,
  /^(hi|hello|hey|morning|evening|dear)\b[^.!?]{0,25}[.!?,]?$/i,
  /^(thanks?|thank you|many thanks|cheers)\b/i,
  /\b(i hope (you|others|this)|hope (you|this) helps?|you('re| are) not alone)\b/i,
  /\bgreat to hear from you\b/i,
  // Sign-offs: warm, and never a point to take away.
  /\b(onwards and upwards|fingers crossed|keep (us|me) posted|let (us|me) know how (you|it|things) (get|gets|go|goes)|stay strong|keep (fighting|going|smiling)|big hugs?|love and light|be kind to yourself|you've got this|you got this)\b/i,
  /\bhope (you|it|all|things|everything|that|the)\b.{0,40}\b(soon|well|ok|okay|helps?|goes|go|went|works?( out)?)\b/i,
  /^(wishing|sending)\b/i,
];

/** Curly apostrophes as straight ones: phones type ’, the patterns are written with '. */
export const straight = (text: string) => text.replace(/[\u2018\u2019\u02bc]/g, "'");

/** Sympathy: it matters to the asker, but it answers nothing. */
const SYMPATHY = [
  /\b(so sorry|sorry to hear|sorry (that )?you('re| are)|(totally|completely|very|perfectly) understandable|must be (so |really )?(hard|tough|difficult|scary|frightening|worrying))\b/i,
  /\b(you('ve| have)|you seem to have|sounds like you('ve| have)) (been|gone) through (a lot|so much|the mill|an awful lot|a really)\b/i,
  /\bi hope you (get|find|have|hear|feel)\b/i,
  /\bwhat (sounds like|must be) a (really |very )?(tough|hard|difficult|awful)\b/i,
];

export function isChatter(sentence: string): boolean {
  sentence = straight(sentence);
  if (SYMPATHY.some((re) => re.test(sentence)) && contentWords(sentence).length < 20) return true;
  const hits = CHATTER.filter((re) => re.test(sentence)).length;
  if (hits === 0) return false;
  // "Hi, I have refractory DLBC." greets but also says something: keep what has substance.
  return hits >= 2 || contentWords(sentence).length < 6;
}

const FIRST_HAND =
  /\b(i had|i have had|i've had|i was|i am|i'm|i have|my (husband|wife|partner|son|daughter|mum|mother|dad|father|brother|sister|consultant|haematologist|nurse|cns|scan|bloods|treatment)|we were|we had)\b/i;

export function isFirstHand(sentence: string): boolean {
  return FIRST_HAND.test(straight(sentence));
}
