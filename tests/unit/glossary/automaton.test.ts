import { describe, expect, it } from 'vitest';
import { automatonBuilder, automatonFromTables } from '../../../utils/glossary/automaton';

function build(keys: string[]) {
  const b = automatonBuilder(keys);
  while (!b.addKeys(100));
  for (;;) {
    const tables = b.link(100);
    if (tables) return automatonFromTables(tables);
  }
}

const found = (keys: string[], text: string) => {
  const hits: string[] = [];
  build(keys).scan(text, (end, k) => hits.push(`${keys[k]}@${end - keys[k].length}`));
  return hits.sort();
};

/** Every place every key occurs, the slow way. */
const everywhere = (keys: string[], text: string) => {
  const hits: string[] = [];
  keys.forEach((key) => {
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) hits.push(`${key}@${at}`);
  });
  return hits.sort();
};

describe('the term automaton', () => {
  it('finds terms inside and overlapping other terms', () => {
    // "t" inside "car t", "chop" inside "r-chop", "he" inside "she" and "hers".
    const keys = ['he', 'she', 'his', 'hers', 'car t', 't', 'r-chop', 'chop'];
    expect(found(keys, 'ushers said car t after r-chop')).toEqual(everywhere(keys, 'ushers said car t after r-chop'));
    expect(found(keys, 'ushers')).toEqual(['he@2', 'hers@2', 'she@1']);
  });

  it('finds exactly what a plain search finds, over many texts, with the same automaton scanning each', () => {
    const keys = ['a', 'ab', 'bab', 'bc', 'bca', 'c', 'caa', 'abcab', 'cc'];
    const automaton = build(keys);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => 'abcd'[Math.floor(random() * 4)]).join(
        '',
      );
      const hits: string[] = [];
      automaton.scan(text, (end, k) => hits.push(`${keys[k]}@${end - keys[k].length}`));
      expect(hits.sort(), text).toEqual(everywhere(keys, text));
    }
  });
});
