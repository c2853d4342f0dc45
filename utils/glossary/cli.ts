import type { GlossaryEntry } from './schema';
import { createMatcher } from './matcher';

/**
 * `npm run -s glossary -- FILE`: one JSON line per match in a plain-text file (or stdin with
 * "-"), for glossary maintainers checking what lights up and what does not.
 */
export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = 'usage: npm run -s glossary -- FILE   (FILE is a plain-text file, or - for standard input)';

export async function runGlossaryCli(argv: string[], io: CliIo, entries: GlossaryEntry[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1 || file === '--help' || file === '-h') {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`glossary: cannot read ${file}${code === 'ENOENT' ? ': no such file' : `: ${(err as Error).message}`}`);
    return 2;
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const matcher = createMatcher(entries);
  for (const m of matcher.match(text)) {
    for (const id of m.ids) {
      io.out(JSON.stringify({ start: m.start, end: m.end, text: m.text, id, term: byId.get(id)?.term ?? id }));
    }
  }
  return 0;
}
