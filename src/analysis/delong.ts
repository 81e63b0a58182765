/**
 * DeLong, DeLong & Clarke-Pearson (1988): the variances and covariances of AUCs measured on the same
 * responses, so two models' AUCs can be compared with a paired test and each AUC gets an interval — without
 * refitting the models in a bootstrap.
 *
 * Works on groups of responses that share every model's score (the report has a few thousand such groups for
 * a million responses): a response's placement value — the share of the other class it outranks, ties ½ —
 * is the same for every response of its group and class. Row-by-row data is the case of one row per group.
 */
import { normalCdf, Z95 } from './normal.js';

export interface GroupedScores {
  /** scores[m][g]: model m's score for the responses of group g. */
  scores: readonly (readonly number[])[];
  /** Positive and negative responses in each group. */
  positives: readonly number[];
  negatives: readonly number[];
}

export interface DelongAucs {
  auc: number[];
  /** Covariance matrix of the AUCs (DeLong). */
  covariance: number[][];
}

export interface AucDifference {
  aucA: number;
  aucB: number;
  /** aucA − aucB */
  difference: number;
  standardError: number;
  ci95: [number, number];
  /** Two-sided p-value of difference = 0. */
  p: number;
}

export function delongAucs({ scores, positives, negatives }: GroupedScores): DelongAucs {
  const groups = positives.length;
  if (negatives.length !== groups || scores.some((s) => s.length !== groups)) throw new Error('delongAucs: scores, positives and negatives differ in length');
  const n1 = positives.reduce((s, v) => s + v, 0);
  const n0 = negatives.reduce((s, v) => s + v, 0);
  const models = scores.length;
  if (n1 === 0 || n0 === 0) return { auc: scores.map(() => Number.NaN), covariance: scores.map(() => scores.map(() => Number.NaN)) };
  const v10 = scores.map((s) => placements(s, negatives, positives, n0, 1));
  const v01 = scores.map((s) => placements(s, positives, negatives, n1, -1));
  const auc = v10.map((v) => v.reduce((sum, x, g) => sum + positives[g]! * x, 0) / n1);
  const covariance = Array.from({ length: models }, (_, a) =>
    Array.from({ length: models }, (_, b) => {
      let s10 = 0;
      let s01 = 0;
      for (let g = 0; g < groups; g++) {
        s10 += positives[g]! * (v10[a]![g]! - auc[a]!) * (v10[b]![g]! - auc[b]!);
        s01 += negatives[g]! * (v01[a]![g]! - auc[a]!) * (v01[b]![g]! - auc[b]!);
      }
      return (n1 > 1 ? s10 / (n1 - 1) / n1 : 0) + (n0 > 1 ? s01 / (n0 - 1) / n0 : 0);
    }),
  );
  return { auc, covariance };
}

/**
 * Per group, the share of the `other` class that its responses outrank (direction 1: score above; −1: below),
 * ties counting ½. The distinct scores are sorted natively (a typed-array sort, no comparator) and each group
 * finds its own by binary search, so tens of thousands of groups cost milliseconds.
 */
function placements(score: readonly number[], other: readonly number[], own: readonly number[], otherTotal: number, direction: 1 | -1): number[] {
  const sorted = Float64Array.from(score).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  const values = sorted.subarray(0, distinct);
  const rank = score.map((s) => {
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  const at = new Float64Array(distinct); // the other class's responses at each distinct score
  rank.forEach((r, g) => (at[r]! += other[g]!));
  const below = new Float64Array(distinct); // … and below it
  for (let r = 1; r < distinct; r++) below[r] = below[r - 1]! + at[r - 1]!;
  return rank.map((r, g) => {
    if (own[g]! === 0) return 0;
    const outranked = direction === 1 ? below[r]! : otherTotal - below[r]! - at[r]!;
    return (outranked + at[r]! / 2) / otherTotal;
  });
}

/** The 95% interval of AUC m, clipped to [0, 1]. */
export function aucCi(d: DelongAucs, m: number): [number, number] {
  const se = Math.sqrt(Math.max(0, d.covariance[m]![m]!));
  return [Math.max(0, d.auc[m]! - Z95 * se), Math.min(1, d.auc[m]! + Z95 * se)];
}

/** AUC a − AUC b with its 95% interval and the two-sided p-value of DeLong's paired test. */
export function aucDifference(d: DelongAucs, a: number, b: number): AucDifference {
  const [aucA, aucB] = [d.auc[a]!, d.auc[b]!];
  const difference = aucA - aucB;
  const variance = d.covariance[a]![a]! + d.covariance[b]![b]! - 2 * d.covariance[a]![b]!;
  const standardError = Math.sqrt(Math.max(0, variance));
  return {
    aucA,
    aucB,
    difference,
    standardError,
    ci95: [difference - Z95 * standardError, difference + Z95 * standardError],
    p: standardError > 0 ? 2 * normalCdf(-Math.abs(difference / standardError)) : difference === 0 ? 1 : Number.isNaN(difference) ? Number.NaN : 0,
  };
}

/** AUC of scoresA minus AUC of scoresB on the same rows and 0/1 labels, with DeLong's standard error. */
export function delongDifference(scoresA: ArrayLike<number>, scoresB: ArrayLike<number>, labels: ArrayLike<number>): AucDifference {
  if (scoresA.length !== labels.length || scoresB.length !== labels.length) {
    throw new Error(`delongDifference: ${scoresA.length} and ${scoresB.length} scores but ${labels.length} labels`);
  }
  const positives = Array.from(labels, (l) => (l === 1 ? 1 : 0));
  const d = delongAucs({ scores: [Array.from(scoresA), Array.from(scoresB)], positives, negatives: positives.map((p) => 1 - p) });
  return aucDifference(d, 0, 1);
}
