/**
 * How many NPS points an emotion is associated with, adjusted for the other emotions and the language: the
 * NPS the promoter and detractor models predict for everyone, minus what they predict if the responses that
 * mention the emotion were like the others in that one respect (its column set to 0, everything else kept).
 * This is g-computation (standardisation) over the model's rows; it replaces the unadjusted "NPS of all minus
 * NPS without the mentioners", which mixes in everything else those respondents said.
 *
 * The interval is the delta method on the two models' coefficients together: their joint covariance is the
 * sandwich of the stacked estimating equations, so the (negative) correlation between being a promoter and
 * being a detractor is counted, not assumed away.
 */
import type { LogisticFit } from './logistic-regression.js';
import type { Matrix } from './matrix.js';
import { Z95 } from './normal.js';

/** Binomial rows: one per distinct design row, with how many responses and how many promoters/detractors. */
export interface OutcomeRows {
  X: readonly (readonly number[])[];
  n: readonly number[];
  promoters: readonly number[];
  detractors: readonly number[];
}

export interface NpsImpact {
  /** NPS points, −200…200 in principle; positive when the emotion goes with a higher NPS. */
  points: number;
  ci95: [number, number];
}

/** Adjusted NPS impact of each listed column (0-based columns of X) given the fitted promoter and detractor models. */
export function npsImpacts(rows: OutcomeRows, promoter: LogisticFit, detractor: LogisticFit, columns: readonly number[]): NpsImpact[] {
  const p = promoter.coefficients.length;
  const total = rows.n.reduce((s, v) => s + v, 0);
  const x = (r: number) => [1, ...rows.X[r]!];
  const prob = (beta: readonly number[], row: readonly number[]) => {
    const eta = row.reduce((s, v, j) => s + beta[j]! * v, 0);
    return 1 / (1 + Math.exp(-eta));
  };
  const piP = rows.X.map((_, r) => prob(promoter.coefficients, x(r)));
  const piD = rows.X.map((_, r) => prob(detractor.coefficients, x(r)));
  // Meat of the sandwich: Σ over responses of ψψᵀ, summed per row from its counts.
  const bPP = zeros(p);
  const bDD = zeros(p);
  const bPD = zeros(p);
  rows.X.forEach((_, r) => {
    const n = rows.n[r]!;
    const nP = rows.promoters[r]!;
    const nD = rows.detractors[r]!;
    const [a, d] = [piP[r]!, piD[r]!];
    const pp = nP * (1 - a) ** 2 + (n - nP) * a * a;
    const dd = nD * (1 - d) ** 2 + (n - nD) * d * d;
    // yP·yD = 0: nobody is both a promoter and a detractor.
    const pd = -nP * d - nD * a + n * a * d;
    addOuter(bPP, x(r), pp);
    addOuter(bDD, x(r), dd);
    addOuter(bPD, x(r), pd);
  });
  const [vP, vD] = [promoter.covariance, detractor.covariance];
  const covPP = product(vP, bPP, vP);
  const covDD = product(vD, bDD, vD);
  const covPD = product(vP, bPD, vD);
  return columns.map((column) => {
    const j = column + 1;
    let points = 0;
    const gP = new Array<number>(p).fill(0);
    const gD = new Array<number>(p).fill(0);
    rows.X.forEach((row, r) => {
      if (row[column] !== 1) return;
      const n = rows.n[r]!;
      const with1 = x(r);
      const with0 = with1.map((v, m) => (m === j ? 0 : v));
      const [a1, d1] = [piP[r]!, piD[r]!];
      const a0 = prob(promoter.coefficients, with0);
      const d0 = prob(detractor.coefficients, with0);
      points += n * (a1 - d1 - (a0 - d0));
      for (let m = 0; m < p; m++) {
        gP[m]! += n * (a1 * (1 - a1) * with1[m]! - a0 * (1 - a0) * with0[m]!);
        gD[m]! -= n * (d1 * (1 - d1) * with1[m]! - d0 * (1 - d0) * with0[m]!);
      }
    });
    const scale = 100 / total;
    points *= scale;
    const variance = scale * scale * (quadratic(gP, covPP, gP) + quadratic(gD, covDD, gD) + 2 * quadratic(gP, covPD, gD));
    const se = Math.sqrt(Math.max(0, variance));
    return { points, ci95: [points - Z95 * se, points + Z95 * se] };
  });
}

const zeros = (p: number): Matrix => Array.from({ length: p }, () => new Array<number>(p).fill(0));

function addOuter(m: Matrix, v: readonly number[], w: number): void {
  for (let a = 0; a < v.length; a++) {
    if (v[a] === 0) continue;
    for (let b = 0; b < v.length; b++) m[a]![b]! += w * v[a]! * v[b]!;
  }
}

/** A·B·C for square matrices. */
function product(a: Matrix, b: Matrix, c: Matrix): Matrix {
  const mul = (x: Matrix, y: Matrix) => x.map((row) => y[0]!.map((_, k) => row.reduce((s, v, m) => s + v * y[m]![k]!, 0)));
  return mul(mul(a, b), c);
}

/** uᵀ·M·v */
function quadratic(u: readonly number[], m: Matrix, v: readonly number[]): number {
  return u.reduce((s, ua, a) => s + ua * m[a]!.reduce((t, mab, b) => t + mab * v[b]!, 0), 0);
}
