import { describe, expect, it } from 'vitest';
import { crossProducts, r2, r2FromCrossProducts, r2OfAllSubsets } from '../../src/analysis/linear-r2.js';
import { mulberry32 } from '../../src/analysis/mulberry32.js';

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

describe('frequency weights', () => {
  it('a row with weight w counts as w identical rows', () => {
    const X = columns([0, 1, 1, 0, 1], [1, 1, 0, 0, 1]);
    const target = [3, 9, 7, 2, 10];
    const weights = [4, 1, 3, 2, 5];
    const expanded = X.flatMap((row, i) => Array.from({ length: weights[i]! }, () => row));
    const expandedY = target.flatMap((v, i) => Array.from({ length: weights[i]! }, () => v));
    const weighted = crossProducts(X, target, weights);
    const rows = crossProducts(expanded, expandedY);
    expect(weighted.n).toBe(rows.n);
    weighted.xx.flat().forEach((v, j) => expect(v).toBeCloseTo(rows.xx.flat()[j]!, 10));
    weighted.xy.forEach((v, j) => expect(v).toBeCloseTo(rows.xy[j]!, 10));
    expect(weighted.yy).toBeCloseTo(rows.yy, 10);
    expect(r2(X, target, weights)).toBeCloseTo(r2(expanded, expandedY), 12);
  });

  it('weights of 1 change nothing, to the last bit', () => {
    expect(crossProducts(columns(x), y, [1, 1, 1, 1, 1])).toEqual(crossProducts(columns(x), y));
  });
});

describe('r2OfAllSubsets', () => {
  it('equals r2FromCrossProducts for every subset, to the last bit, with constant and collinear columns', () => {
    const random = mulberry32(5);
    const a = Array.from({ length: 60 }, () => (random() < 0.4 ? 1 : 0));
    const b = Array.from({ length: 60 }, () => (random() < 0.2 ? 1 : 0));
    const c = Array.from({ length: 60 }, () => random());
    const X = columns(a, b, a.map((v) => 1 - v), c, a.map(() => 3), c.map((v, i) => v + b[i]!));
    const target = X.map(([p, q, , s]) => 2 * p! - q! + s! + random());
    const cp = crossProducts(X, target);
    const all = r2OfAllSubsets(cp, 6);
    for (let mask = 1; mask < 64; mask++) {
      const members = [0, 1, 2, 3, 4, 5].filter((j) => mask & (1 << j));
      expect([mask, all[mask]]).toEqual([mask, r2FromCrossProducts(cp, members)]);
    }
    expect(all[0]).toBe(0);
  });
});
