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

/** One pass with Welford-style co-moment updates: no catastrophic cancellation from raw sums. */
export function crossProducts(X: readonly (readonly number[])[], y: readonly number[]): CrossProducts {
  if (X.length !== y.length) throw new Error(`crossProducts: X has ${X.length} rows but y has ${y.length} values`);
  const k = X[0]?.length ?? 0;
  const width = k + 1; // predictors, then y
  const mean = new Float64Array(width);
  const before = new Float64Array(width);
  const comoment = new Float64Array(width * width);
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    if (row.length !== k) throw new Error(`crossProducts: row ${i} has ${row.length} predictors, row 0 has ${k}`);
    for (let j = 0; j < width; j++) {
      const v = j < k ? row[j]! : y[i]!;
      if (!Number.isFinite(v)) throw new Error(`crossProducts: row ${i} has a non-finite value (${v})`);
      before[j] = v - mean[j]!;
      mean[j]! += before[j]! / (i + 1);
    }
    // C += (v − old mean)(v − new mean)ᵀ; (v − new mean) = before·i/(i+1).
    const shrink = i / (i + 1);
    for (let j = 0; j < width; j++) {
      const dj = before[j]! * shrink;
      for (let m = j; m < width; m++) comoment[j * width + m]! += dj * before[m]!;
    }
  }
  const at = (j: number, m: number): number => comoment[Math.min(j, m) * width + Math.max(j, m)]!;
  return {
    n: X.length,
    xx: Array.from({ length: k }, (_, j) => Array.from({ length: k }, (_, m) => at(j, m))),
    xy: Array.from({ length: k }, (_, j) => at(j, k)),
    yy: at(k, k),
  };
}

/**
 * R² of y on the predictors listed in `subset`, by Gram–Schmidt on the correlation scale:
 * each predictor adds its squared semipartial correlation with y. Constant or collinear
 * predictors add nothing instead of breaking the solve. NaN when y is constant.
 */
export function r2FromCrossProducts(cp: CrossProducts, subset: readonly number[]): number {
  if (!(cp.yy > 0)) return Number.NaN;
  const kept: number[] = [];
  const lower: number[][] = []; // Cholesky rows of the kept predictors' correlation matrix
  const z: number[] = []; // their orthogonalised correlations with y
  for (const a of subset) {
    const saa = cp.xx[a]![a]!;
    if (!(saa > 0)) continue;
    const corr = (b: number): number => cp.xx[a]![b]! / Math.sqrt(saa * cp.xx[b]![b]!);
    const l: number[] = [];
    let explained = 0;
    let zy = cp.xy[a]! / Math.sqrt(saa * cp.yy);
    kept.forEach((b, t) => {
      let v = corr(b);
      for (let c = 0; c < t; c++) v -= l[c]! * lower[t]![c]!;
      v /= lower[t]![t]!;
      l.push(v);
      explained += v * v;
      zy -= v * z[t]!;
    });
    const residual = 1 - explained;
    if (residual <= COLLINEAR) continue;
    const d = Math.sqrt(residual);
    lower.push([...l, d]);
    kept.push(a);
    z.push(zy / d);
  }
  const total = z.reduce((s, v) => s + v * v, 0);
  return Math.min(1, Math.max(0, total));
}

/** R² of OLS of y on all columns of X, with an intercept. */
export function r2(X: readonly (readonly number[])[], y: readonly number[]): number {
  const cp = crossProducts(X, y);
  return r2FromCrossProducts(cp, Array.from(cp.xy, (_, j) => j));
}
