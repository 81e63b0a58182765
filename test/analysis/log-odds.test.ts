import { describe, expect, it } from 'vitest';
import { weightedLogOdds } from '../../src/analysis/log-odds.js';

// Values worked by hand from Monroe, Colaresi & Quinn (2008):
//   α_w = α₀ · y_bg / n_bg
//   δ   = ln((y_a + α_w) / (n_a + α₀ − y_a − α_w)) − ln((y_b + α_w) / (n_b + α₀ − y_b − α_w))
//   σ²  = 1/(y_a + α_w) + 1/(y_b + α_w),   z = δ / σ
describe('weightedLogOdds', () => {
  it.each([
    {
      // Default α₀ = min(n_a, n_b) = 10000, so α_w = 10000 · 30 / 25000 = 12.
      // δ = ln(14/(10000 + 10000 − 2 − 12)) − ln(32/(10000 + 10000 − 20 − 12)) = ln(14/19986) − ln(32/19968)
      //   = ln(0.000700490) − ln(0.001602564) = −0.827580
      // σ² = 1/14 + 1/32 = 0.102679;  z = −0.827580 / 0.320435 = −2.582676
      case: 'a term of group b, default prior (as strong as the smaller group)',
      term: { a: 2, b: 20, background: 30 },
      sizes: { a: 10000, b: 10000, background: 25000 },
      prior: undefined,
      delta: -0.82758,
      variance: 0.102679,
      z: -2.582676,
    },
    {
      // α₀ = n_bg = 25000 (the background itself as the prior), so α_w = 30.
      // δ = ln(32/34968) − ln(50/34950) = ln(0.000915122) − ln(0.001430615) = −0.446802
      // σ² = 1/32 + 1/50 = 0.05125;  z = −0.446802 / 0.226385 = −1.973641
      case: 'the same counts with the whole background as the prior',
      term: { a: 2, b: 20, background: 30 },
      sizes: { a: 10000, b: 10000, background: 25000 },
      prior: 25000,
      delta: -0.446802,
      variance: 0.05125,
      z: -1.973641,
    },
    {
      // α₀ = 500: α_w = 500 · 30 / 25000 = 0.6.
      // δ = ln(2.6/10497.4) − ln(20.6/10479.4) = ln(0.000247681) − ln(0.001965761) = −2.071496
      // σ² = 1/2.6 + 1/20.6 = 0.384615 + 0.048544 = 0.433159;  z = −2.071496 / 0.658148 = −3.147461
      case: 'the same counts with a weaker prior',
      term: { a: 2, b: 20, background: 30 },
      sizes: { a: 10000, b: 10000, background: 25000 },
      prior: 500,
      delta: -2.071496,
      variance: 0.433159,
      z: -3.147461,
    },
    {
      // α₀ = 12000, α_w = 50. δ = ln(90/(8000 + 12000 − 40 − 50)) − ln(55/(2000 + 12000 − 5 − 50))
      //            = ln(90/19910) − ln(55/13945) = ln(0.004520342) − ln(0.003944066) = 0.136375
      // σ² = 1/90 + 1/55 = 0.029293;  z = 0.136375 / 0.171152 = 0.796810
      case: 'a term of group a in groups of unequal size',
      term: { a: 40, b: 5, background: 50 },
      sizes: { a: 8000, b: 2000, background: 12000 },
      prior: 12000,
      delta: 0.136375,
      variance: 0.029293,
      z: 0.79681,
    },
    {
      // Default α₀ = min(8000, 2000) = 2000: α_w = 2000 · 50 / 12000 = 8.333333.
      // δ = ln(48.333333/(8000 + 2000 − 40 − 8.333333)) − ln(13.333333/(2000 + 2000 − 5 − 8.333333))
      //   = ln(48.333333/9951.666667) − ln(13.333333/3986.666667) = ln(0.004856808) − ln(0.003344482) = 0.373070
      // σ² = 1/48.333333 + 1/13.333333 = 0.095690;  z = 0.373070 / 0.309338 = 1.206028
      case: 'unequal groups, default prior: the smaller group is not swamped',
      term: { a: 40, b: 5, background: 50 },
      sizes: { a: 8000, b: 2000, background: 12000 },
      prior: undefined,
      delta: 0.37307,
      variance: 0.09569,
      z: 1.206028,
    },
  ])('$case', ({ term, sizes, prior, delta, variance, z }) => {
    const result = weightedLogOdds(term, sizes, prior);
    expect(result.delta).toBeCloseTo(delta, 5);
    expect(result.variance).toBeCloseTo(variance, 5);
    expect(result.z).toBeCloseTo(z, 5);
  });

  it('is antisymmetric: swapping the groups flips the sign', () => {
    const ab = weightedLogOdds({ a: 7, b: 3, background: 12 }, { a: 500, b: 400, background: 1000 });
    const ba = weightedLogOdds({ a: 3, b: 7, background: 12 }, { a: 400, b: 500, background: 1000 });
    expect(ba.z).toBeCloseTo(-ab.z, 12);
  });

  it('gives no evidence for a term never seen', () => {
    expect(weightedLogOdds({ a: 0, b: 0, background: 0 }, { a: 100, b: 100, background: 300 })).toEqual({ delta: 0, variance: Infinity, z: 0 });
  });
});
