import type { Dataset } from './dataset.js';
import { countsOf } from './drivers.js';
import { npsDifferenceTest, npsWithCi } from './nps.js';
import type { Trend } from './report-types.js';
import { npsSummary } from './nps-summary.js';

/** NPS and emotion shares per week or month, with the change from the period before and its p-value. */
export function trendOf(ds: Dataset, period: 'week' | 'month'): Trend {
  const byPeriod = new Map<string, number[]>();
  for (let i = 0; i < ds.size; i++) {
    const at = ds.respondedAt[i];
    if (!at) continue;
    const key = period === 'month' ? at.slice(0, 7) : isoWeek(at);
    if (!key) continue;
    let rows = byPeriod.get(key);
    if (!rows) byPeriod.set(key, (rows = []));
    rows.push(i);
  }
  const points: Trend['points'] = [];
  let previous: number[] | undefined;
  for (const key of [...byPeriod.keys()].sort()) {
    const rows = byPeriod.get(key)!;
    const counts = countsOf(ds, rows);
    const test = previous ? npsDifferenceTest(counts, countsOf(ds, previous)) : undefined;
    const analysed = rows.filter((i) => ds.analysed[i] === 1);
    const emotionShares: Record<string, number> = {};
    ds.emotions.forEach((emotion, e) => {
      const n = analysed.filter((i) => ((ds.emotionBits[i]! >>> e) & 1) === 1).length;
      emotionShares[emotion] = analysed.length === 0 ? 0 : n / analysed.length;
    });
    points.push({
      period: key,
      responses: rows.length,
      nps: npsSummary(npsWithCi(counts)),
      change: test?.difference ?? null,
      pValue: test && test.difference !== null ? test.pValue : null,
      significant: test !== undefined && test.difference !== null && test.pValue < 0.05,
      emotionShares,
    });
    previous = rows;
  }
  return { period, points };
}

/** ISO 8601 week of a date ("2025-W07"). */
export function isoWeek(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const day = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - day + 3); // the Thursday of this week decides its year
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
