/**
 * Poisson random numbers, for the Poisson bootstrap: resampling respondents with replacement gives each one
 * a Poisson(1) weight, so a cell of n identical respondents gets a Poisson(n) weight — one draw per cell
 * instead of one per respondent (Hanley & MacGibbon 2006).
 */

/** Below this mean, inverting the distribution function is fastest; above, Hörmann's transformed rejection (PTRS). */
const SMALL_MEAN = 10;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** One draw from Poisson(mean), using `random` (uniform on [0, 1)). */
export function poisson(mean: number, random: () => number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson: mean must be finite and ≥ 0, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < SMALL_MEAN) {
    // Inversion: one uniform, walking up the cumulative distribution (about mean + 1 steps).
    const u = random();
    let k = 0;
    let p = Math.exp(-mean);
    let cumulative = p;
    while (u > cumulative && p > 0) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }
  return ptrs(mean, random);
}

/** W. Hörmann (1993), "The transformed rejection method for generating Poisson random variables" — as numpy does it. */
function ptrs(lambda: number, random: () => number): number {
  const root = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * root;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logGamma(k + 1)) return k;
  }
}

/** log Γ(x) for x ≥ 1: Stirling's series after shifting x up to at least 8 (error < 1e-12). */
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 8) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
}
