/**
 * `npm run bench -- NAME` runs bench/NAME.ts. Each benchmark measures Threadside against a
 * named baseline in the same run and ends with one line:
 *   bench NAME: <figures, ratio against the baseline> (target …)
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));

const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME   (NAME is one of: ${available.join(', ') || 'none yet'})`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as {
  run(args: string[]): void | Promise<void>;
};
await mod.run(process.argv.slice(3));
