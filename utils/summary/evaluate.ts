import { rougeN } from './rouge';
import { splitSentences } from './sentences';
import { featuresOf, likeness } from './similarity';
import type { Summary, ThreadInput } from './summarise';

/**
 * Scores summaries against references picked by hand before the summariser ran
 * (tests/summary-eval/threads.json): key-point ROUGE beside a lead baseline, and the checks
 * a reader would notice — safety advice left out, a point repeated, chatter or a post
 * about suicide mined for points, the question missed.
 */
export interface EvalThread {
  id: string;
  title: string;
  category?: string;
  posts: ThreadInput['posts'];
  reference: {
    question: string;
    keyPoints: string[];
    safety: string[];
    safetyPosts: number[];
    caveats: Array<{ claim: string; hedge: string; post: number }>;
    repeated: string[];
    sensitivePosts: number[];
    mustNotBeKeyPoints: string[];
  };
}

export interface ThreadScore {
  id: string;
  posts: number;
  rouge1: number;
  rouge2: number;
  lead1: number;
  lead2: number;
  /** Reference safety sentences the summary shows (in its safety section or as a point). */
  safetyShown: number;
  safetyTotal: number;
  safetyMissed: string[];
  /** Sentences the safety section shows that the reference does not count as safety advice. */
  safetyExtra: string[];
  /** Pairs of key points that make the same point, and points beyond the first that show an idea the reference marks as repeated in the thread. */
  repeats: number;
  /** Key points that are chatter or sign-offs the reference ruled out. */
  chatter: string[];
  /** Key points taken from a post about suicide or self-harm. */
  fromSensitive: number;
  /** Sensitive posts the summary did not flag for signposting. */
  sensitiveMissed: number[];
  /** Claims the summary shows whose hedge it left out. */
  caveatsDropped: string[];
  /** ROUGE-1 recall of the reference question by the summary's. */
  questionRecall: number;
  longestPointWords: number;
  /** The most points from one post. */
  mostFromOnePost: number;
}

/** Fixed here, apart from the summariser's own threshold, so tuning one cannot flatter the other. */
const SAME_POINT = 0.55;
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
const sameText = (a: string, b: string) => {
  const x = norm(a).replace(/…$/, '');
  const y = norm(b).replace(/…$/, '');
  return x.includes(y) || y.includes(x) || likeness(featuresOf(a), featuresOf(b)) >= SAME_POINT;
};

/** The lead baseline: the first sentence of each of the first replies, as many as the summary has points. */
export function leadBaseline(thread: { posts: ThreadInput['posts'] }, points: number): string {
  return thread.posts
    .filter((p) => p.post_number > 1)
    .slice(0, points)
    .map((p) => splitSentences(p.text)[0]?.text ?? '')
    .join(' ');
}

export function scoreThread(t: EvalThread, s: Summary): ThreadScore {
  const points = s.keyPoints.map((k) => (k.caveat ? `${k.text} ${k.caveat}` : k.text));
  const ours = points.join(' ');
  const ref = t.reference.keyPoints.join(' ');
  const lead = leadBaseline(t, Math.max(1, s.keyPoints.length));
  const shown = [...s.safety.map((x) => x.text), ...s.keyPoints.map((k) => k.text)];
  const safetyMissed = t.reference.safety.filter((r) => !shown.some((x) => sameText(x, r)));
  let repeats = 0;
  const f = s.keyPoints.map((k) => featuresOf(k.text));
  for (let i = 0; i < f.length; i++)
    for (let j = i + 1; j < f.length; j++) if (likeness(f[i], f[j]) >= SAME_POINT) repeats++;
  // The thread's repeated ideas ("it's your decision in the end"): shown at most once.
  for (const r of t.reference.repeated) {
    const showing = s.keyPoints.filter((k) => splitSentences(k.text).some((x) => sameText(x.text, r))).length;
    repeats += Math.max(0, showing - 1);
  }
  const perPost = new Map<number, number>();
  for (const k of s.keyPoints) perPost.set(k.postNumber, (perPost.get(k.postNumber) ?? 0) + 1);
  const caveatsDropped = t.reference.caveats
    .filter((c) => points.some((p) => sameText(p, c.claim)))
    .filter((c) => {
      // Its first words are enough: a clipped point may end inside the hedge.
      const opening = norm(c.hedge).split(' ').slice(0, 4).join(' ');
      return !points.some((p) => norm(p).includes(opening) || sameText(p, c.hedge));
    })
    .map((c) => c.claim);
  return {
    id: t.id,
    posts: t.posts.length,
    rouge1: rougeN(ours, ref, 1).f1,
    rouge2: rougeN(ours, ref, 2).f1,
    lead1: rougeN(lead, ref, 1).f1,
    lead2: rougeN(lead, ref, 2).f1,
    safetyShown: t.reference.safety.length - safetyMissed.length,
    safetyTotal: t.reference.safety.length,
    safetyMissed,
    safetyExtra: s.safety.map((x) => x.text).filter((x) => !t.reference.safety.some((r) => sameText(x, r))),
    repeats,
    chatter: s.keyPoints.map((k) => k.text).filter((k) => t.reference.mustNotBeKeyPoints.some((m) => sameText(k, m))),
    fromSensitive: s.keyPoints.filter((k) => t.reference.sensitivePosts.includes(k.postNumber)).length,
    sensitiveMissed: t.reference.sensitivePosts.filter((n) => !s.crisisPosts.includes(n)),
    caveatsDropped,
    questionRecall: s.question ? rougeN(s.question.text, t.reference.question, 1).recall : 0,
    longestPointWords: Math.max(0, ...s.keyPoints.map((k) => k.text.split(/\s+/).length)),
    mostFromOnePost: Math.max(0, ...perPost.values()),
  };
}
