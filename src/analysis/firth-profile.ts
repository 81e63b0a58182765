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
/**
 * Profile fits stop at the last Newton iterate, whose penalised log-likelihood is short of the maximum by about
 * ½·step²·information: with steps below 1e-6 that is under 1e-7 even for a million responses, well inside what
 * the bound search needs.
 */
const PROFILE_TOLERANCE = 1e-6;
/** A bound is found when the signed root of the profile deviance is this close to ±1.959964. */
const ROOT_TOLERANCE = 2e-6;
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
    skipFinalStep: true,
  });
  if (!held.converged) state.converged = false;
  // Never below 0: a constrained maximum cannot beat the unconstrained one except by rounding.
  const deviance = Math.max(0, 2 * (fit.penalisedLogLikelihood - held.penalisedLogLikelihood));
  return { t, deviance, beta: held.coefficients };
}

/**
 * The bound on one side of the estimate: where the root of the profile deviance, r(t), reaches 1.959964. r is
 * close to linear in d = t − b̂ (exactly |d|/SE for a quadratic likelihood), so each step fits r = a·d + b·d²
 * through the two known points nearest the target (r(b̂) = 0 anchors the curve) and goes to its root — a few
 * profile fits per bound. Steps stay inside the bracket once one is known, and otherwise move outward at most
 * four times as far as the farthest point yet.
 */
function findBound(at: (t: number) => Point, evaluated: readonly Point[], top: Point, side: 1 | -1, se: number): number {
  const root = (p: Point) => Math.sqrt(p.deviance);
  const reach = (p: Point) => (p.t - top.t) * side;
  const known = evaluated.filter((p) => p !== top && reach(p) > 0);
  let next = top.t + side * ROOT_95 * (Number.isFinite(se) && se > 0 ? se : 1);
  for (let evaluations = 0; evaluations < MAX_EVALUATIONS; evaluations++) {
    if (known.length > 0) {
      const inner = known.filter((p) => root(p) < ROOT_95).reduce<Point>((a, p) => (reach(p) > reach(a) ? p : a), top);
      const beyond = known.filter((p) => root(p) >= ROOT_95);
      const outer = beyond.length > 0 ? beyond.reduce((a, p) => (reach(p) < reach(a) ? p : a)) : undefined;
      if (outer && reach(outer) - reach(inner) < 1e-9) return outer.t;
      const nearest = [...known].sort((a, b) => Math.abs(root(a) - ROOT_95) - Math.abs(root(b) - ROOT_95)).slice(0, 2);
      let d = targetReach(nearest.map((p) => [reach(p), root(p)] as const));
      const lo = reach(inner);
      const hi = outer ? reach(outer) : 4 * Math.max(lo, reach(nearest[0]!));
      // Inside the bracket (or the outward limit), never on its ends: a flat stretch could put it there.
      if (!(d > lo && d < hi)) d = outer ? (lo + hi) / 2 : hi;
      next = top.t + side * d;
    }
    if (Math.abs(next - top.t) > MAX_REACH) {
      const farthest = known.reduce((a, p) => Math.max(a, reach(p)), 0);
      if (farthest >= MAX_REACH * 0.999 && known.every((p) => root(p) < ROOT_95)) return side * Number.POSITIVE_INFINITY;
      next = top.t + side * MAX_REACH;
    }
    const point = at(next);
    if (Math.abs(root(point) - ROOT_95) < ROOT_TOLERANCE) return point.t;
    known.push(point);
  }
  return known.filter((p) => root(p) < ROOT_95).reduce((a, p) => (reach(p) > reach(a) ? p : a), top).t;
}

/** The d where r = a·d + b·d² (through the origin and the given points) reaches the target; NaN if none. */
function targetReach(points: readonly (readonly [number, number])[]): number {
  if (points.length === 1) {
    const [d, r] = points[0]!;
    return r > 0 ? (d * ROOT_95) / r : Number.NaN;
  }
  const [[d1, r1], [d2, r2]] = points as [readonly [number, number], readonly [number, number]];
  // Solve r_i = a·d_i + b·d_i² for a and b.
  const det = d1 * d2 * d2 - d2 * d1 * d1;
  if (Math.abs(det) < 1e-300) return targetReach([points[0]!]);
  const a = (r1 * d2 * d2 - r2 * d1 * d1) / det;
  const b = (d1 * r2 - d2 * r1) / det;
  if (Math.abs(b) < 1e-12 * Math.abs(a)) return ROOT_95 / a;
  const disc = a * a + 4 * b * ROOT_95;
  if (disc < 0) return Number.NaN;
  // The root on the branch that passes through the points (the one continuous with a·d at small d).
  return (2 * ROOT_95) / (a + Math.sqrt(disc));
}
