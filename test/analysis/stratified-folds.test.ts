import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/analysis/mulberry32.js';
import { stratifiedFolds } from '../../src/analysis/stratified-folds.js';

describe('stratifiedFolds', () => {
  it.each([
    [100, 7, 5],
    [103, 40, 5],
    [12, 3, 10],
    [50, 0, 4],
  ])('n = %d with %d positives into %d folds: every class spread within one row', (n, positives, folds) => {
    const labels = Array.from({ length: n }, (_, i): 0 | 1 => (i < positives ? 1 : 0));
    const fold = stratifiedFolds(labels, folds, mulberry32(1));
    for (const label of [0, 1]) {
      const perFold = Array.from({ length: folds }, (_, f) => fold.filter((g, i) => g === f && labels[i] === label).length);
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    }
    const sizes = Array.from({ length: folds }, (_, f) => fold.filter((g) => g === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('depends only on the seed', () => {
    const labels = Array.from({ length: 40 }, (_, i): 0 | 1 => (i % 4 === 0 ? 1 : 0));
    expect(stratifiedFolds(labels, 5, mulberry32(9))).toEqual(stratifiedFolds(labels, 5, mulberry32(9)));
    expect(stratifiedFolds(labels, 5, mulberry32(9))).not.toEqual(stratifiedFolds(labels, 5, mulberry32(10)));
  });

  it.each([1, 0, 2.5])('refuses %d folds', (folds) => {
    expect(() => stratifiedFolds([0, 1], folds, mulberry32(1))).toThrow(RangeError);
  });
});
