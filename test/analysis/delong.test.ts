import { describe, expect, it } from 'vitest';
import { auc } from '../../src/analysis/auc.js';
import { delongDifference, midranks } from '../../src/analysis/delong.js';
import { mulberry32 } from '../../src/analysis/mulberry32.js';

/** DeLong's variance straight from its definition: every positive against every negative. */
function bruteForce(a: number[], b: number[], labels: (0 | 1)[]): { difference: number; variance: number } {
  const pos = labels.flatMap((l, i) => (l === 1 ? [i] : []));
  const neg = labels.flatMap((l, i) => (l === 0 ? [i] : []));
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const parts = (s: number[]) => ({
    v10: pos.map((i) => neg.reduce((t, j) => t + psi(s[i]!, s[j]!), 0) / neg.length),
    v01: neg.map((j) => pos.reduce((t, i) => t + psi(s[i]!, s[j]!), 0) / pos.length),
  });
  const cov = (x: number[], y: number[]) => {
    const mx = x.reduce((t, v) => t + v, 0) / x.length;
    const my = y.reduce((t, v) => t + v, 0) / y.length;
    return x.reduce((t, v, i) => t + (v - mx) * (y[i]! - my), 0) / (x.length - 1);
  };
  const A = parts(a);
  const B = parts(b);
  const d = (x: number[], y: number[]) => x.map((v, i) => v - y[i]!);
  return {
    difference: auc(a, labels) - auc(b, labels),
    variance: cov(d(A.v10, B.v10), d(A.v10, B.v10)) / pos.length + cov(d(A.v01, B.v01), d(A.v01, B.v01)) / neg.length,
  };
}

describe('midranks', () => {
  it.each<[number[], number[]]>([
    [[3, 1, 2], [3, 1, 2]],
    [[5, 5, 1], [2.5, 2.5, 1]],
    [[2, 2, 2, 2], [2.5, 2.5, 2.5, 2.5]],
    [[], []],
  ])('%j → %j', (values, expected) => {
    expect([...midranks(values)]).toEqual(expected);
  });
});

describe('delongDifference', () => {
  it('a hand-worked case: a perfect model against one that misranks one pair', () => {
    // B: positive 0.2 loses to negative 0.3 → AUC 3/4; its components V10 = [1, ½], V01 = [½, 1] (sample
    // variance ⅛ each), A's are all 1, so Var(A − B) = ⅛/2 + ⅛/2 = ⅛.
    const r = delongDifference([0.9, 0.8, 0.3, 0.1], [0.9, 0.2, 0.3, 0.1], [1, 1, 0, 0]);
    expect(r.aucA).toBe(1);
    expect(r.aucB).toBe(0.75);
    expect(r.difference).toBe(0.25);
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.125), 12);
    expect(r.ci95[0]).toBeCloseTo(0.25 - 1.96 * Math.sqrt(0.125), 12);
  });

  it.each([
    ['continuous scores', 60, 41, false],
    ['heavily tied scores (a handful of emotion patterns)', 200, 42, true],
  ])('%s: matches the pairwise definition', (_, n, seed, tied) => {
    const random = mulberry32(seed);
    const labels = Array.from({ length: n }, (): 0 | 1 => (random() < 0.4 ? 1 : 0));
    const draw = (l: number, signal: number) => {
      const v = random() + signal * l;
      return tied ? Math.round(v * 3) : v;
    };
    const a = labels.map((l) => draw(l, 0.8));
    const b = labels.map((l, i) => (random() < 0.5 ? a[i]! : draw(l, 0.3)));
    const r = delongDifference(a, b, labels);
    const expected = bruteForce(a, b, labels);
    expect(r.aucA).toBeCloseTo(auc(a, labels), 12);
    expect(r.aucB).toBeCloseTo(auc(b, labels), 12);
    expect(r.difference).toBeCloseTo(expected.difference, 12);
    expect(r.standardError ** 2).toBeCloseTo(expected.variance, 12);
    expect(r.standardError).toBeGreaterThan(0);
  });

  it('two identical models differ by exactly 0 with no uncertainty', () => {
    const r = delongDifference([1, 2, 3, 4, 2], [1, 2, 3, 4, 2], [0, 1, 1, 0, 1]);
    expect(r.difference).toBe(0);
    expect(r.standardError).toBe(0);
    expect(r.p).toBe(1);
  });

  it('is NaN without both classes and rejects mismatched lengths', () => {
    expect(delongDifference([1, 2], [2, 1], [1, 1]).difference).toBeNaN();
    expect(() => delongDifference([1, 2, 3], [1, 2], [0, 1])).toThrow(/labels/);
  });
});
