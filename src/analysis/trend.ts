import type { Dataset } from './dataset.js';
import { noAnswers, tally } from './drivers.js';
import { type NpsCounts, npsDifferenceTest, npsWithCi } from './nps.js';
import type { Trend } from './report-types.js';
import { npsSummary } from './nps-summary.js';

interface Period {
  key: string;
  responses: number;
  counts: NpsCounts;
  analysed: number;
  /** Analysed responses mentioning each emotion. */
  mentions: number[];
}

/** NPS and emotion shares per week or month, with the change from the period before and its p-value. */
export function trendOf(ds: Dataset, period: 'week' | 'month'): Trend {
  const byKey = new Map<string, Period>();
  // Dates repeat: find each distinct day's period once.
  const periodOfDay = ds.days.map((day) => {
    const key = period === 'month' ? day.slice(0, 7) : isoWeek(day);
    if (!key) return undefined;
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { key, responses: 0, counts: noAnswers(), analysed: 0, mentions: ds.emotions.map(() => 0) }));
    return p;
  });
  for (let i = 0; i < ds.size; i++) {
    const day = ds.day[i]!;
    const p = day < 0 ? undefined : periodOfDay[day];
    if (!p) continue;
    p.responses++;
    tally(p.counts, ds.scores[i]!);
    if (ds.analysed[i] !== 1) continue;
    p.analysed++;
    for (let b = ds.emotionBits[i]!; b !== 0; b &= b - 1) p.mentions[31 - Math.clz32(b & -b)]!++;
  }
  const points: Trend['points'] = [];
  let previous: Period | undefined;
  for (const key of [...byKey.keys()].sort()) {
    const p = byKey.get(key)!;
    const test = previous ? npsDifferenceTest(p.counts, previous.counts) : undefined;
    const emotionShares: Record<string, number> = {};
    ds.emotions.forEach((emotion, e) => {
      emotionShares[emotion] = p.analysed === 0 ? 0 : p.mentions[e]! / p.analysed;
    });
    points.push({
      period: key,
      responses: p.responses,
      nps: npsSummary(npsWithCi(p.counts)),
      change: test?.difference ?? null,
      pValue: test && test.difference !== null ? test.pValue : null,
      significant: test !== undefined && test.difference !== null && test.pValue < 0.05,
      emotionShares,
    });
    previous = p;
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
