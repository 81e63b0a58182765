import { describe, expect, it } from 'vitest';
import { auc } from '../../src/analysis/auc.js';
import { aucCi, aucDifference, delongAucs, delongDifference } from '../../src/analysis/delong.js';
import { mulberry32 } from '../../src/analysis/mulberry32.js';

/** The groups of test/analysis/delong.reference.py: a fixed arithmetic pattern with many tied scores. */
const G = 40;
const groups = Array.from({ length: G }, (_, g) => ({
  scores: [(g + ((g * 7) % 13)) / 52, (((g * 5) % 11) + (g >> 1)) / 30, (g % 4) / 4],
  positives: ((g * 3) % 5) + (g >= 20 ? 2 : 0),
  negatives: ((g * 2 + 1) % 7) + (g < 20 ? 2 : 0),
}));

/** From `python3 test/analysis/delong.reference.py` (every pair compared, numpy covariances). */
const REFERENCE = {
  auc: [0.6574252136752137, 0.633573717948718, 0.5080128205128205],
  covariance: [
    [0.001105344624718316, 0.0007851515264119261, 6.329023690768322e-5],
    [0.0007851515264119261, 0.0010712940551040138, 1.9126027407208982e-5],
    [6.329023690768322e-5, 1.9126027407208982e-5, 0.001172221767755266],
  ],
  difference01: 0.023851495726495697,
  pValue01: 0.33272853884392695,
};

const grouped = {
  scores: [0, 1, 2].map((m) => groups.map((g) => g.scores[m]!)),
  positives: groups.map((g) => g.positives),
  negatives: groups.map((g) => g.negatives),
};

describe('delongAucs on grouped responses', () => {
  it('gives the AUCs and their covariance matrix of the pairwise reference', () => {
    const d = delongAucs(grouped);
    d.auc.forEach((a, m) => expect(a).toBeCloseTo(REFERENCE.auc[m]!, 12));
    d.covariance.forEach((row, a) => row.forEach((c, b) => expect(c).toBeCloseTo(REFERENCE.covariance[a]![b]!, 12)));
  });

  it('tests a paired difference and gives each AUC its interval', () => {
    const d = delongAucs(grouped);
    const diff = aucDifference(d, 0, 1);
    expect(diff.difference).toBeCloseTo(REFERENCE.difference01, 12);
    expect(diff.p).toBeCloseTo(REFERENCE.pValue01, 10);
    const se = Math.sqrt(REFERENCE.covariance[0]![0]! + REFERENCE.covariance[1]![1]! - 2 * REFERENCE.covariance[0]![1]!);
    expect(diff.ci95[0]).toBeCloseTo(REFERENCE.difference01 - 1.96 * se, 12);
    const [lo, hi] = aucCi(d, 0);
    expect(lo).toBeCloseTo(REFERENCE.auc[0]! - 1.96 * Math.sqrt(REFERENCE.covariance[0]![0]!), 12);
    expect(hi).toBeCloseTo(REFERENCE.auc[0]! + 1.96 * Math.sqrt(REFERENCE.covariance[0]![0]!), 12);
  });

  it('agrees with the plain Mann–Whitney AUC of the expanded rows', () => {
    const scores: number[] = [];
    const labels: (0 | 1)[] = [];
    for (const g of groups) {
      for (let i = 0; i < g.positives; i++) (scores.push(g.scores[1]!), labels.push(1));
      for (let i = 0; i < g.negatives; i++) (scores.push(g.scores[1]!), labels.push(0));
    }
    expect(delongAucs(grouped).auc[1]).toBeCloseTo(auc(scores, labels), 12);
  });

  it.each([
    ['no positives', { scores: [[0.1, 0.2]], positives: [0, 0], negatives: [3, 4] }],
    ['no negatives', { scores: [[0.1, 0.2]], positives: [3, 4], negatives: [0, 0] }],
  ])('is NaN with %s', (_, input) => {
    expect(delongAucs(input).auc[0]).toBeNaN();
  });
});

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
