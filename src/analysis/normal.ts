/**
 * The standard normal distribution: CDF, quantile and two-sided p-values.
 * Accurate to near machine precision so tiny p-values (1e-20 …) stay meaningful
 * after multiple-testing correction.
 */

/** The conventional rounded 97.5 % quantile, so reported intervals match hand calculations. */
export const Z95 = 1.96;

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const INV_SQRT_2PI = 1 / SQRT_2PI;

// W. J. Cody (1969/1993) rational approximations, as used by R's pnorm; relative error ~1e-16.
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** exp(-y²/2) split as exp(-a²/2)·exp(-(y-a)(y+a)/2) with a = y rounded to 1/16, so the tail keeps full relative accuracy. */
function gaussianTail(y: number): number {
  const a = Math.trunc(y * 16) / 16;
  return Math.exp(-a * a * 0.5) * Math.exp(-(y - a) * (y + a) * 0.5);
}

/** Beyond this, 1 − Φ(y) underflows to 0 anyway (and the formulas would give ∞·0). */
const UNDERFLOW = 38.5;

/** Upper tail 1 − Φ(y) for y ≥ 0.67448975 (where Cody's central formula stops). */
function upperTail(y: number): number {
  if (y > UNDERFLOW) return 0;
  if (y <= Math.sqrt(32)) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    return gaussianTail(y) * ((num + C[7]!) / (den + D[7]!));
  }
  const r = 1 / (y * y);
  let num = P[5]! * r;
  let den = r;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * r;
    den = (den + Q[i]!) * r;
  }
  const ratio = (INV_SQRT_2PI - (r * (num + P[4]!)) / (den + Q[4]!)) / y;
  return gaussianTail(y) * ratio;
}

/** Φ(z) = P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const y = Math.abs(z);
  if (y <= 0.67448975) {
    const sq = z * z;
    let num = A[4]! * sq;
    let den = sq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * sq;
      den = (den + B[i]!) * sq;
    }
    return 0.5 + (z * (num + A[3]!)) / (den + B[3]!);
  }
  const tail = upperTail(y);
  return z > 0 ? 1 - tail : tail;
}

// P. J. Acklam's rational approximation (relative error < 1.15e-9), then one Halley step on normalCdf.
const QA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const QB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const QC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const QD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function acklam(p: number): number {
  if (p < P_LOW || p > 1 - P_LOW) {
    // Tails: rational function of sqrt(-2 log q), with q the smaller tail probability.
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const x =
      (((((QC[0]! * q + QC[1]!) * q + QC[2]!) * q + QC[3]!) * q + QC[4]!) * q + QC[5]!) /
      ((((QD[0]! * q + QD[1]!) * q + QD[2]!) * q + QD[3]!) * q + 1);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((QA[0]! * r + QA[1]!) * r + QA[2]!) * r + QA[3]!) * r + QA[4]!) * r + QA[5]!) * q) /
    (((((QB[0]! * r + QB[1]!) * r + QB[2]!) * r + QB[3]!) * r + QB[4]!) * r + 1)
  );
}

/** Φ⁻¹(p): the z with normalCdf(z) = p. ±Infinity at 0 and 1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const x = acklam(p);
  // Halley refinement; work in the smaller tail so the error e keeps relative precision.
  const e = x < 0 ? normalCdf(x) - p : 1 - p - normalCdf(-x);
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Two-sided p-value 2·P(Z ≥ |z|). */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}
