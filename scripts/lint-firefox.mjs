// `npm run lint:firefox`: Mozilla's addons-linter on the Firefox store package, as the add-ons
// store runs it. Fails on any error, and on any warning not listed (and explained in the
// README) below: a new warning is a new question to answer, not noise.
import { spawnSync } from 'node:child_process';

const PACKAGE = '.output/firefox-mv3';

/** Warnings we know and why they stay; `file` is the start of the bundled file's name. */
const EXPLAINED = [
  // zod's probe for eval (`Function('')` in try/catch), skipped at run time: z.config({ jitless: true }).
  { code: 'DANGEROUS_EVAL', file: 'background.js' },
  { code: 'DANGEROUS_EVAL', file: 'chunks/options-' },
  // React DOM's own innerHTML: for dangerouslySetInnerHTML (never used here) and <script> creation.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'chunks/theme-' },
];

const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('lint:firefox: the Firefox build failed.');
  process.exit(1);
}
const run = spawnSync('npx', ['addons-linter', '--output', 'json', PACKAGE], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`lint:firefox: addons-linter gave no report.\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const show = (m) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
const unexplained = report.warnings.filter(
  (w) => !EXPLAINED.some((e) => e.code === w.code && (w.file ?? '').startsWith(e.file)),
);
console.log(
  `addons-linter: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained in the README), ${report.notices.length} notices`,
);
for (const e of report.errors) console.log(show(e));
for (const w of unexplained) console.log(`${show(w)}  (not explained)`);
process.exit(report.errors.length === 0 && unexplained.length === 0 ? 0 : 1);
