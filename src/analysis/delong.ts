/**
 * DeLong's test for two correlated AUCs — two models scoring the same rows (DeLong, DeLong & Clarke-Pearson
 * 1988), computed from mid-ranks as in Sun & Xu (2014): O(n log n), no n₁×n₀ matrix. Used to put a
 * confidence interval on "emotions beat polarity by x" without refitting models in a bootstrap.
 */
import { twoSidedP, Z95 } from './normal.js';

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

/** Ranks 1…n with ties given their average rank. */
export function midranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    for (let t = start; t <= end; t++) ranks[order[t]!] = (start + end + 2) / 2;
    start = end + 1;
  }
  return ranks;
}

/**
 * The structural components of one model's AUC: for each positive, the share of negatives it outscores
 * (V10); for each negative, the share of positives that outscore it (V01); ties count ½.
 */
function components(scores: ArrayLike<number>, labels: ArrayLike<number>): { v10: Float64Array; v01: Float64Array; auc: number } {
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < labels.length; i++) (labels[i] === 1 ? positives : negatives).push(scores[i]!);
  const all = midranks([...positives, ...negatives]);
  const withinPositives = midranks(positives);
  const withinNegatives = midranks(negatives);
  const n1 = positives.length;
  const n0 = negatives.length;
  const v10 = Float64Array.from(positives, (_, i) => (all[i]! - withinPositives[i]!) / n0);
  const v01 = Float64Array.from(negatives, (_, j) => 1 - (all[n1 + j]! - withinNegatives[j]!) / n1);
  return { v10, v01, auc: v10.reduce((s, v) => s + v, 0) / n1 };
}

/** Sample covariance of two equally long series. */
function covariance(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 2) return 0;
  const meanA = a.reduce((s, v) => s + v, 0) / n;
  const meanB = b.reduce((s, v) => s + v, 0) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[i]! - meanA) * (b[i]! - meanB);
  return sum / (n - 1);
}

/** AUC of scoresA minus AUC of scoresB on the same rows and 0/1 labels, with DeLong's standard error. */
export function delongDifference(scoresA: ArrayLike<number>, scoresB: ArrayLike<number>, labels: ArrayLike<number>): AucDifference {
  if (scoresA.length !== labels.length || scoresB.length !== labels.length) {
    throw new Error(`delongDifference: ${scoresA.length} and ${scoresB.length} scores but ${labels.length} labels`);
  }
  const a = components(scoresA, labels);
  const b = components(scoresB, labels);
  const n1 = a.v10.length;
  const n0 = a.v01.length;
  if (n1 === 0 || n0 === 0) {
    return { aucA: Number.NaN, aucB: Number.NaN, difference: Number.NaN, standardError: Number.NaN, ci95: [Number.NaN, Number.NaN], p: Number.NaN };
  }
  // Var(A − B) = Var A + Var B − 2 Cov(A, B), each from the positives' and the negatives' components.
  const part = (x: Float64Array, y: Float64Array, u: Float64Array, v: Float64Array) => covariance(x, y) / n1 + covariance(u, v) / n0;
  const variance = part(a.v10, a.v10, a.v01, a.v01) + part(b.v10, b.v10, b.v01, b.v01) - 2 * part(a.v10, b.v10, a.v01, b.v01);
  const standardError = Math.sqrt(Math.max(0, variance));
  const difference = a.auc - b.auc;
  return {
    aucA: a.auc,
    aucB: b.auc,
    difference,
    standardError,
    ci95: [difference - Z95 * standardError, difference + Z95 * standardError],
    p: standardError > 0 ? twoSidedP(difference / standardError) : difference === 0 ? 1 : 0,
  };
}
