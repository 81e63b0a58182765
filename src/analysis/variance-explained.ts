/**
 * How much of the 0–10 score's variance the emotions explain, compared fairly with plain satisfaction alone
 * (adjusted R², which charges the emotions for their number of predictors), and each emotion's Shapley share of
 * it — every figure with a 95% interval from a Poisson bootstrap over respondents.
 */
import { BinaryCrossProducts, type CrossProducts, r2FromCrossProducts, r2OfAllSubsets } from './linear-r2.js';
import { mulberry32 } from './mulberry32.js';
import { poisson } from './poisson.js';
import { MAX_SHAPLEY_PREDICTORS, shapleyShares } from './shapley-r2.js';

export interface Estimate {
  value: number;
  ci95: [number, number];
}

export interface VarianceExplained {
  /** Adjusted R² of the score on every predictor. */
  all: Estimate;
  /** Adjusted R² on the one `single` predictor alone, and all − single; null without it. */
  single: Estimate | null;
  difference: Estimate | null;
  /** Per `ranked` predictor, its Shapley share of the R² of the ranked predictors (shares sum to 1). */
  shares: Estimate[];
}

export interface VarianceOptions {
  /** Predictors (columns) whose Shapley shares are wanted; at most 15. */
  ranked: readonly number[];
  /** The predictor compared alone (satisfaction), or −1. */
  single: number;
  /** Bootstrap resamples (default 200) and their seed. */
  replicates?: number;
  seed?: number;
}

/**
 * X (0/1 predictors) and y (whole numbers: the 0–10 score) with frequency weights (rows of identical respondents). A resample gives each row a Poisson(weight)
 * weight — every respondent a Poisson(1) one — so each replicate is one pass over the rows, whatever the
 * number of respondents.
 */
export function varianceExplained(X: readonly (readonly number[])[], y: readonly number[], weights: readonly number[], options: VarianceOptions): VarianceExplained {
  if (options.ranked.length > MAX_SHAPLEY_PREDICTORS) throw new Error(`varianceExplained: at most ${MAX_SHAPLEY_PREDICTORS} ranked predictors`);
  const k = X[0]?.length ?? 0;
  const sums = new BinaryCrossProducts(X, y);
  const point = figures(sums.with(weights), k, options);
  const random = mulberry32(options.seed ?? 1);
  const replicates = options.replicates ?? 200;
  const draws: Figures[] = [];
  const resampled = new Float64Array(weights.length);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < weights.length; i++) resampled[i] = poisson(weights[i]!, random);
    draws.push(figures(sums.with(resampled), k, options));
  }
  const interval = (value: number, pick: (f: Figures) => number): Estimate => ({ value, ci95: percentiles(draws.map(pick).filter(Number.isFinite)) });
  return {
    all: interval(point.all, (f) => f.all),
    single: options.single < 0 ? null : interval(point.single, (f) => f.single),
    difference: options.single < 0 ? null : interval(point.all - point.single, (f) => f.all - f.single),
    shares: point.shares.map((share, j) => interval(share, (f) => f.shares[j]!)),
  };
}

interface Figures {
  all: number;
  single: number;
  shares: number[];
}

function figures(cp: CrossProducts, k: number, options: VarianceOptions): Figures {
  const ranked = options.ranked;
  const all = r2FromCrossProducts(cp, Array.from({ length: k }, (_, j) => j));
  const single = options.single < 0 ? Number.NaN : r2FromCrossProducts(cp, [options.single]);
  const r2Of = r2OfAllSubsets(subset(cp, ranked), ranked.length);
  const total = r2Of[(1 << ranked.length) - 1]!;
  const shares = shapleyShares(r2Of, ranked.length).map((s) => (total > 0 ? s / total : 0));
  return { all: adjusted(all, cp.n, k), single: adjusted(single, cp.n, 1), shares };
}

/** The cross-products of some predictors only. */
function subset(cp: CrossProducts, columns: readonly number[]): CrossProducts {
  return { n: cp.n, xx: columns.map((a) => columns.map((b) => cp.xx[a]![b]!)), xy: columns.map((a) => cp.xy[a]!), yy: cp.yy };
}

/** 1 − (1 − R²)(n − 1)/(n − k − 1): what R² is worth after paying for k predictors. */
export function adjusted(r2: number, n: number, k: number): number {
  return n - k - 1 > 0 ? 1 - ((1 - r2) * (n - 1)) / (n - k - 1) : Number.NaN;
}

/** 2.5% and 97.5% quantiles (linear interpolation between order statistics, R's type 7). */
export function percentiles(values: readonly number[]): [number, number] {
  if (values.length === 0) return [Number.NaN, Number.NaN];
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
  };
  return [at(0.025), at(0.975)];
}
