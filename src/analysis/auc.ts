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
  const { cellScores, counts } = foldFits(patterns, pattern, y, fold, folds);
  if (!cellScores) return Number.NaN;
  const scores: number[] = [];
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let f = 0; f < folds; f++) {
    patterns.forEach((_, p) => {
      const pos = counts[(p * 2 + 1) * folds + f]!;
      const neg = counts[p * 2 * folds + f]!;
      if (pos + neg === 0) return;
      scores.push(cellScores[p * folds + f]!);
      positives.push(pos);
      negatives.push(neg);
    });
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
  const { cellScores } = foldFits(patterns, pattern, y, fold, folds);
  const scores = new Float64Array(y.length);
  if (cellScores) for (let i = 0; i < y.length; i++) scores[i] = cellScores[pattern[i]! * folds + fold[i]!]!;
  return scores;
}

/**
 * One logistic fit per fold on the other folds' rows; the score of each (pattern, fold) cell that holds rows
 * (undefined when no pattern occurs), and the row counts per (pattern, label, fold).
 */
function foldFits(
  patterns: readonly (readonly number[])[],
  pattern: ArrayLike<number>,
  y: ArrayLike<number>,
  fold: ArrayLike<number>,
  folds: number,
): { cellScores: Float64Array | undefined; counts: Float64Array } {
  if (pattern.length !== y.length || fold.length !== y.length) {
    throw new Error(`crossValidatedAuc: ${pattern.length} rows, ${y.length} labels, ${fold.length} folds`);
  }
  // counts[(p·2 + label)·folds + f]: rows of pattern p with that label in fold f.
  const counts = new Float64Array(patterns.length * 2 * folds);
  for (let i = 0; i < y.length; i++) counts[(pattern[i]! * 2 + y[i]!) * folds + fold[i]!]!++;
  const cell = (p: number, label: number, f: number) => counts[(p * 2 + label) * folds + f]!;
  // One design for all folds: every pattern that occurs. A fold fits it as a binomial row — the share of
  // promoters among its rows outside the fold, weighted by their number — which is the same likelihood as
  // one row per response, with a row per pattern instead of a row per pattern and label.
  const rows: number[] = [];
  patterns.forEach((_, p) => {
    let total = 0;
    for (let f = 0; f < folds; f++) total += cell(p, 0, f) + cell(p, 1, f);
    if (total > 0) rows.push(p);
  });
  if (rows.length === 0) return { cellScores: undefined, counts };
  const design = logisticDesign(rows.map((p) => patterns[p]!));
  const cellScores = new Float64Array(patterns.length * folds);
  for (let f = 0; f < folds; f++) {
    const weights = new Array<number>(rows.length).fill(0);
    const shares = new Array<number>(rows.length).fill(0);
    let tested = 0;
    let events = 0;
    rows.forEach((p, r) => {
      let train = 0;
      let trainEvents = 0;
      for (let g = 0; g < folds; g++) {
        if (g === f) continue;
        train += cell(p, 0, g) + cell(p, 1, g);
        trainEvents += cell(p, 1, g);
      }
      tested += cell(p, 0, f) + cell(p, 1, f);
      weights[r] = train;
      shares[r] = train > 0 ? trainEvents / train : 0;
      events += trainEvents;
    });
    if (tested === 0) continue;
    const total = weights.reduce((sum, w) => sum + w, 0);
    // Without training rows the fold's rows keep the score 0, as row by row.
    if (total === 0) continue;
    const fit = fitLogistic(design, shares, { firth: Math.min(events, total - events) < FIRTH_BELOW_EVENTS, ridge: CV_RIDGE, weights });
    const [intercept = 0, ...slopes] = fit.coefficients;
    patterns.forEach((x, p) => {
      if (cell(p, 0, f) + cell(p, 1, f) > 0) cellScores[p * folds + f] = slopes.reduce((eta, b, j) => eta + b * x[j]!, intercept);
    });
  }
  return { cellScores, counts };
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
