import { describe, expect, it } from 'vitest';
import { auc, crossValidatedAuc, crossValidatedAucOfPatterns, outOfFoldScores } from '../../src/analysis/auc.js';
import { fitLogistic } from '../../src/analysis/logistic-regression.js';
import { mulberry32 } from '../../src/analysis/mulberry32.js';
import { stratifiedFolds } from '../../src/analysis/stratified-folds.js';

describe('auc', () => {
  it.each<[string, number[], (0 | 1)[], number]>([
    // pairs (pos, neg): (0.35, 0.1) ✓ (0.35, 0.4) ✗ (0.8, 0.1) ✓ (0.8, 0.4) ✓ → 3/4
    ['the classic four-point example', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
    ['perfect separation', [1, 2, 3, 4], [0, 0, 1, 1], 1],
    ['perfectly wrong', [4, 3, 2, 1], [0, 0, 1, 1], 0],
    ['all scores equal', [5, 5, 5, 5, 5], [0, 1, 0, 1, 1], 0.5],
    // pos 2 vs neg 1: 1, pos 2 vs neg 2: ½, pos 3 vs neg 1: 1, pos 3 vs neg 2: 1 → 3.5/4
    ['a tie across classes', [1, 2, 2, 3], [0, 0, 1, 1], 0.875],
    // pos 1 vs negs (1, 1, 0): ½ + ½ + 1 = 2 of 3 pairs
    ['one positive tied with two negatives', [1, 1, 0, 1], [0, 0, 0, 1], 2 / 3],
  ])('%s', (_, scores, labels, expected) => {
    expect(auc(scores, labels)).toBeCloseTo(expected, 12);
  });

  it.each<[(0 | 1)[]]>([[[0, 0, 0]], [[1, 1]], [[]]])('is NaN when a class is missing: %j', (labels) => {
    expect(auc(labels.map((_, i) => i), labels)).toBeNaN();
  });

  it('rejects non-finite scores and mismatched lengths', () => {
    expect(() => auc([0, Number.NaN], [0, 1])).toThrow(/finite/);
    expect(() => auc([0, 1, 2], [0, 1])).toThrow(/labels/);
  });
});

describe('crossValidatedAuc', () => {
  function simulate(n: number, beta: number[], seed: number): { X: number[][]; y: (0 | 1)[]; eta: number[] } {
    const random = mulberry32(seed);
    const X = Array.from({ length: n }, () => beta.slice(1).map(() => (random() < 0.4 ? 1 : 0) + random()));
    const eta = X.map((row) => row.reduce((s, v, j) => s + beta[j + 1]! * v, beta[0]!));
    const y = eta.map((e): 0 | 1 => (random() < 1 / (1 + Math.exp(-e)) ? 1 : 0));
    return { X, y, eta };
  }

  it('comes close to the AUC of the true linear predictor when the signal is strong', () => {
    const { X, y, eta } = simulate(2000, [-1, 1.5, -1, 0.5], 21);
    const oracle = auc(eta, y);
    const cv = crossValidatedAuc(X, y);
    expect(oracle).toBeGreaterThan(0.7);
    expect(Math.abs(cv - oracle)).toBeLessThan(0.02);
  });

  it('is near ½ when predictors are noise', () => {
    const { X, y } = simulate(1500, [0, 0, 0, 0], 22);
    const cv = crossValidatedAuc(X, y);
    expect(cv).toBeGreaterThan(0.42);
    expect(cv).toBeLessThan(0.58);
  });

  it('is deterministic for a seed', () => {
    const { X, y } = simulate(300, [-0.5, 0.8, 0.2], 23);
    expect(crossValidatedAuc(X, y, 5, 7)).toBe(crossValidatedAuc(X, y, 5, 7));
    expect(crossValidatedAuc(X, y, 10, 7)).not.toBeNaN();
  });

  it('copes with a rare outcome that a predictor separates (Firth in small folds)', () => {
    const X = Array.from({ length: 60 }, (_, i) => [i < 6 ? 1 : 0, i % 3]);
    const y = X.map(([flag]): 0 | 1 => (flag === 1 ? 1 : 0));
    expect(crossValidatedAuc(X, y)).toBeCloseTo(1, 12);
  });
});

describe('crossValidatedAucOfPatterns', () => {
  /** The row-by-row computation the pattern version replaces: one unweighted fit per fold over its rows. */
  function rowByRow(X: number[][], y: (0 | 1)[]): number {
    const fold = stratifiedFolds(y, 5, mulberry32(1));
    const scores = new Array<number>(X.length).fill(0);
    for (let f = 0; f < 5; f++) {
      const train = X.flatMap((_, i) => (fold[i] === f ? [] : [i]));
      const trainY = train.map((i) => y[i]!);
      const events = trainY.reduce<number>((s, v) => s + v, 0);
      const fit = fitLogistic(train.map((i) => X[i]!), trainY, { firth: Math.min(events, trainY.length - events) < 200, ridge: 1e-3 });
      const [intercept = 0, ...slopes] = fit.coefficients;
      X.forEach((row, i) => {
        if (fold[i] === f) scores[i] = slopes.reduce((eta, b, j) => eta + b * row[j]!, intercept);
      });
    }
    return auc(scores, y);
  }

  it.each([
    ['three yes/no emotions, many repeats', 900, 3, 31],
    ['a rare outcome (Firth in the folds)', 400, 2, 32],
  ])('%s: same AUC as fitting every row', (_, n, k, seed) => {
    const random = mulberry32(seed);
    const X = Array.from({ length: n }, () => Array.from({ length: k }, () => (random() < 0.3 ? 1 : 0)));
    const rare = seed === 32;
    const y = X.map((row): 0 | 1 => (random() < (rare ? 0.03 + 0.1 * row[0]! : 0.3 + 0.3 * row[0]! - 0.2 * row[1]!) ? 1 : 0));
    const expected = rowByRow(X, y);
    const keys = [...new Set(X.map((row) => row.join('')))];
    const patterns = keys.map((key) => [...key].map(Number));
    const pattern = X.map((row) => keys.indexOf(row.join('')));
    expect(patterns.length).toBeLessThan(2 ** k + 1);
    expect(crossValidatedAucOfPatterns(patterns, pattern, y, stratifiedFolds(y, 5, mulberry32(1)), 5)).toBeCloseTo(expected, 12);
    expect(crossValidatedAuc(X, y)).toBeCloseTo(expected, 12);
    // The per-row out-of-fold scores are those fits' scores: their AUC is the same figure.
    const scores = outOfFoldScores(patterns, pattern, y, stratifiedFolds(y, 5, mulberry32(1)), 5);
    expect(auc([...scores], y)).toBeCloseTo(expected, 12);
  });
});
