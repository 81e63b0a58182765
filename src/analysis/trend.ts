import { bhQValues } from './benjamini-hochberg.js';
import type { CustomerStates } from './customer-states.js';
import type { Dataset } from './dataset.js';
import { type NpsCounts, noAnswers, npsDifferenceTest, npsWithCi, tally } from './nps.js';
import { npsSummary } from './nps-summary.js';
import { Z95 } from './normal.js';
import { shareChange, wilsonCi } from './proportion.js';
import type { EmotionShare, Trend } from './report-types.js';
import { stateSummaries } from './segments.js';

interface Period {
  key: string;
  responses: number;
  counts: NpsCounts;
  analysed: number;
  /** Analysed responses mentioning each emotion. */
  mentions: number[];
  /** NPS answers per customer state (scored, analysed responses). */
  states: NpsCounts[];
  scoredAnalysed: number;
}

/**
 * NPS, emotion shares and customer states per week or month, with each change from the period before: NPS by
 * a two-sample test, emotion shares by a two-proportion test with Benjamini–Hochberg across every emotion and
 * period (so a long trend does not flag noise). `stateOfRow(i)` is response i's state, or −1 when it has none.
 */
export function trendOf(ds: Dataset, period: 'week' | 'month', states: CustomerStates, stateOfRow: (row: number) => number): Trend {
  const byKey = new Map<string, Period>();
  // Dates repeat: find each distinct day's period once.
  const periodOfDay = ds.days.map((day) => {
    const key = period === 'month' ? day.slice(0, 7) : isoWeek(day);
    if (!key) return undefined;
    let p = byKey.get(key);
    if (!p) {
      byKey.set(key, (p = { key, responses: 0, counts: noAnswers(), analysed: 0, mentions: ds.emotions.map(() => 0), states: states.definitions.map(noAnswers), scoredAnalysed: 0 }));
    }
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
    const state = stateOfRow(i);
    if (state >= 0) {
      tally(p.states[state]!, ds.scores[i]!);
      p.scoredAnalysed++;
    }
  }
  const periods = [...byKey.keys()].sort().map((key) => byKey.get(key)!);
  const shares: EmotionShare[][] = periods.map((p, t) =>
    ds.emotions.map((emotion, e) => {
      const before = t > 0 ? periods[t - 1]! : undefined;
      const change = before ? shareChange(p.mentions[e]!, p.analysed, before.mentions[e]!, before.analysed) : null;
      return {
        emotion,
        mentions: p.mentions[e]!,
        share: round4(p.analysed === 0 ? 0 : p.mentions[e]! / p.analysed),
        shareCi95: wilsonCi(p.mentions[e]!, p.analysed).map(round4) as [number, number],
        change: change && round4(change.change),
        changeCi95: change && (change.ci95.map(round4) as [number, number]),
        pValue: change && sig(change.pValue),
        qValue: null,
        significant: false,
      };
    }),
  );
  const tested = shares.flat().filter((s) => s.pValue !== null);
  bhQValues(tested.map((s) => s.pValue!)).forEach((q, j) => {
    tested[j]!.qValue = sig(q);
    tested[j]!.significant = q < 0.05;
  });
  return {
    period,
    points: periods.map((p, t) => {
      const test = t > 0 ? npsDifferenceTest(p.counts, periods[t - 1]!.counts) : undefined;
      const difference = test?.difference ?? null;
      return {
        period: p.key,
        responses: p.responses,
        analysed: p.analysed,
        nps: npsSummary(npsWithCi(p.counts)),
        change: difference === null ? null : round1(difference),
        changeCi95: difference === null ? null : [round1(difference - Z95 * test!.se), round1(difference + Z95 * test!.se)],
        pValue: difference === null ? null : sig(test!.pValue),
        significant: difference !== null && test!.pValue < 0.05,
        emotions: shares[t]!,
        states: stateSummaries(states, p.states, p.scoredAnalysed),
      };
    }),
  };
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

const round1 = (x: number) => Math.round(x * 10) / 10;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const sig = (x: number) => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(4)) : x);
