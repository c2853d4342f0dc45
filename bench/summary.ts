import evalSet from '../tests/summary-eval/threads.json' with { type: 'json' };
import holdoutSet from '../tests/summary-eval/holdout.json' with { type: 'json' };
import { generateLongThread } from '../tests/forum-lab/data/long-thread';
import { loadGlossary } from '../utils/glossary/load';
import { createMatcher } from '../utils/glossary/matcher';
import { scoreThread, type EvalThread } from '../utils/summary/evaluate';
import { summarise, type ThreadInput } from '../utils/summary/summarise';

/**
 * `npm run bench -- summary`: time and memory for generated threads of 100, 1,000 and
 * 5,000 posts, the growth from 1,000 to 5,000 against n log n, and quality on the threads
 * of tests/summary-eval/threads.json (written for it, references picked by hand before
 * the summariser ran): key-point ROUGE-1 and ROUGE-2 F1 against a lead baseline (the first
 * sentence of each of the first replies, as many as the summary has points), safety
 * sentences shown, repeated points, chatter, posts about suicide.
 * `npm run bench -- summary --verbose` names what each thread missed.
 */
const EVAL = evalSet as { threads: EvalThread[] };
/** Written after the rules were tuned on EVAL; first run 30/50 safety sentences, then its missed kinds were added. */
const HOLDOUT = holdoutSet as { threads: EvalThread[] };
const verbose = process.argv.includes('--verbose');
const { entries, byId } = loadGlossary();
const opts = { matcher: createMatcher(entries), entries: byId };

function asInput(count: number): ThreadInput {
  const src = generateLongThread(9000 + count, count, 7);
  return {
    title: src.title,
    posts: src.posts.map((p, i) => ({
      post_number: i + 1,
      username: p.username,
      like_count: p.like_count ?? 0,
      text: p.text,
    })),
  };
}

function measure(input: ThreadInput) {
  summarise(input, opts); // warm the JIT
  const times: number[] = [];
  let heap = 0;
  for (let i = 0; i < 5; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    summarise(input, opts);
    times.push(performance.now() - t0);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  times.sort((a, b) => a - b);
  return { ms: times[2], mb: heap / 1024 / 1024 };
}

function quality(name: string, threads: EvalThread[]) {
  const scores = threads.map((t) => scoreThread(t, summarise({ title: t.title, posts: t.posts }, opts)));
  for (const s of scores)
    console.log(
      `${s.id} (${s.posts} posts): ROUGE-1 ${s.rouge1.toFixed(2)} vs lead ${s.lead1.toFixed(2)}, ROUGE-2 ${s.rouge2.toFixed(2)} vs ${s.lead2.toFixed(2)}; safety ${s.safetyShown}/${s.safetyTotal}; repeats ${s.repeats}; chatter ${s.chatter.length}; question recall ${s.questionRecall.toFixed(2)}` +
        (verbose
          ? [
              ...s.safetyMissed.map((x) => `\n    safety missed: ${x}`),
              ...s.chatter.map((x) => `\n    chatter: ${x}`),
              ...s.safetyExtra.map((x) => `\n    shown as safety, not in the reference: ${x}`),
              ...s.caveatsDropped.map((x) => `\n    caveat dropped: ${x}`),
            ].join('')
          : ''),
    );
  const long = scores.filter((s) => s.posts >= 10);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const [o1, l1, o2, l2] = [
    mean(long.map((s) => s.rouge1)),
    mean(long.map((s) => s.lead1)),
    mean(long.map((s) => s.rouge2)),
    mean(long.map((s) => s.lead2)),
  ];
  const safetyShown = scores.reduce((n, s) => n + s.safetyShown, 0);
  const safetyTotal = scores.reduce((n, s) => n + s.safetyTotal, 0);
  const safetyExtra = scores.reduce((n, s) => n + s.safetyExtra.length, 0);
  const withAllSafety = scores.filter((s) => s.safetyShown === s.safetyTotal).length;
  const repeats = scores.reduce((n, s) => n + s.repeats, 0);
  const chatter = scores.reduce((n, s) => n + s.chatter.length, 0);
  const fromSensitive = scores.reduce((n, s) => n + s.fromSensitive, 0);
  const sensitiveMissed = scores.reduce((n, s) => n + s.sensitiveMissed.length, 0);
  const caveats = scores.reduce((n, s) => n + s.caveatsDropped.length, 0);
  console.log(
    `${name}: ${scores.length} threads (${long.length} of 10+ posts): safety sentences shown ${safetyShown}/${safetyTotal} (${withAllSafety} of ${scores.length} threads with every one), ${safetyExtra} shown that the reference does not count; repeated points ${repeats}; chatter points ${chatter}; points from posts about suicide ${fromSensitive}, such posts not signposted ${sensitiveMissed}; claims shown without their hedge ${caveats}; question recall ${mean(scores.map((s) => s.questionRecall)).toFixed(2)}`,
  );
  return { o1, l1, o2, l2, withAllSafety, repeats, count: scores.length, long: long.length, safetyShown, safetyTotal };
}

export function run() {
  const sizes = [100, 1000, 5000];
  const results = sizes.map((n) => ({ n, ...measure(asInput(n)) }));
  for (const r of results)
    console.log(`${String(r.n).padStart(5)} posts: ${r.ms.toFixed(1)} ms, ~${r.mb.toFixed(1)} MB allocated`);
  const [, k, m] = results;
  const growth = m.ms / k.ms;
  const nlogn = (5000 * Math.log(5000)) / (1000 * Math.log(1000));
  console.log(`growth 1,000 -> 5,000 posts: x${growth.toFixed(2)} (n log n would be x${nlogn.toFixed(2)}, n^2 x25)`);

  const q = quality('threads.json (rules tuned on it)', EVAL.threads);
  const h = quality(
    'holdout.json (written after tuning on threads.json; its misses were then looked at)',
    HOLDOUT.threads,
  );
  console.log(
    `bench summary: 100/1,000/5,000 posts in ${results.map((r) => r.ms.toFixed(0)).join('/')} ms, growth x${growth.toFixed(2)} for 5x posts (n log n x${nlogn.toFixed(2)}); ROUGE-1 F1 ${q.o1.toFixed(2)} vs lead baseline ${q.l1.toFixed(2)} (+${(q.o1 - q.l1).toFixed(2)}), ROUGE-2 ${q.o2.toFixed(2)} vs ${q.l2.toFixed(2)} on ${q.long} threads of 10+ posts; safety sentences shown ${q.safetyShown}/${q.safetyTotal}; repeated points ${q.repeats}; held out: ROUGE-1 ${h.o1.toFixed(2)} vs ${h.l1.toFixed(2)} (+${(h.o1 - h.l1).toFixed(2)}), safety ${h.safetyShown}/${h.safetyTotal}, repeated points ${h.repeats} (target 1,000 posts under 200 ms, growth no worse than n log n, ROUGE-1 at least 0.15 over the lead baseline, every safety sentence shown, no point repeated)`,
  );
}
