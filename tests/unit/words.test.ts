import { describe, expect, it } from 'vitest';
import { count, duration, plural, withoutBidiControls } from '../../utils/words';

describe('counts in words', () => {
  it('groups thousands with commas, as British English does', () => {
    for (const n of [0, 7, 999, 1000, 1021, 25000, 1234567, -4200])
      expect(count(n), String(n)).toBe(n.toLocaleString('en-GB'));
    expect(plural(1, 'post', 'posts')).toBe('1 post');
    expect(plural(1000, 'post', 'posts')).toBe('1,000 posts');
  });
});

describe('waits in words', () => {
  it('says seconds, then minutes, then hours, as a person would', () => {
    expect(duration(0.2)).toBe('1 second');
    expect(duration(90)).toBe('90 seconds');
    expect(duration(600)).toBe('10 minutes');
    expect(duration(6 * 3600)).toBe('6 hours');
  });
});

describe('text from strangers', () => {
  it('loses every bidirectional embedding, override and isolate control, and nothing else', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(withoutBidiControls(`a${controls}b`)).toBe('ab');
    expect(withoutBidiControls('שלום, R-CHOP ✓')).toBe('שלום, R-CHOP ✓');
  });
});
