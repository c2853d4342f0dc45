import { readFile } from 'node:fs/promises';
import { loadGlossary } from '../utils/glossary/load';
import { createMatcher } from '../utils/glossary/matcher';
import { evalSetSchema, evaluate } from '../utils/glossary/evaluate';

/**
 * `npm run -s glossary:eval [-- --verbose]`: the matcher on the project's evaluation sets
 * (tests/glossary-eval), as a reader with the default settings sees it: words everyone knows
 * are left out. posts.json carries the targets; holdout.json was written after the glossary
 * was extended from posts.json's misses and never used to choose entries.
 */
const verbose = process.argv.includes('--verbose');
const { entries } = loadGlossary();
const matcher = createMatcher(entries);
const common = new Set(entries.filter((e) => e.tier === 'common').map((e) => e.id));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

for (const [name, target] of [
  ['holdout.json', '(held out: never used to choose entries)'],
  ['posts.json', '(target: recall at least 95%, no false positive)'],
] as const) {
  const file = new URL(`../tests/glossary-eval/${name}`, import.meta.url);
  const parsed = evalSetSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    console.error(`${name} is not a valid evaluation set: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
    process.exit(2);
  }
  const r = evaluate(parsed.data, matcher, (ids) => !ids.every((id) => common.has(id)));
  if (verbose) {
    for (const m of r.missed) console.log(`${name} missed  ${m.post}  ${m.form}  (${m.term})`);
    for (const f of r.falsePositives) console.log(`${name} false+  ${f.post}  ${f.text}`);
    for (const b of r.badLabels) console.log(`${name} label?  ${b}`);
  }
  console.log(
    `glossary eval, ${name}: ${r.posts} posts, ${entries.length} entries; recall ${pct(r.recall)} (${r.found}/${r.must}), ` +
      `false positives ${r.falsePositives.length}, precision ${pct(r.precision)} (${r.underlines} underlines) ${target}`,
  );
}
