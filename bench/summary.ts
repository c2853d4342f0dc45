import carT from '../tests/forum-lab/data/car-t-thread.json' with { type: 'json' };
import { generateLongThread } from '../tests/forum-lab/data/long-thread';
import { ORDINARY_THREADS } from '../tests/forum-lab/data/ordinary-threads';
import { loadGlossary } from '../utils/glossary/load';
import { createMatcher } from '../utils/glossary/matcher';
import { rougeN } from '../utils/summary/rouge';
import { splitSentences } from '../utils/summary/sentences';
import { summarise, type ThreadInput } from '../utils/summary/summarise';
import { REFERENCES } from './summary-references';

/**
 * `npm run bench -- summary`: time and memory for generated threads of 100, 1,000 and
 * 5,000 posts, the growth from 1,000 to 5,000 against n log n, and key-point quality
 * (ROUGE-1 and ROUGE-2 F1 against hand-picked references) against a lead baseline: the
 * first sentence of each of the first replies, as many as the summary has points.
 */
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

const ordinary = (slug: string): ThreadInput => {
  const t = ORDINARY_THREADS.find((x) => x.slug === slug)!;
  return {
    title: t.title,
    posts: t.posts.map((p, i) => ({
      post_number: i + 1,
      username: p.username,
      like_count: p.like_count ?? 0,
      text: p.text,
    })),
  };
};

export function run() {
  const sizes = [100, 1000, 5000];
  const results = sizes.map((n) => ({ n, ...measure(asInput(n)) }));
  for (const r of results)
    console.log(`${String(r.n).padStart(5)} posts: ${r.ms.toFixed(1)} ms, ~${r.mb.toFixed(1)} MB allocated`);
  const [, k, m] = results;
  const growth = m.ms / k.ms;
  const nlogn = (5000 * Math.log(5000)) / (1000 * Math.log(1000));
  console.log(`growth 1,000 -> 5,000 posts: x${growth.toFixed(2)} (n log n would be x${nlogn.toFixed(2)}, n^2 x25)`);

  const threads: Record<string, ThreadInput> = {
    'car-t': carT,
    hickman: ordinary('hickman-line-or-picc'),
    fatigue: ordinary('fatigue-months-after-chemo'),
  };
  let sumOurs1 = 0;
  let sumLead1 = 0;
  let sumOurs2 = 0;
  let sumLead2 = 0;
  for (const [name, input] of Object.entries(threads)) {
    const s = summarise(input, opts);
    const ours = s.keyPoints.map((p) => p.text).join(' ');
    const lead = input.posts
      .slice(1, 1 + s.keyPoints.length)
      .map((p) => splitSentences(p.text)[0]?.text ?? '')
      .join(' ');
    const ref = REFERENCES[name].join(' ');
    const [o1, l1, o2, l2] = [rougeN(ours, ref, 1), rougeN(lead, ref, 1), rougeN(ours, ref, 2), rougeN(lead, ref, 2)];
    sumOurs1 += o1.f1;
    sumLead1 += l1.f1;
    sumOurs2 += o2.f1;
    sumLead2 += l2.f1;
    console.log(
      `${name}: ROUGE-1 F1 ${o1.f1.toFixed(2)} vs lead ${l1.f1.toFixed(2)}; ROUGE-2 F1 ${o2.f1.toFixed(2)} vs lead ${l2.f1.toFixed(2)}`,
    );
  }
  const t = Object.keys(threads).length;
  console.log(
    `bench summary: 100/1,000/5,000 posts in ${results.map((r) => r.ms.toFixed(0)).join('/')} ms, growth x${growth.toFixed(2)} for 5x posts (n log n x${nlogn.toFixed(2)}); ROUGE-1 F1 ${(sumOurs1 / t).toFixed(2)} vs lead baseline ${(sumLead1 / t).toFixed(2)}, ROUGE-2 ${(sumOurs2 / t).toFixed(2)} vs ${(sumLead2 / t).toFixed(2)} (target 1,000 posts under 200 ms, growth no worse than n log n, beat the lead baseline)`,
  );
}
