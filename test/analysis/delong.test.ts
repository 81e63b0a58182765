import { describe, expect, it } from 'vitest';
import { auc } from '../../src/analysis/auc.js';
import { aucCi, aucDifference, delongAucs } from '../../src/analysis/delong.js';

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
    expect(diff.pValue).toBeCloseTo(REFERENCE.pValue01, 10);
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
