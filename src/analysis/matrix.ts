/**
 * The little dense linear algebra the analysis needs: Cholesky factorisation of small
 * symmetric positive-definite matrices (k ≤ ~50), solving with it and inverting it.
 * Matrices are arrays of rows.
 */

export type Matrix = number[][];

export interface Cholesky {
  /** Lower-triangular L with L·Lᵀ = A + jitter·I. */
  readonly lower: Matrix;
  /** What had to be added to the diagonal to make A factorable (0 when it was SPD as given). */
  readonly jitter: number;
}

/** Relative jitters tried in turn; near-singular information matrices (w → 0 under separation) need them. */
const JITTERS = [0, 1e-12, 1e-10, 1e-8, 1e-6];

function tryFactor(a: Matrix, jitter: number): Matrix | undefined {
  const k = a.length;
  const lower: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const li = lower[i]!;
    for (let j = 0; j <= i; j++) {
      const lj = lower[j]!;
      let sum = a[i]![j]! + (i === j ? jitter : 0);
      for (let m = 0; m < j; m++) sum -= li[m]! * lj[m]!;
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return undefined;
        li[i] = Math.sqrt(sum);
      } else {
        li[j] = sum / lj[j]!;
      }
    }
  }
  return lower;
}

/** Factor a symmetric positive-definite matrix, adding a tiny ridge if rounding made it indefinite. */
export function cholesky(a: Matrix): Cholesky {
  const k = a.length;
  let scale = 0;
  for (let i = 0; i < k; i++) scale += Math.abs(a[i]![i]!) / k;
  for (const relative of JITTERS) {
    const jitter = relative * (scale > 0 ? scale : 1);
    const lower = tryFactor(a, jitter);
    if (lower) return { lower, jitter };
  }
  throw new Error(`matrix (${k}×${k}) is not positive definite, even after adding a small jitter to its diagonal`);
}

/** Solve (L·Lᵀ)·x = b. */
export function choleskySolve({ lower }: Cholesky, b: readonly number[]): number[] {
  const k = lower.length;
  const z = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    let sum = b[i]!;
    for (let m = 0; m < i; m++) sum -= lower[i]![m]! * z[m]!;
    z[i] = sum / lower[i]![i]!;
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let m = i + 1; m < k; m++) sum -= lower[m]![i]! * x[m]!;
    x[i] = sum / lower[i]![i]!;
  }
  return x;
}

/** (L·Lᵀ)⁻¹, by solving for each unit vector; fine for the small k used here. */
export function choleskyInverse(factor: Cholesky): Matrix {
  const k = factor.lower.length;
  const columns = Array.from({ length: k }, (_, j) => choleskySolve(factor, Array.from({ length: k }, (_, i) => (i === j ? 1 : 0))));
  // Columns of a symmetric inverse are also its rows.
  return columns;
}

/** log det(L·Lᵀ) = 2·Σ log Lᵢᵢ, without overflow. */
export function choleskyLogDet({ lower }: Cholesky): number {
  let sum = 0;
  for (let i = 0; i < lower.length; i++) sum += Math.log(lower[i]![i]!);
  return 2 * sum;
}
