import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/analysis/mulberry32.js';
import { shapleyR2 } from '../../src/analysis/shapley-r2.js';

const columns = (...cols: number[][]): number[][] => cols[0]!.map((_, i) => cols.map((c) => c[i]!));

/** Independent R²: solve the raw normal equations [1 X]ᵀ[1 X]b = [1 X]ᵀy by Gaussian elimination. */
function bruteR2(X: number[][], y: number[], subset: number[]): number {
  const rows = X.map((r) => [1, ...subset.map((j) => r[j]!)]);
  const p = subset.length + 1;
  const a = Array.from({ length: p }, (_, i) => [
    ...Array.from({ length: p }, (_, j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0)),
    rows.reduce((s, r, t) => s + r[i]! * y[t]!, 0),
  ]);
  for (let c = 0; c < p; c++) {
    for (let r = c + 1; r < p; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= p; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const b = new Array<number>(p).fill(0);
  for (let r = p - 1; r >= 0; r--) {
    let s = a[r]![p]!;
    for (let k = r + 1; k < p; k++) s -= a[r]![k]! * b[k]!;
    b[r] = s / a[r]![r]!;
  }
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  const rss = rows.reduce((s, r, t) => s + (y[t]! - r.reduce((e, v, j) => e + v * b[j]!, 0)) ** 2, 0);
  const tss = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return 1 - rss / tss;
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((first, i) => permutations(items.filter((_, j) => j !== i)).map((rest) => [first, ...rest]));
}

describe('shapleyR2', () => {
  it('gives two uncorrelated standardised predictors their own R²', () => {
    // ±1 orthogonal design, y = 1 + 2·x1 + x2 + ½·x1x2 (see linear-r2.test.ts):
    // R²(x1) = 256/336, R²(x2) = 64/336, and with no overlap each share is its own R².
    const x1 = [1, -1, 1, -1, 1, -1, 1, -1];
    const x2 = [1, 1, -1, -1, 1, 1, -1, -1];
    const y = x1.map((a, i) => 1 + 2 * a + x2[i]! + 0.5 * a * x2[i]!);
    const { total, shares } = shapleyR2(columns(x1, x2), y);
    expect(total).toBeCloseTo(320 / 336, 12);
    expect(shares[0]).toBeCloseTo(256 / 336, 12);
    expect(shares[1]).toBeCloseTo(64 / 336, 12);
  });

  it('splits a duplicated predictor evenly', () => {
    // x = 1..5, y = (2,4,5,4,5): corr² = 0.6 (see linear-r2.test.ts); two copies get 0.3 each.
    const x = [1, 2, 3, 4, 5];
    const { total, shares } = shapleyR2(columns(x, x), [2, 4, 5, 4, 5]);
    expect(total).toBeCloseTo(0.6, 12);
    expect(shares[0]).toBeCloseTo(0.3, 12);
    expect(shares[1]).toBeCloseTo(0.3, 12);
  });

  it('matches the average marginal gain over all 3! orderings for correlated predictors', () => {
    const random = mulberry32(5);
    const X = Array.from({ length: 60 }, () => {
      const common = random();
      return [common + random(), common - 0.5 * random(), random()];
    });
    const y = X.map(([a, b, c]) => a! + 2 * b! - c! + 2 * random());
    const orders = permutations([0, 1, 2]);
    const expected = [0, 0, 0];
    for (const order of orders) {
      order.forEach((j, position) => {
        const before = order.slice(0, position);
        const gain = bruteR2(X, y, [...before, j]) - (before.length ? bruteR2(X, y, before) : 0);
        expected[j]! += gain / orders.length;
      });
    }
    const { total, shares } = shapleyR2(X, y);
    expect(total).toBeCloseTo(bruteR2(X, y, [0, 1, 2]), 10);
    shares.forEach((share, j) => expect(share).toBeCloseTo(expected[j]!, 10));
  });

  it.each([1, 4, 8, 15])('shares sum to the total R² with %d predictors', (k) => {
    const random = mulberry32(k);
    const X = Array.from({ length: 400 }, () => Array.from({ length: k }, () => random()));
    const y = X.map((row) => row.reduce((s, v, j) => s + (j % 2 ? v : -v), 0) + random());
    const { total, shares } = shapleyR2(X, y);
    expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(total, 10);
    expect(total).toBeGreaterThan(0);
  });

  it('refuses more than 15 predictors', () => {
    const X = [Array.from({ length: 16 }, () => 0)];
    expect(() => shapleyR2(X, [1])).toThrow(/at most 15/);
  });
});
