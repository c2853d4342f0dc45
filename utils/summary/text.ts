/** Words for comparing sentences: lower case, no stop words, light stemming. */
const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers him his how i if
  in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own
  same she should so some such than that the their them then there these they this those through to too under until up
  very was we were what when where which while who whom why will with would you your yours also get got really just one
  hi hello thanks thank dear x xx lot lots much many well still even`.split(/\s+/),
);

function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s)$/, '');
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
];

export function isChatter(sentence: string): boolean {
  const hits = CHATTER.filter((re) => re.test(sentence)).length;
  if (hits === 0) return false;
  // "Hi, I have refractory DLBC." greets but also says something: keep what has substance.
  return hits >= 2 || contentWords(sentence).length < 6;
}

const FIRST_HAND =
  /\b(i had|i have had|i've had|i was|i am|i'm|i have|my (husband|wife|partner|son|daughter|mum|mother|dad|father|brother|sister|consultant|haematologist|nurse|cns|scan|bloods|treatment)|we were|we had)\b/i;

export function isFirstHand(sentence: string): boolean {
  return FIRST_HAND.test(sentence);
}
