/**
 * Net Promoter Score with an honest interval, and a test for whether two NPS differ.
 * NPS = 100·(P − D)/n: a difference of two multinomial proportions, so its variance is
 * (p + d − (p − d)²)/n per respondent.
 */
import { twoSidedP, Z95 } from './normal.js';

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsWithCi extends NpsCounts {
  /** Plain NPS, −100…100; null when nobody answered. */
  score: number | null;
  /** Adjusted-Wald 95 % interval, clipped to [−100, 100]. */
  ci95: [number, number];
  n: number;
}

export interface NpsDifference {
  /** NPS(a) − NPS(b); null when either sample is empty. */
  difference: number | null;
  se: number;
  z: number;
  pValue: number;
}

function sizeOf({ promoters, passives, detractors }: NpsCounts): number {
  for (const count of [promoters, passives, detractors]) {
    if (!Number.isFinite(count) || count < 0) throw new RangeError(`NPS counts must be finite and ≥ 0, got ${count}`);
  }
  return promoters + passives + detractors;
}

/** Variance of the per-respondent score (+1 / 0 / −1), in NPS points². */
function unitVariance(p: number, d: number): number {
  // max(0, …) because rounding can push p + d − (p − d)² a hair below zero when one group is everyone.
  return 100 * 100 * Math.max(0, p + d - (p - d) ** 2);
}

export const noAnswers = (): NpsCounts => ({ promoters: 0, passives: 0, detractors: 0 });

/** Count n answers of `score` (0–10; below 0 is no answer and not counted). */
export function tally(counts: NpsCounts, score: number, n = 1): void {
  if (score < 0) return;
  if (score >= 9) counts.promoters += n;
  else if (score >= 7) counts.passives += n;
  else counts.detractors += n;
}

export function npsOf(counts: NpsCounts): number | null {
  const n = sizeOf(counts);
  return n === 0 ? null : (100 * (counts.promoters - counts.detractors)) / n;
}

/**
 * NPS with the adjusted-Wald interval (Rocks 2016): add ¾ to promoters and detractors and
 * 3 to n before the Wald formula, which keeps coverage near 95 % for small n and extreme scores.
 */
export function npsWithCi(counts: NpsCounts): NpsWithCi {
  const n = sizeOf(counts);
  const adjustedN = n + 3;
  const p = (counts.promoters + 0.75) / adjustedN;
  const d = (counts.detractors + 0.75) / adjustedN;
  const centre = 100 * (p - d);
  const se = Math.sqrt(unitVariance(p, d) / adjustedN);
  const clip = (x: number): number => Math.min(100, Math.max(-100, x));
  // With no answers the data say nothing, so the interval is the whole scale rather than the prior's ±80.
  const ci95: [number, number] = n === 0 ? [-100, 100] : [clip(centre - Z95 * se), clip(centre + Z95 * se)];
  return { score: npsOf(counts), ci95, n, ...pick(counts) };
}

function pick({ promoters, passives, detractors }: NpsCounts): NpsCounts {
  return { promoters, passives, detractors };
}

/** Two-sample z-test of NPS(a) = NPS(b) for independent samples, with plain-proportion variances. */
export function npsDifferenceTest(a: NpsCounts, b: NpsCounts): NpsDifference {
  const na = sizeOf(a);
  const nb = sizeOf(b);
  if (na === 0 || nb === 0) return { difference: null, se: 0, z: 0, pValue: 1 };
  const difference = (100 * (a.promoters - a.detractors)) / na - (100 * (b.promoters - b.detractors)) / nb;
  const variance = unitVariance(a.promoters / na, a.detractors / na) / na + unitVariance(b.promoters / nb, b.detractors / nb) / nb;
  const se = Math.sqrt(variance);
  // Zero variance (e.g. everyone a promoter in both) leaves the normal approximation with nothing to say.
  if (!(se > 0)) return { difference, se: 0, z: 0, pValue: 1 };
  const z = difference / se;
  return { difference, se, z, pValue: twoSidedP(z) };
}
