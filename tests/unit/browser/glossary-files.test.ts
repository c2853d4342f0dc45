import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadGlossary } from '../../../utils/glossary/load';
import { compileMatcher, matcherFrom } from '../../../utils/glossary/matcher';
import { GLOSSARY_FILES, glossaryFiles } from '../../../utils/glossary/files';
import { readPageMatcher } from '../../../utils/browser/glossary-files';

const { entries } = loadGlossary();
const made = glossaryFiles(entries, compileMatcher(entries));

/** The extension's files as a page fetches them, with what it asked for. */
function serve(files: Record<string, string | Uint8Array>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    const path = Object.keys(files).find((p) => url.endsWith(`/${p}`));
    asked.push(path ?? url);
    if (!path) return Promise.reject(new TypeError('Failed to fetch'));
    const body = files[path];
    return Promise.resolve(new Response(typeof body === 'string' ? body : body.slice().buffer));
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('what a page reads to underline', () => {
  it('takes the matcher and the common tier from two files', async () => {
    const asked = serve({
      [GLOSSARY_FILES.matcherMeta]: made.matcherMeta,
      [GLOSSARY_FILES.matcherTables]: made.matcherTables,
    });
    const { matcher, common } = await readPageMatcher();
    expect(asked.sort()).toEqual([GLOSSARY_FILES.matcherMeta, GLOSSARY_FILES.matcherTables].sort());
    expect(common.sort()).toEqual(
      entries
        .filter((e) => e.tier === 'common')
        .map((e) => e.id)
        .sort(),
    );
    expect(common.length).toBeGreaterThan(5);
    expect(matcherFrom(matcher).match('After R-CHOP came a PET scan.').length).toBeGreaterThan(1);
  });

  it('says plainly that the glossary could not load when a file is missing or not its own', async () => {
    serve({ [GLOSSARY_FILES.matcherMeta]: made.matcherMeta });
    await expect(readPageMatcher()).rejects.toThrow('Threadside could not load its glossary.');
    const meta = JSON.parse(made.matcherMeta) as Record<string, unknown>;
    serve({
      [GLOSSARY_FILES.matcherMeta]: JSON.stringify({ ...meta, common: 'chemo' }),
      [GLOSSARY_FILES.matcherTables]: made.matcherTables,
    });
    await expect(readPageMatcher()).rejects.toThrow('Threadside could not load its glossary.');
  });
});
