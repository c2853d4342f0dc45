import { describe, expect, it } from 'vitest';
import { fold } from '../../../utils/glossary/fold';

const original = (text: string, f: ReturnType<typeof fold>, i: number) => text[f.map[i]];

describe('fold', () => {
  it('meets the forms people type: case, accents, curly apostrophes, separators', () => {
    expect(fold('R-CHOP').text).toBe('r chop');
    expect(fold('Hodgkin’s  lymphoma').text).toBe("hodgkin's lymphoma");
    expect(fold('anémie — CAR\u00a0T').text).toBe('anemie car t');
    expect(fold('  leading/trailing.  ').text).toBe('leading trailing');
  });

  it('points every folded character back at the text it came from', () => {
    const text = 'Post-SCT: GvHD · Ölüm/CAR_T 😀 end';
    const f = fold(text);
    expect(f.map.length).toBe(f.text.length);
    for (let i = 0; i < f.text.length; i++) {
      if (f.text[i] === ' ') expect(/[\s\-/.·_]/.test(original(text, f, i))).toBe(true);
      else expect(original(text, f, i).toLowerCase().normalize('NFD')[0]).toBe(f.text[i].normalize('NFD')[0]);
    }
  });

  it('keeps a long post whole, past any chunk the folding works in', () => {
    const text = 'DLBCL after R-CHOP. '.repeat(2000);
    const f = fold(text);
    // Each ". " becomes one space, and the last one, at the very end, goes.
    expect(f.text.length).toBe(text.length - 2000 - 1);
    expect(f.text.endsWith('dlbcl after r chop')).toBe(true);
    expect(f.text.split('dlbcl').length - 1).toBe(2000);
  });
});
