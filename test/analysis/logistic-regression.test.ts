import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../src/analysis/logistic-regression.js';
import { mulberry32 } from '../../src/analysis/mulberry32.js';

/** Rows of a 2×2 table: a = (x=1, y=1), b = (x=1, y=0), c = (x=0, y=1), d = (x=0, y=0). */
function table(a: number, b: number, c: number, d: number): { X: number[][]; y: number[] } {
  const cells: [number, number, number][] = [[1, 1, a], [1, 0, b], [0, 1, c], [0, 0, d]];
  const rows = cells.flatMap(([x, y, count]) => Array.from({ length: count }, () => ({ x, y })));
  return { X: rows.map((r) => [r.x]), y: rows.map((r) => r.y) };
}

const logistic = (eta: number): number => 1 / (1 + Math.exp(-eta));
const linear = (b: readonly number[], row: readonly number[]): number => row.reduce((eta, v, j) => eta + b[j + 1]! * v, b[0]!);

/** Standard normal draws by Box–Muller. */
function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('fitLogistic: maximum likelihood (firth: false)', () => {
  it.each([
    [30, 20, 15, 35],
    [12, 3, 40, 45],
    [5, 95, 2, 98],
  ])('matches the closed form for a 2×2 table a=%d b=%d c=%d d=%d', (a, b, c, d) => {
    // One binary predictor: intercept = log(c/d), slope = log(ad/bc),
    // SE(slope) = √(1/a + 1/b + 1/c + 1/d), SE(intercept) = √(1/c + 1/d).
    const { X, y } = table(a, b, c, d);
    const fit = fitLogistic(X, y, { firth: false });
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(c / d), 6);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log((a * d) / (b * c)), 6);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1 / c + 1 / d), 6);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d), 6);
    expect(fit.oddsRatios[1]).toBeCloseTo((a * d) / (b * c), 6);
    const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
    expect(fit.ci95[1]![0]).toBeCloseTo(Math.exp(Math.log((a * d) / (b * c)) - 1.96 * se), 6);
    expect(fit.ci95[1]![1]).toBeCloseTo(Math.exp(Math.log((a * d) / (b * c)) + 1.96 * se), 6);
    // Log-likelihood of the saturated two-group model: Σ count·log(fitted rate of its cell).
    const ll = a * Math.log(a / (a + b)) + b * Math.log(b / (a + b)) + c * Math.log(c / (c + d)) + d * Math.log(d / (c + d));
    expect(fit.logLikelihood).toBeCloseTo(ll, 8);
  });

  it('solves the score equations Xᵀ(y − π) = 0 with two continuous predictors', () => {
    const random = mulberry32(7);
    const normal = gaussian(random);
    const X = Array.from({ length: 300 }, () => [normal(), normal() * 2 + 1]);
    const y = X.map(([u, v]) => (random() < logistic(-0.4 + 0.9 * u! - 0.3 * v!) ? 1 : 0));
    const fit = fitLogistic(X, y, { firth: false });
    expect(fit.converged).toBe(true);
    const score = [0, 0, 0];
    X.forEach((row, i) => {
      const residual = y[i]! - logistic(linear(fit.coefficients, row));
      [1, ...row].forEach((v, j) => (score[j]! += residual * v));
    });
    for (const s of score) expect(Math.abs(s)).toBeLessThan(1e-8);
  });

  it('with a ridge solves Xᵀ(y − π) − λβ = 0, leaving the intercept unpenalised', () => {
    const random = mulberry32(11);
    const X = Array.from({ length: 200 }, () => [random() < 0.3 ? 1 : 0, random()]);
    const y = X.map(([u, v]) => (random() < logistic(-1 + 1.5 * u! + v!) ? 1 : 0));
    const ridge = 5;
    const fit = fitLogistic(X, y, { firth: false, ridge });
    const score = [0, 0, 0];
    X.forEach((row, i) => {
      const residual = y[i]! - logistic(linear(fit.coefficients, row));
      [1, ...row].forEach((v, j) => (score[j]! += residual * v));
    });
    expect(Math.abs(score[0]!)).toBeLessThan(1e-8);
    expect(Math.abs(score[1]! - ridge * fit.coefficients[1]!)).toBeLessThan(1e-8);
    expect(Math.abs(score[2]! - ridge * fit.coefficients[2]!)).toBeLessThan(1e-8);
    expect(Math.abs(fit.coefficients[1]!)).toBeLessThan(Math.abs(fitLogistic(X, y, { firth: false }).coefficients[1]!));
  });

  it('does not converge when x separates y perfectly (the MLE is infinite)', () => {
    const { X, y } = table(3, 0, 0, 3);
    const fit = fitLogistic(X, y, { firth: false, maxIterations: 30 });
    expect(fit.converged).toBe(false);
    expect(fit.coefficients[1]).toBeGreaterThan(10);
  });
});

describe('fitLogistic: Firth (default)', () => {
  it.each([
    [30, 20, 15, 35],
    [3, 0, 0, 3], // perfectly separated: the MLE is infinite
    [4, 10, 0, 50], // a rare predictor with an empty cell
    [1, 0, 7, 20],
  ])('equals the MLE with ½ added to each cell for a=%d b=%d c=%d d=%d', (a, b, c, d) => {
    // The 2×2 model is saturated, so Firth's estimate is the MLE of the table with ½ added to every cell.
    // SEs come from the information at that estimate with the real counts: fitted rates
    // π₁ = (a+½)/(a+b+1), π₀ = (c+½)/(c+d+1); wₓ = nₓ·πₓ(1 − πₓ); Var(b₀) = 1/w₀, Var(b₁) = 1/w₀ + 1/w₁.
    const { X, y } = table(a, b, c, d);
    const fit = fitLogistic(X, y);
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log((c + 0.5) / (d + 0.5)), 6);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(((a + 0.5) * (d + 0.5)) / ((b + 0.5) * (c + 0.5))), 6);
    const p1 = (a + 0.5) / (a + b + 1);
    const p0 = (c + 0.5) / (c + d + 1);
    const w1 = (a + b) * p1 * (1 - p1);
    const w0 = (c + d) * p0 * (1 - p0);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1 / w0), 6);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / w0 + 1 / w1), 6);
  });

  it('solves the modified score Xᵀ(y − π + h(½ − π)) = 0 with a continuous predictor', () => {
    const random = mulberry32(3);
    const X = Array.from({ length: 40 }, () => [random() * 4 - 2]);
    const y = X.map(([x]) => (random() < logistic(0.5 + 1.2 * x!) ? 1 : 0));
    const fit = fitLogistic(X, y);
    // Information I = [[Σw, Σwx], [Σwx, Σwx²]] inverted by the 2×2 formula; hᵢ = wᵢ·(1, xᵢ)I⁻¹(1, xᵢ)ᵀ.
    const pi = X.map((row) => logistic(linear(fit.coefficients, row)));
    const w = pi.map((p) => p * (1 - p));
    const s0 = w.reduce((s, v) => s + v, 0);
    const s1 = w.reduce((s, v, i) => s + v * X[i]![0]!, 0);
    const s2 = w.reduce((s, v, i) => s + v * X[i]![0]! ** 2, 0);
    const det = s0 * s2 - s1 * s1;
    const u = [0, 0];
    X.forEach(([x], i) => {
      const h = (w[i]! * (s2 - 2 * s1 * x! + s0 * x! ** 2)) / det;
      const r = y[i]! - pi[i]! + h * (0.5 - pi[i]!);
      u[0]! += r;
      u[1]! += r * x!;
    });
    expect(Math.abs(u[0]!)).toBeLessThan(1e-8);
    expect(Math.abs(u[1]!)).toBeLessThan(1e-8);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(s0 / det), 8);
  });

  it('gives finite estimates when y is all one class', () => {
    const fit = fitLogistic([[0], [1], [0], [1], [1]], [0, 0, 0, 0, 0]);
    expect(fit.converged).toBe(true);
    for (const b of fit.coefficients) expect(Number.isFinite(b)).toBe(true);
  });
});

describe('fitLogistic: input checks', () => {
  it.each([
    ['no rows', [], []],
    ['lengths differ', [[1], [0]], [1]],
    ['ragged rows', [[1, 0], [0]], [1, 0]],
    ['non-finite predictor', [[Number.NaN], [0]], [1, 0]],
    ['y outside [0, 1]', [[1], [0]], [2, 0]],
  ])('throws on %s', (_, X, y) => {
    expect(() => fitLogistic(X, y)).toThrow(/fitLogistic/);
  });
});

describe('fitLogistic: simulation', () => {
  it('recovers a 4-predictor model from 20,000 rows', () => {
    const truth = [-0.5, 1.2, 0.5, -0.8, 0];
    const random = mulberry32(2024);
    const X = Array.from({ length: 20_000 }, () => [0.3, 0.5, 0.2, 0.4].map((rate) => (random() < rate ? 1 : 0)));
    const y = X.map((row) => (random() < logistic(linear(truth, row)) ? 1 : 0));
    const fit = fitLogistic(X, y);
    const [, b1, b2, b3] = fit.coefficients as [number, number, number, number, number];
    expect(fit.converged).toBe(true);
    expect([b1 > 0, b2 > 0, b3 < 0]).toEqual([true, true, true]);
    expect(b1).toBeGreaterThan(-b3);
    expect(-b3).toBeGreaterThan(b2);
    truth.forEach((beta, j) => {
      const [lo, hi] = fit.ci95[j]!;
      expect(Math.exp(beta)).toBeGreaterThan(lo);
      expect(Math.exp(beta)).toBeLessThan(hi);
    });
  });

  it.each([
    { method: 'maximum likelihood', firth: false },
    { method: 'Firth', firth: true },
  ])('$method: the 95 % CI covers the true slope in 90–99 % of 200 samples of n = 400', ({ firth }) => {
    const random = mulberry32(99);
    const normal = gaussian(random);
    const [intercept, slope] = [-0.3, 0.7];
    let covered = 0;
    for (let run = 0; run < 200; run++) {
      const X = Array.from({ length: 400 }, () => [normal()]);
      const y = X.map(([x]) => (random() < logistic(intercept + slope * x!) ? 1 : 0));
      const [lo, hi] = fitLogistic(X, y, { firth }).ci95[1]!;
      if (lo < Math.exp(slope) && Math.exp(slope) < hi) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.9);
    expect(covered / 200).toBeLessThanOrEqual(0.99);
  });
});

describe('fitLogistic with frequency weights', () => {
  it('gives exactly the fit of the expanded rows, with and without Firth', () => {
    // 2×2 table a=30 (x=1,y=1), b=10 (x=1,y=0), c=15 (x=0,y=1), d=45 (x=0,y=0), as 4 weighted rows.
    const X = [[1], [1], [0], [0]];
    const y = [1, 0, 1, 0];
    const weights = [30, 10, 15, 45];
    const expandedX: number[][] = [];
    const expandedY: number[] = [];
    X.forEach((row, i) => {
      for (let k = 0; k < weights[i]!; k++) {
        expandedX.push(row);
        expandedY.push(y[i]!);
      }
    });
    for (const firth of [false, true]) {
      const weighted = fitLogistic(X, y, { firth, weights });
      const expanded = fitLogistic(expandedX, expandedY, { firth });
      weighted.coefficients.forEach((b, j) => expect(b).toBeCloseTo(expanded.coefficients[j]!, 8));
      weighted.standardErrors.forEach((se, j) => expect(se).toBeCloseTo(expanded.standardErrors[j]!, 8));
    }
    // Closed form without Firth: slope = log(a·d / (b·c)).
    expect(fitLogistic(X, y, { firth: false, weights }).coefficients[1]).toBeCloseTo(Math.log((30 * 45) / (10 * 15)), 8);
  });
});
