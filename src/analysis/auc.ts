/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative (ties count ½). Used to say how well emotions predict promoters/detractors out of sample.
 */
import { fitLogistic, logisticDesign } from './logistic-regression.js';
import { mulberry32 } from './mulberry32.js';
import { stratifiedFolds } from './stratified-folds.js';

/** A small ridge keeps each fold's fit finite when a rare predictor separates the training rows. */
const CV_RIDGE = 1e-3;
/** With fewer events than this in the rarer class, maximum likelihood is biased enough that Firth is worth its second pass. */
const FIRTH_BELOW_EVENTS = 200;

/** Mann–Whitney U / (n₁·n₀) with tied scores given their average rank. NaN if either class is absent. */
export function auc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  if (scores.length !== labels.length) throw new Error(`auc: ${scores.length} scores but ${labels.length} labels`);
  scores.forEach((s, i) => {
    if (!Number.isFinite(s)) throw new Error(`auc: score ${i} is not finite (${s})`);
  });
  const positives = labels.reduce<number>((sum, l) => sum + l, 0);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const averageRank = (start + end + 2) / 2; // ranks are 1-based
    for (let t = start; t <= end; t++) positiveRankSum += labels[order[t]!]! * averageRank;
    start = end + 1;
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Out-of-fold AUC of a logistic model: stratified folds from a seeded shuffle, a fit on the
 * other folds, the linear predictor as score, and one AUC over all pooled out-of-fold scores.
 */
export function crossValidatedAuc(X: readonly (readonly number[])[], y: readonly (0 | 1)[], folds = 5, seed = 1): number {
  if (X.length !== y.length) throw new Error(`crossValidatedAuc: X has ${X.length} rows but y has ${y.length} labels`);
  const index = new Map<string, number>();
  const patterns: (readonly number[])[] = [];
  const pattern = X.map((row) => {
    const key = row.join(',');
    let at = index.get(key);
    if (at === undefined) {
      index.set(key, (at = patterns.length));
      patterns.push(row);
    }
    return at;
  });
  return crossValidatedAucOfPatterns(patterns, pattern, y, stratifiedFolds(y, folds, mulberry32(seed)), folds);
}

/**
 * crossValidatedAuc where row i has the predictors patterns[pattern[i]], the label y[i] (0 or 1) and is
 * tested in fold[i] (from stratifiedFolds, so several models can share one assignment): the same result, but
 * each fold is fitted on its distinct (pattern, outcome) pairs with their counts as frequency weights, and the
 * AUC is summed over (pattern, fold) groups — a million rows with a few thousand patterns cost a pass to
 * count them and a few thousand-row fits.
 */
export function crossValidatedAucOfPatterns(
  patterns: readonly (readonly number[])[],
  pattern: ArrayLike<number>,
  y: ArrayLike<number>,
  fold: ArrayLike<number>,
  folds: number,
): number {
  if (pattern.length !== y.length || fold.length !== y.length) {
    throw new Error(`crossValidatedAuc: ${pattern.length} rows, ${y.length} labels, ${fold.length} folds`);
  }
  const counts = new FoldCounts(patterns.length, folds);
  for (let i = 0; i < y.length; i++) counts.add(pattern[i]!, y[i]!, fold[i]!);
  const score = crossValidatedScores(patterns, counts);
  const scores: number[] = [];
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let p = 0; p < patterns.length; p++) {
    for (let f = 0; f < folds; f++) {
      const pos = counts.get(p, 1, f);
      const neg = counts.get(p, 0, f);
      if (pos + neg === 0) continue;
      scores.push(score[p * folds + f]!);
      positives.push(pos);
      negatives.push(neg);
    }
  }
  return groupedAuc(scores, positives, negatives);
}

/**
 * The out-of-fold score (linear predictor) of every row, from the same fits as crossValidatedAucOfPatterns
 * (auc() of these equals it): for paired comparisons of two models on the same rows, such as DeLong's test.
 */
export function outOfFoldScores(
  patterns: readonly (readonly number[])[],
  pattern: ArrayLike<number>,
  y: ArrayLike<number>,
  fold: ArrayLike<number>,
  folds: number,
): Float64Array {
  if (pattern.length !== y.length || fold.length !== y.length) {
    throw new Error(`crossValidatedAuc: ${pattern.length} rows, ${y.length} labels, ${fold.length} folds`);
  }
  const counts = new FoldCounts(patterns.length, folds);
  for (let i = 0; i < y.length; i++) counts.add(pattern[i]!, y[i]!, fold[i]!);
  const score = crossValidatedScores(patterns, counts);
  return Float64Array.from({ length: y.length }, (_, i) => score[pattern[i]! * folds + fold[i]!]!);
}

/** Rows per (pattern, label, fold): all that cross-validating a model of yes/no patterns needs to know. */
export class FoldCounts {
  readonly counts: Float64Array;

  constructor(
    readonly patterns: number,
    readonly folds: number,
  ) {
    this.counts = new Float64Array(patterns * 2 * folds);
  }

  add(pattern: number, label: number, fold: number, n = 1): void {
    this.counts[(pattern * 2 + label) * this.folds + fold]! += n;
  }

  get(pattern: number, label: number, fold: number): number {
    return this.counts[(pattern * 2 + label) * this.folds + fold]!;
  }
}

/**
 * Out-of-fold scores: score[p·folds + f] is the linear predictor for pattern p from the model fitted on every
 * fold but f (0 when no row trains it). One design for all folds: every pattern that occurs. A fold fits it as
 * a binomial row — the share of positives among its rows outside the fold, weighted by their number — which is
 * the same likelihood as one row per response, with a row per pattern instead of a row per pattern and label.
 */
export function crossValidatedScores(patterns: readonly (readonly number[])[], counts: FoldCounts): Float64Array {
  const folds = counts.folds;
  const score = new Float64Array(patterns.length * folds);
  const rows: number[] = [];
  patterns.forEach((_, p) => {
    let total = 0;
    for (let f = 0; f < folds; f++) total += counts.get(p, 0, f) + counts.get(p, 1, f);
    if (total > 0) rows.push(p);
  });
  if (rows.length === 0) return score;
  const design = logisticDesign(rows.map((p) => patterns[p]!));
  for (let f = 0; f < folds; f++) {
    const weights = new Array<number>(rows.length).fill(0);
    const shares = new Array<number>(rows.length).fill(0);
    let events = 0;
    rows.forEach((p, r) => {
      let train = 0;
      let trainEvents = 0;
      for (let g = 0; g < folds; g++) {
        if (g === f) continue;
        train += counts.get(p, 0, g) + counts.get(p, 1, g);
        trainEvents += counts.get(p, 1, g);
      }
      weights[r] = train;
      shares[r] = train > 0 ? trainEvents / train : 0;
      events += trainEvents;
    });
    const total = weights.reduce((sum, w) => sum + w, 0);
    // Without training rows the fold's rows keep the score 0, as row by row.
    if (total === 0) continue;
    const fit = fitLogistic(design, shares, { firth: Math.min(events, total - events) < FIRTH_BELOW_EVENTS, ridge: CV_RIDGE, weights });
    const [intercept = 0, ...slopes] = fit.coefficients;
    patterns.forEach((x, p) => {
      score[p * folds + f] = slopes.reduce((eta, b, j) => eta + b * x[j]!, intercept);
    });
  }
  return score;
}

/** auc() over groups of rows that share a score: `positives[g]` and `negatives[g]` rows scored `scores[g]`. */
function groupedAuc(scores: readonly number[], positives: readonly number[], negatives: readonly number[]): number {
  scores.forEach((s, g) => {
    if (!Number.isFinite(s)) throw new Error(`auc: score of group ${g} is not finite (${s})`);
  });
  const allPositives = positives.reduce((s, v) => s + v, 0);
  const allNegatives = negatives.reduce((s, v) => s + v, 0);
  if (allPositives === 0 || allNegatives === 0) return Number.NaN;
  const order = scores.map((_, g) => g).sort((a, b) => scores[a]! - scores[b]!);
  let positiveRankSum = 0;
  let below = 0; // rows ranked before the current block of tied scores
  for (let start = 0; start < order.length; ) {
    let end = start;
    let pos = positives[order[start]!]!;
    let size = pos + negatives[order[start]!]!;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) {
      end++;
      pos += positives[order[end]!]!;
      size += positives[order[end]!]! + negatives[order[end]!]!;
    }
    positiveRankSum += pos * (below + (size + 1) / 2); // ranks are 1-based; ties share their average rank
    below += size;
    start = end + 1;
  }
  return (positiveRankSum - (allPositives * (allPositives + 1)) / 2) / (allPositives * allNegatives);
}
