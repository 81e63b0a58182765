import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../src/analysis/logistic-regression.js';
import { npsImpacts } from '../../src/analysis/nps-impact.js';

/** The rows of test/analysis/nps-impact.reference.py: three emotions and a language dummy, (promoters, passives, detractors). */
const ROWS: [number[], [number, number, number]][] = [
  [[0, 0, 0, 0], [40, 30, 50]],
  [[1, 0, 0, 0], [30, 10, 5]],
  [[0, 1, 0, 0], [6, 10, 24]],
  [[1, 1, 0, 0], [9, 6, 5]],
  [[0, 0, 1, 0], [2, 4, 14]],
  [[1, 0, 1, 0], [3, 1, 2]],
  [[0, 0, 0, 1], [20, 20, 30]],
  [[1, 0, 0, 1], [15, 5, 4]],
  [[0, 1, 0, 1], [3, 5, 15]],
  [[0, 0, 1, 1], [0, 2, 9]],
];

/**
 * From `python3 test/analysis/nps-impact.reference.py`: Firth fits by BFGS over one row per response, the impact
 * by direct standardisation, its SE from complex-step gradients and a 2p × 2p stacked sandwich.
 */
const REFERENCE = {
  promoter: [-0.6954698398894289, 1.4672806102830411, -0.9687594431273161, -1.3725169409082987, -0.26183352976950736],
  detractor: [-0.3800963807004008, -1.5359917453452587, 0.8059520400589413, 1.3255195458075297, 0.16984049989601818],
  impacts: [
    { points: 15.943355101679762, se: 2.3108760266296735 },
    { points: -7.898192044583877, se: 2.1292151191058606 },
    { points: -5.139100196333744, se: 1.169017159086334 },
  ],
};

describe('npsImpacts (adjusted NPS points by standardisation, delta-method CI)', () => {
  it('agrees with the per-response reference', () => {
    const X = ROWS.map(([x]) => x);
    const n = ROWS.map(([, [p, s, d]]) => p + s + d);
    const promoters = ROWS.map(([, [p]]) => p);
    const detractors = ROWS.map(([, [, , d]]) => d);
    const promoter = fitLogistic(X, promoters.map((p, r) => p / n[r]!), { weights: n });
    const detractor = fitLogistic(X, detractors.map((d, r) => d / n[r]!), { weights: n });
    promoter.coefficients.forEach((b, j) => expect(b).toBeCloseTo(REFERENCE.promoter[j]!, 6));
    detractor.coefficients.forEach((b, j) => expect(b).toBeCloseTo(REFERENCE.detractor[j]!, 6));
    const impacts = npsImpacts({ X, n, promoters, detractors }, promoter, detractor, [0, 1, 2]);
    impacts.forEach((impact, k) => {
      const ref = REFERENCE.impacts[k]!;
      expect(impact.points).toBeCloseTo(ref.points, 5);
      expect(impact.ci95[0]).toBeCloseTo(ref.points - 1.96 * ref.se, 5);
      expect(impact.ci95[1]).toBeCloseTo(ref.points + 1.96 * ref.se, 5);
    });
  });
});
