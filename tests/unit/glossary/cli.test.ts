import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runGlossaryCli, USAGE } from '../../../utils/glossary/cli';
import { loadGlossary } from '../../../utils/glossary/load';

const { entries } = loadGlossary();

/** One line of the command's output. */
type MatchLine = { start: number; end: number; text: string; id: string; term: string };
const parseLine = (line: string) => JSON.parse(line) as MatchLine;

function io(files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readFile: (p: string) => {
        if (!(p in files)) return Promise.reject(Object.assign(new Error('nope'), { code: 'ENOENT' }));
        return Promise.resolve(files[p]);
      },
      readStdin: () => Promise.resolve(stdin),
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    },
  };
}

describe('glossary command line', () => {
  it('prints one JSON line per match with offsets into the file', async () => {
    const text = 'Refractory DLBCL after SCT, R-CHOP failed, now CAR-T.';
    const t = io({ 'post.txt': text });
    expect(await runGlossaryCli(['post.txt'], t.io, entries)).toBe(0);
    const lines = t.out.map(parseLine);
    expect(lines.map((l) => l.id)).toEqual([
      'refractory',
      'diffuse-large-b-cell-lymphoma',
      'stem-cell-transplant',
      'r-chop',
      'car-t-cell-therapy',
    ]);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
    expect(lines[1]).toMatchObject({ text: 'DLBCL', term: 'diffuse large B-cell lymphoma' });
  });

  it('reads standard input for "-" and prints a line per sense when unsure', async () => {
    const t = io({}, 'CNS');
    await runGlossaryCli(['-'], t.io, entries);
    expect(t.out.map((l) => parseLine(l).id).sort()).toEqual(['central-nervous-system', 'clinical-nurse-specialist']);
  });

  it('explains how to use it, and fails clearly on a missing file', async () => {
    const none = io();
    expect(await runGlossaryCli([], none.io, entries)).toBe(2);
    expect(none.err).toEqual([USAGE]);
    const missing = io();
    expect(await runGlossaryCli(['nope.txt'], missing.io, entries)).toBe(2);
    expect(missing.err[0]).toBe('glossary: cannot read nope.txt: no such file');
  });

  it('runs as `npm run -s glossary -- FILE`', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'glossary-cli-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'post.txt');
    await writeFile(file, 'Waiting on a PET scan.');
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'glossary', '--', file], { timeout: 60_000 });
    expect(stdout.trim().split('\n').map(parseLine)).toEqual([
      { start: 13, end: 21, text: 'PET scan', id: 'pet-ct-scan', term: 'PET-CT scan' },
    ]);
  }, 60_000);
});
