import { describe, expect, it } from 'vitest';
import { r2 } from '../../src/analysis/linear-r2.js';
import { mulberry32 } from '../../src/analysis/mulberry32.js';
import { shapleyR2 } from '../../src/analysis/shapley-r2.js';
import { adjusted, percentiles, varianceExplained } from '../../src/analysis/variance-explained.js';

/** Box–Muller normal draws. */
const gaussian = (random: () => number) => () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

function sample(n: number, seed: number) {
  const random = mulberry32(seed);
  const normal = gaussian(random);
  const X = Array.from({ length: n }, () => [random() < 0.3 ? 1 : 0, random() < 0.5 ? 1 : 0, random() < 0.2 ? 1 : 0]);
  // A 0–10 score, as the report models: whole numbers, clipped at the ends.
  const y = X.map(([a, b]) => Math.min(10, Math.max(0, Math.round(5 + 2 * a! + b! + 2 * normal()))));
  return { X, y, weights: X.map(() => 1) };
}

describe('varianceExplained', () => {
  it('gives adjusted R², the single-predictor R² and Shapley shares of the point estimate', () => {
    const { X, y, weights } = sample(400, 1);
    const v = varianceExplained(X, y, weights, { ranked: [0, 1, 2], single: 1, replicates: 20 });
    expect(v.all.value).toBeCloseTo(adjusted(r2(X, y), 400, 3), 12);
    expect(v.single!.value).toBeCloseTo(adjusted(r2(X.map((r) => [r[1]!]), y), 400, 1), 12);
    expect(v.difference!.value).toBeCloseTo(v.all.value - v.single!.value, 12);
    const shapley = shapleyR2(X, y);
    v.shares.forEach((s, j) => expect(s.value).toBeCloseTo(shapley.shares[j]! / shapley.total, 12));
    expect(v.shares.reduce((sum, s) => sum + s.value, 0)).toBeCloseTo(1, 12);
    for (const e of [v.all, v.single!, v.difference!, ...v.shares]) {
      expect(e.ci95[0]).toBeLessThanOrEqual(e.value + 1e-9);
      expect(e.ci95[1]).toBeGreaterThanOrEqual(e.value - 1e-9);
    }
  });

  it('refuses predictors other than 0/1 and scores other than whole numbers', () => {
    expect(() => varianceExplained([[0.5]], [1], [1], { ranked: [0], single: -1 })).toThrow(/0\/1/);
    expect(() => varianceExplained([[1]], [1.5], [1], { ranked: [0], single: -1 })).toThrow(/whole numbers/);
  });

  it('adjusted R² charges for predictors: 1 − (1 − R²)(n − 1)/(n − k − 1)', () => {
    expect(adjusted(0.5, 101, 10)).toBeCloseTo(1 - (0.5 * 100) / 90, 12);
    expect(adjusted(0.5, 5, 4)).toBeNaN();
  });

  it('gives the same point estimates from weighted rows as from the rows they stand for', () => {
    const X = [[0, 1], [1, 0], [1, 1], [0, 0]];
    const y = [3, 8, 9, 2]; // whole numbers, like the 0–10 score
    const weights = [10, 20, 5, 30];
    const expanded = X.flatMap((row, i) => Array.from({ length: weights[i]! }, () => row));
    const expandedY = y.flatMap((v, i) => Array.from({ length: weights[i]! }, () => v));
    const a = varianceExplained(X, y, weights, { ranked: [0, 1], single: 0, replicates: 5 });
    const b = varianceExplained(expanded, expandedY, expanded.map(() => 1), { ranked: [0, 1], single: 0, replicates: 5 });
    expect(a.all.value).toBeCloseTo(b.all.value, 12);
    expect(a.shares[0]!.value).toBeCloseTo(b.shares[0]!.value, 12);
  });

  it('covers the population R² in 88–99% of 100 samples of n = 300', () => {
    // The population's R², from 200,000 draws of the same model (its sampling error is ~0.002).
    const population = sample(200_000, 99);
    const truth = r2(population.X, population.y);
    let covered = 0;
    for (let run = 0; run < 100; run++) {
      const { X, y, weights } = sample(300, 100 + run);
      const [lo, hi] = varianceExplained(X, y, weights, { ranked: [0], single: -1, replicates: 200, seed: run + 1 }).all.ci95;
      if (lo <= truth && truth <= hi) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(88);
    expect(covered).toBeLessThanOrEqual(99);
  }, 60_000);

  it('percentiles interpolate like R’s quantile(type = 7)', () => {
    // quantile(1:11, c(0.025, 0.975)) = 1.25, 10.75
    expect(percentiles([...Array(11).keys()].map((i) => i + 1))).toEqual([1.25, 10.75]);
  });
});
