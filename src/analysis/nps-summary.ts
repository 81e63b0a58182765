import type { NpsWithCi } from './nps.js';
import type { NpsSummary } from './report-types.js';

/** The report's NPS: null without answers, numbers rounded to one decimal. */
export function npsSummary(nps: NpsWithCi): NpsSummary | null {
  if (nps.score === null || nps.n === 0) return null;
  return {
    score: round1(nps.score),
    ci95: [round1(nps.ci95[0]), round1(nps.ci95[1])],
    n: nps.n,
    promoters: nps.promoters,
    passives: nps.passives,
    detractors: nps.detractors,
  };
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
