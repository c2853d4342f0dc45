import { describe, expect, it } from 'vitest';
import { rougeN } from '../../../utils/summary/rouge';

describe('ROUGE', () => {
  it('is 1 for the reference itself and 0 for unrelated text', () => {
    const ref = 'The PET scan showed the tumour had halved.';
    expect(rougeN(ref, ref, 1).f1).toBe(1);
    expect(rougeN(ref, ref, 2).f1).toBe(1);
    expect(rougeN('Sending hugs to everyone today.', ref, 1).f1).toBe(0);
  });

  it('rewards covering more of the reference', () => {
    const ref = 'The PET scan showed the tumour had halved, then it had gone.';
    const half = rougeN('The PET scan showed the tumour had halved.', ref, 1);
    const less = rougeN('A scan was done.', ref, 1);
    expect(half.recall).toBeGreaterThan(less.recall);
    expect(half.precision).toBe(1);
  });
});
