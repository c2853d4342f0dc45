import { execFile, type ExecFileException } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Summary } from '../../../utils/summary/summarise';

const run = (args: string[]) =>
  promisify(execFile)('npm', ['run', '-s', 'summarize', '--', ...args], { timeout: 60_000 });

describe('summarize command line', () => {
  it('prints the summary as text, and as JSON with --json', async () => {
    const text = (await run(['tests/forum-lab/data/car-t-thread.json'])).stdout;
    expect(text).toMatch(/^What is CAR-T therapy\?/);
    expect(text).toMatch(/Key points\n {2}- /);
    expect(text).toContain('0808 2080 888');
    const json = JSON.parse((await run(['tests/forum-lab/data/car-t-thread.json', '--json'])).stdout) as Summary;
    expect(json.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(json.support.map((s) => s.value)).toContain('support@bloodcancer.org.uk');
  }, 60_000);

  it('refuses a file that is not a thread, saying why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'summarize-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ title: 'x', posts: [{ post_number: 'one', username: 'a', text: 'b' }] }));
    const failure = (await run([bad]).catch((e: unknown) => e)) as ExecFileException;
    expect(failure).toMatchObject({ code: 2 });
    expect(failure.stderr).toMatch(/not a thread file: posts\.0\.post_number/);
  }, 60_000);
});
