/**
 * Intervals for shares (how many of the responses mention an emotion, are in a state …) and for the change
 * of a share between two periods.
 */
import { twoSidedP, Z95 } from './normal.js';

/** Wilson's score interval (Newcombe 1998, method 3): sound for small n and shares near 0 or 1, unlike Wald's. */
export function wilsonCi(k: number, n: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = p + z2 / (2 * n);
  const spread = Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return [Math.max(0, (centre - spread) / scale), Math.min(1, (centre + spread) / scale)];
}

export interface ShareChange {
  change: number;
  ci95: [number, number];
  pValue: number;
}

/**
 * k1/n1 − k0/n0 for independent samples, with the Wald interval and the matching z-test (unpooled variance).
 * Null when either sample is empty, or when both shares are 0 or both 1 (nothing to test).
 */
export function shareChange(k1: number, n1: number, k0: number, n0: number): ShareChange | null {
  if (n1 <= 0 || n0 <= 0) return null;
  const [p1, p0] = [k1 / n1, k0 / n0];
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
  if (!(se > 0)) return null;
  const change = p1 - p0;
  return { change, ci95: [change - Z95 * se, change + Z95 * se], pValue: twoSidedP(change / se) };
}
