// The content script is compiled on every forum page a reader opens, so its size is held to a
// budget. After a build: fails when the built content script is over the budget, or when the
// README states another size than the build's (`--write` puts the measured size there).
import { readFileSync, statSync, writeFileSync } from 'node:fs';

// 5 kB of it are the UI's styles, built in so that no page has to fetch them.
const BUDGET_KB = 70;
const BUILT = '.output/chrome-mv3/content-scripts/content.js';
const README = 'README.md';
const STATED = /(<!-- content-script-size -->)[^<]*(<!-- \/content-script-size -->)/;

let bytes;
try {
  bytes = statSync(BUILT).size;
} catch {
  console.error(`No built content script at ${BUILT}: run "npm run build" first.`);
  process.exit(1);
}
// kB as the build reports it (1,000 bytes), whole, so small changes do not move it.
const kb = Math.round(bytes / 1000);
const readme = readFileSync(README, 'utf8');
if (!STATED.test(readme)) {
  console.error(`${README} has no <!-- content-script-size --> marker for the measured size.`);
  process.exit(1);
}
const stated = `${kb} kB`;
if (process.argv.includes('--write')) writeFileSync(README, readme.replace(STATED, `$1${stated}$2`));
else if (readme.match(STATED)[0] !== `<!-- content-script-size -->${stated}<!-- /content-script-size -->`) {
  console.error(
    `${README} states another content-script size than the build's ${stated}: run "npm run size -- --write".`,
  );
  process.exit(1);
}
if (bytes > BUDGET_KB * 1000) {
  console.error(
    `The content script is ${stated}, over its budget of ${BUDGET_KB} kB. Keep heavy code in the background.`,
  );
  process.exit(1);
}
console.log(`content script: ${stated} (budget ${BUDGET_KB} kB)`);
