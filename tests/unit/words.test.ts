import { describe, expect, it } from 'vitest';
import { count, plural, withoutBidiControls } from '../../utils/words';

describe('counts in words', () => {
  it('groups thousands with commas, as British English does', () => {
    for (const n of [0, 7, 999, 1000, 1021, 25000, 1234567, -4200])
      expect(count(n), String(n)).toBe(n.toLocaleString('en-GB'));
    expect(plural(1, 'post', 'posts')).toBe('1 post');
    expect(plural(1000, 'post', 'posts')).toBe('1,000 posts');
  });
});

describe('text from strangers', () => {
  it('loses every bidirectional embedding, override and isolate control, and nothing else', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(withoutBidiControls(`a${controls}b`)).toBe('ab');
    expect(withoutBidiControls('שלום, R-CHOP ✓')).toBe('שלום, R-CHOP ✓');
  });
});
