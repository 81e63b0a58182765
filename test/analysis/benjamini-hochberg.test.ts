import { describe, expect, it } from 'vitest';
import { bhQValues } from '../../src/analysis/benjamini-hochberg.js';

// Benjamini & Hochberg (1995), section 4: 15 p-values from a multiple-endpoint trial.
const BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

describe('bhQValues', () => {
  it('rejects the first four of the 1995 example at q = 0.05', () => {
    const q = bhQValues(BH_1995);
    expect(q.map((v) => v <= 0.05)).toEqual([true, true, true, true, ...new Array<boolean>(11).fill(false)]);
  });

  it.each([
    // m·p(i)/i, then the running minimum from the largest p down:
    [0, (15 * 0.0001) / 1], // 0.0015
    [3, (15 * 0.0095) / 4], // 0.035625
    [4, (15 * 0.0201) / 5], // 0.0603 < min over later ranks (0.063857)
    [5, (15 * 0.0298) / 7], // rank 6 gives 0.0695, but rank 7 gives 0.063857 — monotonicity takes the smaller
    [6, (15 * 0.0298) / 7], // 0.063857
    [8, (15 * 0.0459) / 9], // 0.0765
    [9, (15 * 0.324) / 10], // 0.486
    [14, 1],
  ])('q[%d] = %d', (index, expected) => {
    expect(bhQValues(BH_1995)[index]).toBeCloseTo(expected, 12);
  });

  it('keeps the input order and is monotone in p', () => {
    const shuffled = [0.0459, 1, 0.0001, 0.324, 0.0095];
    const q = bhQValues(shuffled);
    // m = 5; sorted p: 0.0001, 0.0095, 0.0459, 0.324, 1 → 5p/i: 0.0005, 0.02375, 0.0765, 0.405, 1
    expect(q[0]).toBeCloseTo(0.0765, 12);
    expect(q[1]).toBe(1);
    expect(q[2]).toBeCloseTo(0.0005, 12);
    expect(q[3]).toBeCloseTo(0.405, 12);
    expect(q[4]).toBeCloseTo(0.02375, 12);
  });

  it.each([
    ['empty', [], []],
    ['single', [0.03], [0.03]],
    ['ties share a q', [0.01, 0.01, 0.04], [0.015, 0.015, 0.04]], // 3·0.01/2 = 0.015, 3·0.04/3 = 0.04
    ['capped at 1', [0.9, 0.95], [0.95, 0.95]], // 2·0.9/1 = 1.8 → min with 0.95
    ['NaN stays NaN and is not counted', [0.02, Number.NaN, 0.04], [0.04, Number.NaN, 0.04]], // m = 2: 2·0.02/1 = 0.04, 2·0.04/2 = 0.04
  ])('%s', (_, p, expected) => {
    const q = bhQValues(p);
    expect(q).toHaveLength(expected.length);
    q.forEach((v, i) => {
      if (Number.isNaN(expected[i]!)) expect(v).toBeNaN();
      else expect(v).toBeCloseTo(expected[i]!, 12);
    });
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => bhQValues([0.5, 1.2])).toThrow(RangeError);
  });
});
