// Sums Vitest JSON reports (unit, e2e) and CI's own checks (check-*.json) into the plain line CI prints.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A file that failed to load has no failed test of its own; count it so it cannot pass silently.
  for (const file of report.testResults ?? [])
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) failed += 1;
}
// The e2e run never reported (the build failed, say): that is a failure too.
if (!files.some((f) => f.includes('e2e'))) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
