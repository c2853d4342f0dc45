import { describe, expect, it } from 'vitest';
import { KNOWN_FORUMS, matchPatterns } from '../../utils/forums/known-forums';

describe('known forums', () => {
  it('covers the two charity forums the product launches with and the demo forum', () => {
    const hosts = KNOWN_FORUMS.map((f) => f.host);
    expect(hosts).toContain('forum.bloodcancer.org.uk');
    expect(hosts).toContain('forum.breastcancernow.org');
    expect(hosts).toContain('127.0.0.1');
  });

  it('asks for https on real forums and never for a broad pattern', () => {
    for (const pattern of matchPatterns()) {
      expect(pattern).not.toMatch(/\*:\/\/\*|<all_urls>|:\/\/\*\./);
      if (!pattern.includes('127.0.0.1')) expect(pattern.startsWith('https://')).toBe(true);
    }
  });
});
