// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../utils/forums/adapter';
import { detectEngine, engineDetectors } from '../../../utils/forums/detect-engine';
import { adapterFor } from '../../../utils/forums/registry';
import { labPage } from './lab-pages';

describe('engine detection at start', () => {
  it("tests each engine's pages exactly as that engine's reader does", () => {
    const detectors = engineDetectors();
    expect([...detectors.keys()].sort()).toEqual([...ENGINES].sort());
    for (const engine of ENGINES) expect(detectors.get(engine), engine).toBe(adapterFor(engine).detect);
  });

  it('names the engine of a demo page of each kind, and none on a page no engine made', () => {
    const pages: Record<string, string> = {
      '/phpbb/viewtopic.php?t=428': 'phpbb',
      '/xf/threads/picc-line-or-port.2718/': 'xenforo',
    };
    for (const [path, engine] of Object.entries(pages)) expect(detectEngine(labPage(path).doc), path).toBe(engine);
    const plain = new DOMParser().parseFromString('<title>Parking</title><p>Pay and display.</p>', 'text/html');
    expect(detectEngine(plain)).toBeNull();
  });
});
