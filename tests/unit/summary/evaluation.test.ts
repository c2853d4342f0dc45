import { describe, expect, it } from 'vitest';
import evalSet from '../../summary-eval/threads.json' with { type: 'json' };
import { loadGlossary } from '../../../utils/glossary/load';
import { createMatcher } from '../../../utils/glossary/matcher';
import { scoreThread, type EvalThread } from '../../../utils/summary/evaluate';
import { summarise } from '../../../utils/summary/summarise';

/**
 * The targets of `npm run bench -- summary` on the threads written for it, held here so a
 * change that drops a safety sentence or repeats a point fails the tests, not only the bench.
 */
const { entries, byId } = loadGlossary();
const opts = { matcher: createMatcher(entries), entries: byId };
const threads = (evalSet as { threads: EvalThread[] }).threads;
const scores = threads.map((t) => scoreThread(t, summarise({ title: t.title, posts: t.posts }, opts)));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('summaries of the evaluation threads', () => {
  it('has at least ten threads of 10 to 60 posts', () => {
    expect(threads.length).toBeGreaterThanOrEqual(10);
    for (const t of threads) expect(t.posts.length).toBeGreaterThanOrEqual(10);
  });

  it('beats the lead baseline by at least 0.15 ROUGE-1', () => {
    expect(mean(scores.map((s) => s.rouge1)) - mean(scores.map((s) => s.lead1))).toBeGreaterThanOrEqual(0.15);
  });

  it('shows every safety sentence', () => {
    expect(scores.flatMap((s) => s.safetyMissed.map((m) => `${s.id}: ${m}`))).toEqual([]);
  });

  it('repeats no point and shows no chatter', () => {
    expect(scores.filter((s) => s.repeats > 0).map((s) => s.id)).toEqual([]);
    expect(scores.flatMap((s) => s.chatter)).toEqual([]);
  });

  it('signposts every post about suicide and takes no point from it', () => {
    expect(scores.flatMap((s) => s.sensitiveMissed)).toEqual([]);
    expect(scores.reduce((n, s) => n + s.fromSensitive, 0)).toBe(0);
  });

  it('keeps points short, at most two from a post, and the hedges of the claims it shows', () => {
    for (const s of scores) {
      expect(s.longestPointWords).toBeLessThanOrEqual(41);
      expect(s.mostFromOnePost).toBeLessThanOrEqual(2);
    }
    expect(scores.flatMap((s) => s.caveatsDropped)).toEqual([]);
  });

  it('finds the question the asker asked', () => {
    expect(mean(scores.map((s) => s.questionRecall))).toBeGreaterThanOrEqual(0.9);
  });
});
