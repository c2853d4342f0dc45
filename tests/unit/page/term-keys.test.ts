import { describe, expect, it } from 'vitest';
import { termMoveTarget } from '../../../utils/page/term-keys';

describe('moving between a post’s terms by keyboard', () => {
  const terms = ['SCT', 'R-Chop', 'CAR-T', 'PET scan'];
  it('goes on and back with the arrows, to the ends with Home and End, and no further', () => {
    expect(termMoveTarget(terms, 'R-Chop', 'ArrowRight')).toBe('CAR-T');
    expect(termMoveTarget(terms, 'R-Chop', 'ArrowDown')).toBe('CAR-T');
    expect(termMoveTarget(terms, 'R-Chop', 'ArrowLeft')).toBe('SCT');
    expect(termMoveTarget(terms, 'R-Chop', 'End')).toBe('PET scan');
    expect(termMoveTarget(terms, 'CAR-T', 'Home')).toBe('SCT');
    // At an end the key is left to the page (it scrolls, as it would without Threadside).
    expect(termMoveTarget(terms, 'PET scan', 'ArrowRight')).toBeNull();
    expect(termMoveTarget(terms, 'SCT', 'ArrowUp')).toBeNull();
    expect(termMoveTarget(terms, 'SCT', 'Home')).toBeNull();
  });
  it('leaves other keys, and terms of other posts, alone', () => {
    expect(termMoveTarget(terms, 'SCT', 'Tab')).toBeNull();
    expect(termMoveTarget(terms, 'GvHD', 'ArrowRight')).toBeNull();
  });
});
