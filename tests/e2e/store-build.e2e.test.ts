import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// The store package (`npm run build`) against the demo build the other tests load: the demo
// forum on this computer must not be a known forum where readers install Threadside.
const manifest = async (dir: string) =>
  JSON.parse(await readFile(`.output/${dir}/manifest.json`, 'utf8')) as {
    host_permissions: string[];
    optional_host_permissions?: string[];
    content_scripts: { matches: string[] }[];
  };
const REAL = ['https://forum.bloodcancer.org.uk/*', 'https://forum.breastcancernow.org/*'];

describe('the store build', () => {
  it('runs on the real known forums alone, and asks for nothing broad up front', async () => {
    const store = await manifest('chrome-mv3');
    expect(store.host_permissions.sort()).toEqual(REAL);
    expect(store.content_scripts.flatMap((c) => c.matches).sort()).toEqual(REAL);
    expect(store.optional_host_permissions).toEqual(['*://*/*']);
  });

  it('differs from the demo build only by the demo forum', async () => {
    const demo = await manifest('chrome-mv3-demo');
    expect(demo.host_permissions.sort()).toEqual([...REAL, 'http://127.0.0.1/*'].sort());
  });
});
