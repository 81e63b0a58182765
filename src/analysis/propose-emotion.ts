import type { EmotionProposal } from './suggest-types.js';

export interface EmotionInfo {
  id: string;
  /** +1 positive, −1 negative, 0 neither (taxonomy.json). */
  valence: number;
}

/**
 * What a detractor phrase that no tag explains most often is: a complaint that something fell short, which
 * the taxonomy calls disappointment; a promoter phrase, plain contentment (satisfaction).
 */
const DEFAULTS = { detractor: 'disappointment', promoter: 'satisfaction' } as const;
const MIN_WEIGHT = 0.4; // the tagging threshold: a suggested entry tags on its own, if weakly
const MAX_WEIGHT = 0.9; // 1.0 is for the unmistakable, which a phrase found by counting has yet to prove

/** Promoters and detractors: among the responses that use a phrase, or among all responses (the base rate). */
export interface SideCounts {
  detractors: number;
  promoters: number;
}

/**
 * The emotion to propose for a phrase, by a rule anyone can check against the data: among the responses on
 * the phrase's side (detractors for a detractor phrase) that use it, the emotion of that side's valence most
 * often tagged elsewhere in them (ties: taxonomy order); when none is, the side's default.
 *
 * The weight says how far the phrase moves a response toward its side: with p the share of its promoter and
 * detractor responses on that side and b the same share over all responses, 0.4 + 0.5 · (p − b)/(1 − b),
 * rounded to 0.1 — 0.4 (the tagging threshold) when it tells no more than the base rate, 0.9 when every
 * response that uses it is on its side.
 */
export function proposeEmotion(
  direction: 'detractor' | 'promoter',
  tagged: ReadonlyMap<string, number>,
  responses: number,
  counts: SideCounts,
  base: SideCounts,
  taxonomy: readonly EmotionInfo[],
): EmotionProposal {
  const valence = direction === 'detractor' ? -1 : 1;
  let best: EmotionInfo | undefined;
  let most = 0;
  for (const emotion of taxonomy) {
    const n = tagged.get(emotion.id) ?? 0;
    if (emotion.valence === valence && n > most) {
      best = emotion;
      most = n;
    }
  }
  const weight = Math.round(10 * (MIN_WEIGHT + (MAX_WEIGHT - MIN_WEIGHT) * lift(direction, counts, base))) / 10;
  if (best) return { emotion: best.id, basis: 'tags', share: responses > 0 ? most / responses : 0, weight };
  const fallback = taxonomy.find((e) => e.id === DEFAULTS[direction] && e.valence === valence) ?? taxonomy.find((e) => e.valence === valence);
  return { emotion: fallback?.id ?? DEFAULTS[direction], basis: 'default', share: 0, weight };
}

/** (p − b)/(1 − b) for the phrase's side, within 0–1: how far from the base rate toward certainty. */
function lift(direction: 'detractor' | 'promoter', counts: SideCounts, base: SideCounts): number {
  const share = (c: SideCounts) => (direction === 'detractor' ? c.detractors : c.promoters) / Math.max(1, c.detractors + c.promoters);
  const p = share(counts);
  const b = share(base);
  return b >= 1 ? 0 : Math.min(1, Math.max(0, (p - b) / (1 - b)));
}
