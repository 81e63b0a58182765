/**
 * Binary logistic regression by Newton–Raphson (= IRLS for the logit link) with step halving,
 * Firth's bias-reduced penalty by default and an optional ridge.
 *
 * Firth maximises l(β) + ½·log|I(β)|, which keeps estimates finite under separation and
 * removes most small-sample bias — both common with rare emotions. With a ridge the
 * objective is l(β) − ½λ‖β₁..‖² + ½·log|M(β)| where M = XᵀWX + λ·D (D = identity without the
 * intercept): one matrix serves as Firth's information, the Newton metric and the source of
 * standard errors, so objective, gradient and step stay consistent with each other.
 *
 * Cost per iteration is one pass over the rows (two with Firth) with O(k²) work each at
 * most; nothing n×n is built.
 */
import { cholesky, choleskyInverse, choleskyLogDet, choleskySolve, type Cholesky, type Matrix } from './matrix.js';
import { twoSidedP, Z95 } from './normal.js';

export interface LogisticOptions {
  /** Firth bias reduction (default true). */
  firth?: boolean;
  /** Ridge λ on every coefficient except the intercept (default 0). */
  ridge?: number;
  /** Newton iterations before giving up (default 50). */
  maxIterations?: number;
  /** Converged when the Newton step moves no coefficient more than this (default 1e-8). */
  tolerance?: number;
  /**
   * Frequency weights: row i stands for weights[i] identical observations. Lets callers fit on distinct
   * (pattern, outcome) rows — a million responses with 13 yes/no emotions have a few thousand patterns.
   */
  weights?: readonly number[];
  /** Start Newton here (intercept first) instead of at the intercept-only fit: profiles warm-start from neighbours. */
  start?: readonly number[];
  /**
   * Hold one coefficient (0 = intercept, j + 1 = column j) at a value and maximise over the others: one point
   * of the profile (penalised) likelihood. Firth's penalty keeps the full model's information, as in
   * Heinze & Schemper (2002) and logistf.
   */
  fixed?: { index: number; value: number };
  /**
   * Stop at the last Newton iterate instead of taking the final tiny step (one pass over the rows fewer): its
   * objective is within tolerance² of the optimum, which is all a profile needs.
   */
  skipFinalStep?: boolean;
}

export interface LogisticFit {
  /** Intercept first, then one per column of X. */
  coefficients: number[];
  /** From the inverse information (XᵀWX + ridge) at the estimate. */
  standardErrors: number[];
  z: number[];
  pValues: number[];
  oddsRatios: number[];
  /** exp(b ± 1.96·SE): the 95 % Wald interval on the odds-ratio scale. */
  ci95: [number, number][];
  converged: boolean;
  iterations: number;
  /** Unpenalised log-likelihood at the estimate. */
  logLikelihood: number;
  /** The objective maximised: the log-likelihood plus Firth's ½·log|I(β)| (and minus the ridge). */
  penalisedLogLikelihood: number;
  /** Inverse of the information matrix at the estimate (with the ridge): the covariance the SEs come from. */
  covariance: number[][];
}

interface Settings {
  firth: boolean;
  ridge: number;
  weights: readonly number[] | undefined;
}

/** Everything known at one β after a pass over the rows. */
interface Evaluation {
  beta: number[];
  information: Matrix;
  factor: Cholesky;
  logLikelihood: number;
  /** The penalised log-likelihood being maximised. */
  objective: number;
  /** Gradient of the objective without Firth's term, Xᵀ(y − π) − λβ. */
  gradient: number[];
  /** Fitted probabilities, kept so the Firth pass need not recompute them. */
  pi: Float64Array;
}

/** Step halvings tried before deciding no ascent is possible. */
const MAX_HALVINGS = 30;

/**
 * The design matrix with its intercept column, holding only the non-zero entries of each row: emotion
 * predictors are mostly 0, so the O(k²) products shrink to O(nonzero²). Built once per fit, not per pass.
 * Row i's entries are at start[i] … start[i + 1] − 1, the intercept's 1 first.
 */
interface SparseDesign {
  rows: number;
  /** Predictors (columns of X). */
  k: number;
  start: Int32Array;
  column: Int32Array;
  value: Float64Array;
}

/** A design matrix checked and compressed once, for several fits that differ only in outcome or weights. */
export type LogisticDesign = Readonly<SparseDesign>;

/** Check X (rows of equal length, finite values) and compress it; throws on the first bad row. */
export function logisticDesign(X: readonly (readonly number[])[]): LogisticDesign {
  if (X.length === 0) throw new Error('fitLogistic: no rows');
  const k = X[0]!.length;
  let entries = X.length;
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    if (row.length !== k) throw new Error(`fitLogistic: row ${i} has ${row.length} predictors, row 0 has ${k}`);
    for (const v of row) {
      if (!Number.isFinite(v)) throw new Error(`fitLogistic: row ${i} has a non-finite predictor (${v})`);
      if (v !== 0) entries++;
    }
  }
  const design: SparseDesign = { rows: X.length, k, start: new Int32Array(X.length + 1), column: new Int32Array(entries), value: new Float64Array(entries) };
  let e = 0;
  X.forEach((row, i) => {
    design.start[i] = e;
    design.column[e] = 0;
    design.value[e++] = 1;
    for (let j = 0; j < k; j++) {
      const v = row[j]!;
      if (v === 0) continue;
      design.column[e] = j + 1;
      design.value[e++] = v;
    }
  });
  design.start[X.length] = e;
  return design;
}

function evaluate(design: SparseDesign, y: readonly number[], beta: number[], settings: Settings): Evaluation {
  const p = beta.length;
  const upper = new Float64Array(p * p); // XᵀWX, upper triangle only
  const gradient = new Float64Array(p);
  const { start, column, value } = design;
  const weights = settings.weights;
  const pi = new Float64Array(design.rows);
  const b = Float64Array.from(beta);
  // Neumaier summation of the log-likelihood (inline: this loop runs for every row of every pass): the line
  // search compares objectives summed over many rows, and plain rounding would hide Newton's last improvements.
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < design.rows; i++) {
    const weight = weights ? weights[i]! : 1;
    if (weight === 0) continue; // it would add zeros: a pattern absent from this cross-validation fold
    const from = start[i]!;
    const to = start[i + 1]!;
    let eta = b[0]!;
    for (let a = from + 1; a < to; a++) eta += b[column[a]!]! * value[a]!;
    // One exp serves π, w = π(1 − π) and log(1 + e^η), and never overflows.
    const e = Math.exp(-Math.abs(eta));
    const prob = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    pi[i] = prob;
    const term = weight * (y[i]! * eta - Math.max(eta, 0) - Math.log1p(e));
    const t = sum + term;
    carry += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    const residual = weight * (y[i]! - prob);
    const w = (weight * e) / ((1 + e) * (1 + e));
    // Gradient and the upper triangle of w·x·xᵀ over the row's non-zero entries.
    for (let a = from; a < to; a++) {
      const va = value[a]!;
      gradient[column[a]!]! += residual * va;
      const wx = w * va;
      const base = column[a]! * p;
      for (let c = a; c < to; c++) upper[base + column[c]!]! += wx * value[c]!;
    }
  }
  const information: Matrix = [];
  for (let j = 0; j < p; j++) {
    const row = new Array<number>(p);
    for (let m = 0; m < p; m++) row[m] = upper[Math.min(j, m) * p + Math.max(j, m)]! + (j === m && j > 0 ? settings.ridge : 0);
    information.push(row);
  }
  const factor = cholesky(information);
  const logLikelihood = sum + carry;
  let objective = logLikelihood;
  for (let j = 1; j < p; j++) objective -= 0.5 * settings.ridge * beta[j]! ** 2;
  if (settings.firth) objective += 0.5 * choleskyLogDet(factor);
  return {
    beta,
    information,
    factor,
    logLikelihood,
    objective,
    gradient: Array.from(gradient, (g, j) => (j > 0 ? g - settings.ridge * beta[j]! : g)),
    pi,
  };
}

/** xᵀAx for symmetric A over the upper triangle (half the multiplications), x being the entries from…to − 1. */
function quadraticForm(a: Float64Array, p: number, { column, value }: SparseDesign, from: number, to: number): number {
  let quad = 0;
  for (let s = from; s < to; s++) {
    const j = column[s]!;
    let inner = 0.5 * a[j * p + j]! * value[s]!;
    for (let t = s + 1; t < to; t++) inner += a[j * p + column[t]!]! * value[t]!;
    quad += 2 * value[s]! * inner;
  }
  return quad;
}

/**
 * Gradient of the Firth objective: the plain gradient plus Xᵀ(h(½ − π)), where h is the hat
 * diagonal wᵢ·xᵢᵀM⁻¹xᵢ. Needs M⁻¹ at β, hence a second pass over the rows.
 */
function firthScore(design: SparseDesign, at: Evaluation, weights: readonly number[] | undefined): number[] {
  const p = at.beta.length;
  const inverse = Float64Array.from(choleskyInverse(at.factor).flat());
  const u = Float64Array.from(at.gradient);
  const { start, column, value } = design;
  for (let i = 0; i < design.rows; i++) {
    const weight = weights ? weights[i]! : 1;
    if (weight === 0) continue;
    const from = start[i]!;
    const to = start[i + 1]!;
    const quad = quadraticForm(inverse, p, design, from, to);
    const prob = at.pi[i]!;
    // An aggregated row's hat value is the sum of its observations' hat values.
    const correction = weight * prob * (1 - prob) * quad * (0.5 - prob);
    for (let a = from; a < to; a++) u[column[a]!]! += correction * value[a]!;
  }
  return Array.from(u);
}

function validateOutcome(design: SparseDesign, y: readonly number[]): void {
  if (design.rows !== y.length) throw new Error(`fitLogistic: X has ${design.rows} rows but y has ${y.length} values`);
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    if (!(yi >= 0 && yi <= 1)) throw new Error(`fitLogistic: y[${i}] = ${yi} is not in [0, 1]`);
  }
}

/**
 * Fit logit P(y = 1) = b₀ + X·b. X has no intercept column; one is added. X may be a logisticDesign, to
 * check and compress it once for several fits.
 */
export function fitLogistic(X: readonly (readonly number[])[] | LogisticDesign, y: readonly number[], options: LogisticOptions = {}): LogisticFit {
  const settings: Settings = { firth: options.firth ?? true, ridge: options.ridge ?? 0, weights: options.weights };
  const design = Array.isArray(X) ? logisticDesign(X as readonly (readonly number[])[]) : (X as LogisticDesign);
  if (options.weights && options.weights.length !== design.rows) {
    throw new Error(`fitLogistic: ${options.weights.length} weights for ${design.rows} rows`);
  }
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  if (!(settings.ridge >= 0)) throw new Error(`fitLogistic: ridge must be ≥ 0, got ${settings.ridge}`);
  validateOutcome(design, y);
  const k = design.k;

  // Starting at the intercept-only MLE saves an iteration or two.
  const w = (i: number) => (options.weights ? options.weights[i]! : 1);
  let total = 0;
  let events = 0;
  y.forEach((v, i) => {
    total += w(i);
    events += w(i) * v;
  });
  const mean = events / total;
  const start = options.start ? [...options.start] : new Array<number>(k + 1).fill(0);
  if (start.length !== k + 1) throw new Error(`fitLogistic: start has ${start.length} values for ${k + 1} coefficients`);
  if (!options.start && mean > 0 && mean < 1) start[0] = Math.log(mean / (1 - mean));
  const fixed = options.fixed;
  if (fixed) {
    if (!(Number.isInteger(fixed.index) && fixed.index >= 0 && fixed.index <= k)) throw new Error(`fitLogistic: no coefficient ${fixed.index} to hold`);
    if (!Number.isFinite(fixed.value)) throw new Error(`fitLogistic: cannot hold a coefficient at ${fixed.value}`);
    start[fixed.index] = fixed.value;
  }

  let current = evaluate(design, y, start, settings);
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const score = settings.firth ? firthScore(design, current, settings.weights) : current.gradient;
    const delta = fixed ? heldStep(current, score, fixed.index) : choleskySolve(current.factor, score);
    const largest = Math.max(0, ...delta.map(Math.abs));
    if (largest < tolerance) {
      // A step this small cannot overshoot; taking it gives the quadratic last digits.
      if (!options.skipFinalStep) current = evaluate(design, y, current.beta.map((b, j) => b + delta[j]!), settings);
      converged = true;
      break;
    }
    // Moves below a hundredth of the tolerance change nothing we report, so halving stops there.
    const next = lineSearch(design, y, current, delta, tolerance / 100, settings);
    if (!next) {
      // The objective is flat along the step to machine precision: the optimum, unless the
      // step is still large (divergence under separation without Firth).
      converged = largest < Math.sqrt(tolerance);
      break;
    }
    current = next;
  }
  return summarise(current, converged, iterations);
}

/**
 * The Newton step with one coefficient held: solve the information restricted to the free coefficients
 * against their part of the score; the held coefficient moves 0.
 */
function heldStep(at: Evaluation, score: readonly number[], held: number): number[] {
  const free = score.map((_, j) => j).filter((j) => j !== held);
  const factor = cholesky(free.map((a) => free.map((b) => at.information[a]![b]!)));
  const step = choleskySolve(factor, free.map((j) => score[j]!));
  const delta = new Array<number>(score.length).fill(0);
  free.forEach((j, m) => (delta[j] = step[m]!));
  return delta;
}

/**
 * Halve the Newton step until the objective strictly increases. Strictly, because Firth's
 * objective curves more than the information matrix says, and near the optimum full steps
 * can overshoot to a point of equal height and oscillate. Stops early once the move would
 * be below `shortest`; undefined when no step helps.
 */
function lineSearch(
  design: SparseDesign,
  y: readonly number[],
  current: Evaluation,
  delta: readonly number[],
  shortest: number,
  settings: Settings,
): Evaluation | undefined {
  const largest = Math.max(...delta.map(Math.abs));
  for (let halving = 0, step = 1; halving <= MAX_HALVINGS && step * largest >= shortest; halving++, step /= 2) {
    const next = evaluate(design, y, current.beta.map((b, j) => b + step * delta[j]!), settings);
    if (next.objective > current.objective) return next;
  }
  return undefined;
}

function summarise(at: Evaluation, converged: boolean, iterations: number): LogisticFit {
  const inverse = choleskyInverse(at.factor);
  const coefficients = at.beta;
  const standardErrors = coefficients.map((_, j) => Math.sqrt(inverse[j]![j]!));
  const z = coefficients.map((b, j) => b / standardErrors[j]!);
  return {
    coefficients,
    standardErrors,
    z,
    pValues: z.map(twoSidedP),
    oddsRatios: coefficients.map(Math.exp),
    ci95: coefficients.map((b, j): [number, number] => [Math.exp(b - Z95 * standardErrors[j]!), Math.exp(b + Z95 * standardErrors[j]!)]),
    converged,
    iterations,
    logLikelihood: at.logLikelihood,
    penalisedLogLikelihood: at.objective,
    covariance: inverse,
  };
}
