/**
 * Profile penalised-likelihood inference for Firth logistic regression (Heinze & Schemper 2002; logistf's
 * default): for each coefficient, the penalised likelihood-ratio p-value of b = 0 and the 95% interval of the
 * b whose profile stays within χ²₁(0.95) of the maximum. Unlike Wald intervals these stay honest under
 * separation — exactly where Firth is used: an emotion no promoter mentions gets a wide, one-sided interval,
 * not a symmetric one around a shrunken estimate.
 */
import { type LogisticDesign, type LogisticFit, fitLogistic } from './logistic-regression.js';
import { twoSidedP } from './normal.js';

/** χ²₁ 95% quantile = 1.959964² (not 1.96²: logistf uses qchisq(0.95, 1)). */
const CHI2_95 = 3.841458820694124;
const ROOT_95 = Math.sqrt(CHI2_95);
/** Stop the search for a bound this far (log-odds) from the estimate: an odds ratio beyond e^±30 is unbounded. */
const MAX_REACH = 30;
/** Profile fits need the penalised log-likelihood to ~1e-12; a step tolerance of 1e-7 gives that. */
const PROFILE_TOLERANCE = 1e-7;
/** A bound is found when the signed root of the profile deviance is this close to ±1.959964. */
const ROOT_TOLERANCE = 1e-6;
const MAX_EVALUATIONS = 40;

export interface ProfileResult {
  /** Penalised likelihood-ratio p-value of b = 0. */
  pValue: number;
  /** 95% profile interval on the log-odds scale; ±Infinity when the profile never rises that far. */
  ci95: [number, number];
  /** Every constrained fit converged. */
  converged: boolean;
}

interface Problem {
  design: LogisticDesign;
  y: readonly number[];
  weights: readonly number[] | undefined;
  fit: LogisticFit;
}

/** One profile point: the deviance from the maximum, and the coefficients that reach it. */
interface Point {
  t: number;
  deviance: number;
  beta: number[];
}

/**
 * Profile inference for the coefficients `indexes` (0 = intercept, j + 1 = column j) of a converged Firth fit
 * of (design, y, weights).
 */
export function profileInference(
  design: LogisticDesign,
  y: readonly number[],
  weights: readonly number[] | undefined,
  fit: LogisticFit,
  indexes: readonly number[],
): ProfileResult[] {
  const problem: Problem = { design, y, weights, fit };
  return indexes.map((j) => profileOne(problem, j));
}

function profileOne(problem: Problem, j: number): ProfileResult {
  const { fit } = problem;
  const estimate = fit.coefficients[j]!;
  const se = fit.standardErrors[j]!;
  const state = { converged: true };
  const top: Point = { t: estimate, deviance: 0, beta: fit.coefficients };
  const evaluated: Point[] = [top];
  const at = (t: number): Point => {
    const point = evaluate(problem, j, t, nearest(evaluated, t), state);
    evaluated.push(point);
    return point;
  };
  const atZero = at(0);
  const bound = (side: 1 | -1) => findBound(at, evaluated, top, side, se);
  return { pValue: twoSidedP(Math.sqrt(atZero.deviance)), ci95: [bound(-1), bound(1)], converged: state.converged };
}

/** The evaluated point closest to t: its coefficients are the best start for a fit at t. */
function nearest(points: readonly Point[], t: number): Point {
  return points.reduce((best, p) => (Math.abs(p.t - t) < Math.abs(best.t - t) ? p : best));
}

/**
 * Maximise the penalised likelihood with coefficient j held at t, starting from a neighbour shifted along the
 * estimates' covariance with b_j (the exact profile path of a quadratic likelihood), so a few Newton steps do.
 */
function evaluate(problem: Problem, j: number, t: number, from: Point, state: { converged: boolean }): Point {
  const { fit } = problem;
  const covariance = fit.covariance;
  const shift = t - from.t;
  const start = from.beta.map((b, m) => (m === j ? t : b + (shift * covariance[m]![j]!) / covariance[j]![j]!));
  const held = fitLogistic(problem.design, problem.y, {
    firth: true,
    weights: problem.weights,
    start,
    fixed: { index: j, value: t },
    tolerance: PROFILE_TOLERANCE,
  });
  if (!held.converged) state.converged = false;
  // Never below 0: a constrained maximum cannot beat the unconstrained one except by rounding.
  const deviance = Math.max(0, 2 * (fit.penalisedLogLikelihood - held.penalisedLogLikelihood));
  return { t, deviance, beta: held.coefficients };
}

/**
 * The bound on one side of the estimate: where the root of the profile deviance, which is close to linear in
 * t (|t − b̂|/SE for a quadratic likelihood), reaches 1.959964. Secant steps on that root, kept inside a
 * bracket once one is known; before that, steps outward by extrapolation (at most ×4 at a time).
 */
function findBound(at: (t: number) => Point, evaluated: readonly Point[], top: Point, side: 1 | -1, se: number): number {
  const root = (p: Point) => Math.sqrt(p.deviance);
  const onSide = (p: Point) => (p.t - top.t) * side >= 0;
  // Inner: the farthest known point still inside (root < target); outer: the nearest known point beyond it.
  let inner = top;
  let outer: Point | undefined;
  for (const p of evaluated) {
    if (!onSide(p) || p === top) continue;
    if (root(p) < ROOT_95) {
      if (Math.abs(p.t - top.t) > Math.abs(inner.t - top.t)) inner = p;
    } else if (!outer || Math.abs(p.t - top.t) < Math.abs(outer.t - top.t)) outer = p;
  }
  if (outer && Math.abs(inner.t - top.t) > Math.abs(outer.t - top.t)) inner = top; // only if rounding misorders them
  let next = top.t + side * ROOT_95 * (Number.isFinite(se) && se > 0 ? se : 1);
  for (let evaluations = 0; evaluations < MAX_EVALUATIONS; evaluations++) {
    if (outer) {
      const [ri, ro] = [root(inner), root(outer)];
      next = inner.t + ((ROOT_95 - ri) / (ro - ri)) * (outer.t - inner.t);
      // Keep the secant strictly inside the bracket (a flat stretch could put it on an end).
      const lo = Math.min(inner.t, outer.t);
      const hi = Math.max(inner.t, outer.t);
      const margin = (hi - lo) * 1e-3;
      next = Math.min(hi - margin, Math.max(lo + margin, next));
      if (hi - lo < 1e-9) return next;
    } else if (inner !== top) {
      const reach = Math.abs(inner.t - top.t);
      const grown = root(inner) > 0 ? (reach * ROOT_95) / root(inner) : 4 * reach;
      next = top.t + side * Math.min(4 * reach, Math.max(grown * 1.05, reach * 1.1));
    }
    if (Math.abs(next - top.t) > MAX_REACH) {
      if (!outer) return side * Number.POSITIVE_INFINITY;
      next = top.t + side * MAX_REACH;
    }
    const point = at(next);
    const r = root(point);
    if (Math.abs(r - ROOT_95) < ROOT_TOLERANCE) return point.t;
    if (r < ROOT_95) inner = point;
    else outer = point;
  }
  return inner.t;
}
