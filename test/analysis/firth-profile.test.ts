import { describe, expect, it } from 'vitest';
import { profileInference } from '../../src/analysis/firth-profile.js';
import { fitLogistic, logisticDesign } from '../../src/analysis/logistic-regression.js';

/**
 * Reference values from `python3 test/analysis/firth-profile.reference.py` (numpy 2.4, scipy 1.17), an
 * independent implementation: the penalised log-likelihood maximised by scipy's BFGS with complex-step
 * gradients, profiles by re-maximising over the other coefficients, bounds by brentq (see the script).
 * Rows are binomial: [predictors, events, trials].
 */
type Row = [number[], number, number];

const CASES: { name: string; rows: Row[]; coefficients: { estimate: number; profileCi: [number, number]; profileP: number; waldP: number }[] }[] = [
  {
    // The example: 0 of 40 promoters among mentioners vs 147 of 360 otherwise.
    name: 'issue 2×2',
    rows: [[[1], 0, 40], [[0], 147, 360]],
    coefficients: [
      { estimate: -0.36980865688876247, profileCi: [-0.5811956046647517, -0.16110832014939053], profileP: 0.0004949440963351321, waldP: 0.0005622882309037991 },
      { estimate: -4.024640497783459, profileCi: [-8.867081333444006, -2.0636086378668357], profileP: 2.842919602176234e-9, waldP: 0.005335743118220383 },
    ],
  },
  {
    name: 'three predictors, one rare with a single event',
    rows: [
      [[0, 0, 0], 50, 120], [[1, 0, 0], 30, 45], [[0, 1, 0], 8, 40], [[1, 1, 0], 12, 20],
      [[0, 0, 1], 1, 12], [[1, 0, 1], 0, 3], [[0, 1, 1], 0, 6], [[1, 1, 1], 0, 1],
    ],
    coefficients: [
      { estimate: -0.3726929646235655, profileCi: [-0.7249618965972713, -0.02733451107304109], profileP: 0.03434920875677536, waldP: 0.03643657429546928 },
      { estimate: 1.1830430943184067, profileCi: [0.5905254766543108, 1.7973756684280884], profileP: 7.810534716661994e-5, waldP: 0.00012659835130096695 },
      { estimate: -0.7586446126993117, profileCi: [-1.413244568447051, -0.13431448029511342], profileP: 0.016858906303203636, waldP: 0.02022732088957695 },
      { estimate: -2.4310855716551143, profileCi: [-4.657241050757702, -1.0086053969350794], profileP: 0.00018028939925030088, waldP: 0.006272944290985701 },
    ],
  },
];

/** Binomial rows as the report fits them: the share of events, weighted by the trials. */
function binomial(rows: Row[]) {
  return { X: rows.map(([x]) => x), y: rows.map(([, e, n]) => e / n), weights: rows.map(([, , n]) => n) };
}

describe('profileInference (penalised likelihood, Heinze & Schemper 2002)', () => {
  it.each(CASES)('$name: estimates, profile CIs and penalised LR p-values agree with the reference', ({ rows, coefficients }) => {
    const { X, y, weights } = binomial(rows);
    const design = logisticDesign(X);
    const fit = fitLogistic(design, y, { weights });
    expect(fit.converged).toBe(true);
    const results = profileInference(design, y, weights, fit, coefficients.map((_, j) => j));
    coefficients.forEach((c, j) => {
      const r = results[j]!;
      expect(r.converged).toBe(true);
      expect(fit.coefficients[j]).toBeCloseTo(c.estimate, 7);
      expect(fit.pValues[j]! / c.waldP).toBeCloseTo(1, 5);
      expect(r.ci95[0]).toBeCloseTo(c.profileCi[0], 5);
      expect(r.ci95[1]).toBeCloseTo(c.profileCi[1], 5);
      expect(r.pValue / c.profileP).toBeCloseTo(1, 4);
    });
  });

  it('gives the issue example its honest interval: p = 2.8e-9, OR 95% CI [0.00014, 0.127], where Wald says p = 0.0053, [0.00105, 0.303]', () => {
    const { X, y, weights } = binomial(CASES[0]!.rows);
    const design = logisticDesign(X);
    const fit = fitLogistic(design, y, { weights });
    const [, slope] = profileInference(design, y, weights, fit, [0, 1]);
    expect(Number(slope!.pValue.toPrecision(2))).toBe(2.8e-9);
    expect(slope!.ci95.map((b) => Number(Math.exp(b).toPrecision(3)))).toEqual([0.000141, 0.127]);
    expect(Number(fit.pValues[1]!.toPrecision(2))).toBe(0.0053);
    expect(fit.ci95[1]!.map((b) => Number(b.toPrecision(3)))).toEqual([0.00105, 0.303]);
  });

  it('gives the same answers from one row per observation as from binomial rows', () => {
    const rows = CASES[1]!.rows;
    const X: number[][] = [];
    const y: number[] = [];
    for (const [x, events, trials] of rows) {
      for (let i = 0; i < trials; i++) {
        X.push(x);
        y.push(i < events ? 1 : 0);
      }
    }
    const design = logisticDesign(X);
    const fit = fitLogistic(design, y);
    const expanded = profileInference(design, y, undefined, fit, [3]);
    expect(expanded[0]!.ci95[0]).toBeCloseTo(CASES[1]!.coefficients[3]!.profileCi[0], 5);
    expect(expanded[0]!.ci95[1]).toBeCloseTo(CASES[1]!.coefficients[3]!.profileCi[1], 5);
  });

  it('holds a coefficient: fitLogistic with fixed maximises over the others only', () => {
    const { X, y, weights } = binomial(CASES[1]!.rows);
    const held = fitLogistic(X, y, { weights, fixed: { index: 2, value: 0 } });
    expect(held.coefficients[2]).toBe(0);
    expect(held.converged).toBe(true);
    const free = fitLogistic(X, y, { weights });
    expect(held.penalisedLogLikelihood).toBeLessThan(free.penalisedLogLikelihood);
  });
});
