import { describe, expect, it } from 'vitest';
import { count, plural } from '../../utils/words';

describe('counts in words', () => {
  it('groups thousands with commas, as British English does', () => {
    for (const n of [0, 7, 999, 1000, 1021, 25000, 1234567, -4200])
      expect(count(n), String(n)).toBe(n.toLocaleString('en-GB'));
    expect(plural(1, 'post', 'posts')).toBe('1 post');
    expect(plural(1000, 'post', 'posts')).toBe('1,000 posts');
  });
});
