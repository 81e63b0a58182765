import { describe, expect, it } from 'vitest';
import { npsDifferenceTest, npsOf, npsWithCi } from '../../src/analysis/nps.js';

const counts = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });

describe('npsOf', () => {
  it.each([
    [counts(50, 30, 20), 30],
    [counts(30, 40, 30), 0],
    [counts(0, 0, 7), -100],
    [counts(1, 1, 1), 0],
    [counts(2, 1, 0), (100 * 2) / 3],
    [counts(0, 0, 0), null],
  ])('%j → %d', (c, expected) => {
    expect(npsOf(c)).toBe(expected);
  });

  it('rejects negative counts', () => {
    expect(() => npsOf(counts(-1, 0, 0))).toThrow(RangeError);
  });
});

describe('npsWithCi (adjusted Wald)', () => {
  it.each([
    {
      // 50/30/20 of 100: n' = 103, p = 50.75/103 = 0.492718, d = 20.75/103 = 0.201456
      // centre = 100·30/103 = 29.126214
      // p + d − (p − d)² = 71.5/103 − (30/103)² = 0.694175 − 0.084834 = 0.609341
      // SE = 100·√(0.609341/103) = 7.691510; ±1.96·SE = ±15.075360
      counts: counts(50, 30, 20),
      score: 30,
      ci95: [14.050853, 44.201574],
    },
    {
      // 9/1/0 of 10: n' = 13, p = 9.75/13 = 0.75, d = 0.75/13 = 0.057692, centre = 100·9/13 = 69.230769
      // p + d − (p − d)² = 10.5/13 − (9/13)² = 0.807692 − 0.479290 = 0.328402
      // SE = 100·√(0.328402/13) = 15.893936; ±1.96·SE = ±31.152115 → [38.078654, 100.382884], top clipped to 100
      counts: counts(9, 1, 0),
      score: 90,
      ci95: [38.078654, 100],
    },
    {
      // nobody answered: no score, and the interval is the whole scale
      counts: counts(0, 0, 0),
      score: null,
      ci95: [-100, 100],
    },
  ])('$counts → $score, $ci95', ({ counts: c, score, ci95 }) => {
    const result = npsWithCi(c);
    expect(result.score).toBe(score);
    expect(result.ci95[0]).toBeCloseTo(ci95[0]!, 5);
    expect(result.ci95[1]).toBeCloseTo(ci95[1]!, 5);
    expect(result).toMatchObject({ ...c, n: c.promoters + c.passives + c.detractors });
  });
});

describe('npsDifferenceTest', () => {
  it('compares two hand-computed samples', () => {
    // A = 50/30/20 (NPS 30): Var = 100²·(0.5 + 0.2 − 0.3²)/100 = 10000·0.61/100 = 61
    // B = 30/40/30 (NPS 0):  Var = 100²·(0.3 + 0.3 − 0²)/100  = 10000·0.60/100 = 60
    // SE = √(61 + 60) = 11, z = 30/11 = 2.727273, p = 2·Φ(−2.727273) = 0.006386023
    const result = npsDifferenceTest(counts(50, 30, 20), counts(30, 40, 30));
    expect(result.difference).toBeCloseTo(30, 12);
    expect(result.se).toBeCloseTo(11, 12);
    expect(result.z).toBeCloseTo(30 / 11, 12);
    expect(result.pValue).toBeCloseTo(0.006386023282707063, 12);
  });

  it('is antisymmetric in its arguments', () => {
    const ab = npsDifferenceTest(counts(12, 5, 3), counts(40, 30, 30));
    const ba = npsDifferenceTest(counts(40, 30, 30), counts(12, 5, 3));
    expect(ba.difference).toBeCloseTo(-ab.difference!, 12);
    expect(ba.se).toBeCloseTo(ab.se, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
  });

  it.each([
    ['an empty sample', counts(0, 0, 0), counts(5, 1, 1), null],
    ['no variance in either sample', counts(10, 0, 0), counts(0, 0, 4), 200],
    ['identical single-category samples', counts(3, 0, 0), counts(8, 0, 0), 0],
  ])('gives p = 1 and no NaN for %s', (_, a, b, difference) => {
    const result = npsDifferenceTest(a, b);
    expect(result).toEqual({ difference, se: 0, z: 0, pValue: 1 });
  });
});
