/**
 * R² of ordinary least squares with an intercept, computed from centred cross-products so
 * any subset of predictors can be scored without touching the data again.
 */
import type { Matrix } from './matrix.js';

export interface CrossProducts {
  n: number;
  /** Centred sums of squares and cross-products of the predictors (k×k). */
  xx: Matrix;
  /** Centred cross-products of each predictor with y. */
  xy: number[];
  /** Centred sum of squares of y. */
  yy: number;
}

/** A predictor whose residual variance, given those already in, is below this share is redundant (collinear). */
const COLLINEAR = 1e-10;

/**
 * One pass with Welford-style co-moment updates: no catastrophic cancellation from raw sums. With `weights`,
 * row i stands for weights[i] identical observations (the report passes collapsed emotion patterns).
 */
export function crossProducts(X: readonly (readonly number[])[], y: readonly number[], weights?: readonly number[]): CrossProducts {
  if (X.length !== y.length) throw new Error(`crossProducts: X has ${X.length} rows but y has ${y.length} values`);
  if (weights && weights.length !== X.length) throw new Error(`crossProducts: ${weights.length} weights for ${X.length} rows`);
  const k = X[0]?.length ?? 0;
  const width = k + 1; // predictors, then y
  const mean = new Float64Array(width);
  const before = new Float64Array(width);
  const comoment = new Float64Array(width * width);
  let n = 0;
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    if (row.length !== k) throw new Error(`crossProducts: row ${i} has ${row.length} predictors, row 0 has ${k}`);
    const w = weights ? weights[i]! : 1;
    if (!(w >= 0)) throw new Error(`crossProducts: weight ${i} is not ≥ 0 (${w})`);
    if (w === 0) continue;
    const total = n + w;
    for (let j = 0; j < width; j++) {
      const v = j < k ? row[j]! : y[i]!;
      if (!Number.isFinite(v)) throw new Error(`crossProducts: row ${i} has a non-finite value (${v})`);
      before[j] = v - mean[j]!;
      mean[j]! += (before[j]! * w) / total;
    }
    // C += w·(v − old mean)(v − new mean)ᵀ; (v − new mean) = before·n/(n+w).
    const shrink = (w * n) / total;
    for (let j = 0; j < width; j++) {
      const dj = before[j]! * shrink;
      for (let m = j; m < width; m++) comoment[j * width + m]! += dj * before[m]!;
    }
    n = total;
  }
  const at = (j: number, m: number): number => comoment[Math.min(j, m) * width + Math.max(j, m)]!;
  return {
    n,
    xx: Array.from({ length: k }, (_, j) => Array.from({ length: k }, (_, m) => at(j, m))),
    xy: Array.from({ length: k }, (_, j) => at(j, k)),
    yy: at(k, k),
  };
}

/**
 * crossProducts for 0/1 predictors, an integer-valued y and integer weights (respondents per row): every raw sum
 * is then an integer, exact in a double up to 2^53, so centring once at the end loses nothing — and a row
 * costs its non-zero predictors squared, not k². The bootstrap computes this hundreds of times.
 */
export class BinaryCrossProducts {
  private readonly k: number;
  /** Row i's non-zero predictors are columns[start[i]] … columns[start[i + 1] − 1]. */
  private readonly start: Int32Array;
  private readonly columns: Int32Array;
  private readonly y: Float64Array;

  constructor(X: readonly (readonly number[])[], y: readonly number[]) {
    if (!X.every((row) => row.every((v) => v === 0 || v === 1)) || !y.every(Number.isInteger)) {
      throw new Error('BinaryCrossProducts: predictors must be 0/1 and y whole numbers');
    }
    this.k = X[0]?.length ?? 0;
    this.start = new Int32Array(X.length + 1);
    const columns: number[] = [];
    X.forEach((row, i) => {
      row.forEach((v, j) => v === 1 && columns.push(j));
      this.start[i + 1] = columns.length;
    });
    this.columns = Int32Array.from(columns);
    this.y = Float64Array.from(y);
  }

  with(weights: ArrayLike<number>): CrossProducts {
    const { k, start, columns, y } = this;
    const sx = new Float64Array(k);
    const sxx = new Float64Array(k * k);
    const sxy = new Float64Array(k);
    let n = 0;
    let sy = 0;
    let syy = 0;
    for (let i = 0; i < y.length; i++) {
      const w = weights[i]!;
      if (w === 0) continue;
      const wy = w * y[i]!;
      n += w;
      sy += wy;
      syy += wy * y[i]!;
      const to = start[i + 1]!;
      for (let a = start[i]!; a < to; a++) {
        const j = columns[a]!;
        sx[j]! += w;
        sxy[j]! += wy;
        for (let b = a; b < to; b++) sxx[j * k + columns[b]!]! += w;
      }
    }
    const at = (j: number, m: number) => sxx[Math.min(j, m) * k + Math.max(j, m)]!;
    return {
      n,
      xx: Array.from({ length: k }, (_, j) => Array.from({ length: k }, (_, m) => (n > 0 ? at(j, m) - (sx[j]! * sx[m]!) / n : 0))),
      xy: Array.from({ length: k }, (_, j) => (n > 0 ? sxy[j]! - (sx[j]! * sy) / n : 0)),
      yy: n > 0 ? syy - (sy * sy) / n : 0,
    };
  }
}

/**
 * R² of y on the predictors listed in `subset`, by Gram–Schmidt on the correlation scale:
 * each predictor adds its squared semipartial correlation with y. Constant or collinear
 * predictors add nothing instead of breaking the solve. NaN when y is constant.
 */
export function r2FromCrossProducts(cp: CrossProducts, subset: readonly number[]): number {
  if (!(cp.yy > 0)) return Number.NaN;
  const basis = new Basis(cp);
  let total = 0;
  for (const a of subset) {
    if (basis.add(a)) total += basis.lastZ() ** 2;
  }
  return Math.min(1, Math.max(0, total));
}

/**
 * R² of every subset of the first k predictors at once, indexed by bit mask (bit j = predictor j): what
 * r2FromCrossProducts(cp, members of mask) returns, to the last bit, at O(k²) per subset instead of O(k³).
 * Subsets are visited depth first, each extending its parent by a larger predictor, so the parent's Cholesky
 * rows and orthogonalised correlations are reused exactly as the one-subset computation would build them.
 */
export function r2OfAllSubsets(cp: CrossProducts, k: number): Float64Array {
  const r2Of = new Float64Array(1 << k); // the empty subset explains nothing
  if (!(cp.yy > 0)) return r2Of.fill(Number.NaN, 1);
  const basis = new Basis(cp);
  const visit = (mask: number, total: number, from: number): void => {
    for (let a = from; a < k; a++) {
      const child = mask | (1 << a);
      const added = basis.add(a);
      const childTotal = added ? total + basis.lastZ() ** 2 : total;
      r2Of[child] = Math.min(1, Math.max(0, childTotal));
      visit(child, childTotal, a + 1);
      if (added) basis.pop();
    }
  };
  visit(0, 0, 0);
  return r2Of;
}

/**
 * The kept predictors' Cholesky rows (of their correlation matrix) and orthogonalised correlations with y,
 * as a stack in preallocated arrays: the subset search pushes and pops a predictor 2^k times, so nothing is
 * allocated per step.
 */
class Basis {
  private readonly k: number;
  /** Correlations between predictors, and of each with y. */
  private readonly corr: Float64Array;
  private readonly corrY: Float64Array;
  private readonly constant: Uint8Array;
  private readonly kept: Int32Array;
  private readonly lower: Float64Array;
  private readonly z: Float64Array;
  private size = 0;

  constructor(cp: CrossProducts) {
    const k = cp.xy.length;
    this.k = k;
    this.corr = new Float64Array(k * k);
    this.corrY = new Float64Array(k);
    this.constant = new Uint8Array(k);
    for (let a = 0; a < k; a++) {
      const saa = cp.xx[a]![a]!;
      this.constant[a] = saa > 0 ? 0 : 1;
      this.corrY[a] = cp.xy[a]! / Math.sqrt(saa * cp.yy);
      for (let b = 0; b < k; b++) this.corr[a * k + b] = cp.xx[a]![b]! / Math.sqrt(saa * cp.xx[b]![b]!);
    }
    this.kept = new Int32Array(k);
    this.lower = new Float64Array(k * k);
    this.z = new Float64Array(k);
  }

  /** Orthogonalise predictor a against those kept and push it; false (nothing pushed) when constant or collinear. */
  add(a: number): boolean {
    if (this.constant[a] === 1) return false;
    const { k, corr, kept, lower } = this;
    const row = this.size * k;
    let explained = 0;
    let zy = this.corrY[a]!;
    for (let t = 0; t < this.size; t++) {
      let v = corr[a * k + kept[t]!]!;
      for (let c = 0; c < t; c++) v -= lower[row + c]! * lower[t * k + c]!;
      v /= lower[t * k + t]!;
      lower[row + t] = v;
      explained += v * v;
      zy -= v * this.z[t]!;
    }
    const residual = 1 - explained;
    if (residual <= COLLINEAR) return false;
    const d = Math.sqrt(residual);
    lower[row + this.size] = d;
    kept[this.size] = a;
    this.z[this.size] = zy / d;
    this.size++;
    return true;
  }

  lastZ(): number {
    return this.z[this.size - 1]!;
  }

  pop(): void {
    this.size--;
  }
}

/** R² of OLS of y on all columns of X, with an intercept; `weights` are frequency weights. */
export function r2(X: readonly (readonly number[])[], y: readonly number[], weights?: readonly number[]): number {
  const cp = crossProducts(X, y, weights);
  return r2FromCrossProducts(cp, Array.from(cp.xy, (_, j) => j));
}

/**
 * The columns that add nothing, taken in `order`: constant, or a linear combination of those before them
 * (e.g. an emotion that always occurs together with an earlier one). A model cannot tell their effects apart.
 */
export function redundantColumns(cp: CrossProducts, order: readonly number[]): Set<number> {
  const basis = new Basis(cp);
  return new Set(order.filter((a) => !basis.add(a)));
}
