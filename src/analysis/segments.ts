import type { ResponseCells } from './cell-counter.js';
import type { CustomerStates } from './customer-states.js';
import { type NpsCounts, noAnswers, npsWithCi, tally } from './nps.js';
import { npsSummary } from './nps-summary.js';
import { wilsonCi } from './proportion.js';
import type { EmotionCell, StateCount } from './report-types.js';

/** A heatmap cell with fewer mentions than this is greyed: its share and NPS are too noisy to read. */
export const HEATMAP_MIN_MENTIONS = 10;

/** Per emotion, its share of a group's scored, analysed responses and the NPS of those that mention it. */
export function emotionCells(emotions: readonly string[], cells: ResponseCells): EmotionCell[] {
  const counts = emotions.map(noAnswers);
  cells.count.forEach((n, c) => {
    for (let b = cells.bits[c]!; b !== 0; b &= b - 1) tally(counts[31 - Math.clz32(b & -b)]!, cells.score[c]!, n);
  });
  return emotions.map((emotion, e) => {
    const mentions = size(counts[e]!);
    return {
      emotion,
      mentions,
      share: round4(cells.total === 0 ? 0 : mentions / cells.total),
      shareCi95: wilsonCi(mentions, cells.total).map(round4) as [number, number],
      nps: npsSummary(npsWithCi(counts[e]!)),
      tooFew: mentions < HEATMAP_MIN_MENTIONS,
    };
  });
}

/** Scored, analysed responses per customer state, with the NPS within each. */
export function stateCounts(states: CustomerStates, cells: ResponseCells): StateCount[] {
  const counts = states.definitions.map(noAnswers);
  cells.count.forEach((n, c) => tally(counts[states.stateOf(cells.bits[c]!, cells.score[c]!)]!, cells.score[c]!, n));
  return stateSummaries(states, counts, cells.total);
}

/** StateCounts from NPS counts per state (in the definitions' order) out of `total` responses. */
export function stateSummaries(states: CustomerStates, counts: readonly NpsCounts[], total: number): StateCount[] {
  return states.definitions.map((d, s) => {
    const responses = size(counts[s]!);
    return {
      state: d.id,
      responses,
      share: round4(total === 0 ? 0 : responses / total),
      shareCi95: wilsonCi(responses, total).map(round4) as [number, number],
      nps: npsSummary(npsWithCi(counts[s]!)),
    };
  });
}

const size = (c: NpsCounts) => c.promoters + c.passives + c.detractors;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
