import { readFile } from 'node:fs/promises';
import { runGlossaryCli } from '../utils/glossary/cli';
import { loadGlossary } from '../utils/glossary/load';

async function readStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

process.exitCode = await runGlossaryCli(
  process.argv.slice(2),
  {
    readFile: (path) => readFile(path, 'utf8'),
    readStdin,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
  loadGlossary().entries,
);
