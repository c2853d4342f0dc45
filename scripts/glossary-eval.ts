import { readFile } from 'node:fs/promises';
import { loadGlossary } from '../utils/glossary/load';
import { createMatcher } from '../utils/glossary/matcher';
import { evalSetSchema, evaluate } from '../utils/glossary/evaluate';

/**
 * `npm run -s glossary:eval [-- --verbose]`: the matcher on the project's evaluation set
 * (tests/glossary-eval), as a reader with the default settings sees it: words everyone knows
 * are left out.
 */
const verbose = process.argv.includes('--verbose');
const file = new URL('../tests/glossary-eval/posts.json', import.meta.url);
const parsed = evalSetSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
if (!parsed.success) {
  console.error(`The evaluation set is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  process.exit(2);
}
const { entries } = loadGlossary();
const common = new Set(entries.filter((e) => e.tier === 'common').map((e) => e.id));
const r = evaluate(parsed.data, createMatcher(entries), (ids) => !ids.every((id) => common.has(id)));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
if (verbose) {
  for (const m of r.missed) console.log(`missed  ${m.post}  ${m.form}  (${m.term})`);
  for (const f of r.falsePositives) console.log(`false+  ${f.post}  ${f.text}`);
  for (const b of r.badLabels) console.log(`label?  ${b}`);
}
console.log(
  `glossary eval: ${r.posts} posts, ${entries.length} entries; recall ${pct(r.recall)} (${r.found}/${r.must}), ` +
    `false positives ${r.falsePositives.length}, precision ${pct(r.precision)} (${r.underlines} underlines) ` +
    `(target: recall at least 95%, no false positive)`,
);
