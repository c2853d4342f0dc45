import { readFile } from 'node:fs/promises';
import { loadGlossary } from '../utils/glossary/load';
import { createMatcher } from '../utils/glossary/matcher';
import { parseThreadInput } from '../utils/summary/input';
import { summaryToText } from '../utils/summary/render-text';
import { summarise } from '../utils/summary/summarise';

/** `npm run -s summarize -- FILE.json [--json]`: summarise a thread file on this computer. */
const args = process.argv.slice(2);
const json = args.includes('--json');
const file = args.find((a) => a !== '--json');
if (!file) {
  process.stderr.write(
    'usage: npm run -s summarize -- FILE.json [--json]   (FILE: {"title", "posts": [{post_number, username, like_count, text}]})\n',
  );
  process.exit(2);
}
let text: string;
try {
  text = await readFile(file, 'utf8');
} catch (err) {
  process.stderr.write(
    `summarize: cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`,
  );
  process.exit(2);
}
const parsed = parseThreadInput(text);
if (!parsed.ok) {
  process.stderr.write(`summarize: ${file} is not a thread file: ${parsed.message}\n`);
  process.exit(2);
}
const { entries, byId } = loadGlossary();
const summary = summarise(parsed.thread, { matcher: createMatcher(entries), entries: byId });
process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : `${summaryToText(summary)}\n`);
