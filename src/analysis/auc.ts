/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative (ties count ½). Used to say how well emotions predict promoters/detractors out of sample.
 */
import { fitLogistic } from './logistic-regression.js';
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
  const fold = stratifiedFolds(y, folds, mulberry32(seed));
  const scores = new Array<number>(X.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = X.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    const test = X.flatMap((_, i) => (fold[i] === f ? [i] : []));
    if (test.length === 0 || train.length === 0) continue;
    const trainY = train.map((i) => y[i]!);
    const events = trainY.reduce<number>((s, v) => s + v, 0);
    const fit = fitLogistic(
      train.map((i) => X[i]!),
      trainY,
      { firth: Math.min(events, trainY.length - events) < FIRTH_BELOW_EVENTS, ridge: CV_RIDGE },
    );
    const [intercept = 0, ...slopes] = fit.coefficients;
    for (const i of test) scores[i] = slopes.reduce((eta, b, j) => eta + b * X[i]![j]!, intercept);
  }
  return auc(scores, y);
}
