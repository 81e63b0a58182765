import { describe, expect, it } from 'vitest';
import { shareChange, wilsonCi } from '../../src/analysis/proportion.js';

describe('wilsonCi', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%d of %d: [%d, %d]', (k, n, lo, hi) => {
    const [a, b] = wilsonCi(k, n);
    expect(a).toBeCloseTo(lo, 4);
    expect(b).toBeCloseTo(hi, 4);
  });

  it('is the whole range without responses', () => {
    expect(wilsonCi(0, 0)).toEqual([0, 1]);
  });
});

describe('shareChange', () => {
  it('gives the difference, its Wald interval and the matching z-test', () => {
    // 30/100 vs 20/100: se = √(0.21/100 + 0.16/100) = 0.060828; z = 1.6440; p = 0.1002.
    const c = shareChange(30, 100, 20, 100)!;
    expect(c.change).toBeCloseTo(0.1, 12);
    expect(c.ci95[0]).toBeCloseTo(0.1 - 1.96 * 0.0608276253, 8);
    expect(c.pValue).toBeCloseTo(0.10017, 4);
  });

  it.each([
    [0, 10, 0, 20],
    [5, 0, 3, 10],
    [10, 10, 20, 20],
  ])('has nothing to say for %d/%d vs %d/%d', (k1, n1, k0, n0) => {
    expect(shareChange(k1, n1, k0, n0)).toBeNull();
  });
});
