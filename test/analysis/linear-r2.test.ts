import { describe, expect, it } from 'vitest';
import { r2 } from '../../src/analysis/linear-r2.js';

// x = 1..5, y = (2, 4, 5, 4, 5): Sxx = 10, Syy = 6, Sxy = 6 → R² = corr² = 36/60 = 0.6
const x = [1, 2, 3, 4, 5];
const y = [2, 4, 5, 4, 5];

// Orthogonal ±1 design: y = 1 + 2·x1 + x2 + ½·x1x2; without x1x2 in the model,
// Syy = 8·(4 + 1 + ¼) = 42, R²(x1) = 16²/(8·42) = 256/336, R²(x2) = 8²/336 = 64/336.
const x1 = [1, -1, 1, -1, 1, -1, 1, -1];
const x2 = [1, 1, -1, -1, 1, 1, -1, -1];
const yOrth = x1.map((a, i) => 1 + 2 * a + x2[i]! + 0.5 * a * x2[i]!);

const columns = (...cols: number[][]): number[][] => cols[0]!.map((_, i) => cols.map((c) => c[i]!));

describe('r2', () => {
  it.each([
    ['one predictor: corr²', columns(x), y, 0.6],
    ['a duplicated, rescaled column adds nothing', columns(x, x.map((v) => 2 * v)), y, 0.6],
    ['a constant column adds nothing', columns(x, [7, 7, 7, 7, 7]), y, 0.6],
    ['a huge offset does not cost precision', columns(x.map((v) => v + 1e9)), y, 0.6],
    ['two orthogonal predictors', columns(x1, x2), yOrth, 320 / 336],
    ['the full model fits exactly', columns(x1, x2, x1.map((a, i) => a * x2[i]!)), yOrth, 1],
    ['no predictors', x.map(() => []), y, 0],
  ])('%s', (_, X, target, expected) => {
    expect(r2(X, target)).toBeCloseTo(expected, 9);
  });

  it('is NaN when y is constant', () => {
    expect(r2(columns(x), [3, 3, 3, 3, 3])).toBeNaN();
  });

  it('rejects mismatched lengths', () => {
    expect(() => r2(columns(x), [1, 2])).toThrow(/rows/);
  });
});
