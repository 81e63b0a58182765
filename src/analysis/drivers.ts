import { bhQValues } from './benjamini-hochberg.js';
import type { ResponseCells } from './cell-counter.js';
import { fitLogistic } from './logistic-regression.js';
import { type NpsCounts, npsOf } from './nps.js';
import type { EmotionDriver } from './report-types.js';
import { round1 } from './nps-summary.js';
import { MAX_SHAPLEY_PREDICTORS, shapleyR2 } from './shapley-r2.js';

/** Fewer responses than this and no model is fitted for a group (the counts are still shown). */
export const MIN_MODEL_SIZE = 50;

export interface DriverOptions {
  minSupport: number;
  /** Add the response language as a covariate (not when the group is one language). */
  languageCovariate: boolean;
  valence: (emotion: string) => number;
}

export const noAnswers = (): NpsCounts => ({ promoters: 0, passives: 0, detractors: 0 });

/** Count n answers of `score` (0–10; below 0 is no answer and not counted). */
export function tally(counts: NpsCounts, score: number, n = 1): void {
  if (score < 0) return;
  if (score >= 9) counts.promoters += n;
  else if (score >= 7) counts.passives += n;
  else counts.detractors += n;
}

/**
 * Per emotion: how often, how promoters and detractors differ, NPS with and without it, its impact, adjusted
 * odds ratios of being a promoter and of being a detractor (Firth logistic regressions over all emotions,
 * plus language), BH q-values, and its share of the explained variance of the 0–10 score. `cells` are the
 * scored, analysed responses of the group (see CellCounter): every statistic is a sum over them.
 */
export function emotionDrivers(emotions: readonly string[], cells: ResponseCells, options: DriverOptions): EmotionDriver[] {
  const totals = noAnswers();
  const withEmotion = emotions.map(noAnswers);
  cells.count.forEach((n, c) => {
    const score = cells.score[c]!;
    tally(totals, score, n);
    for (let b = cells.bits[c]!; b !== 0; b &= b - 1) tally(withEmotion[31 - Math.clz32(b & -b)]!, score, n);
  });
  const all = npsOf(totals);
  const size = cells.total;
  const drivers: EmotionDriver[] = emotions.map((emotion, e) => {
    const cWith = withEmotion[e]!;
    const mentions = cWith.promoters + cWith.passives + cWith.detractors;
    const npsWithout = npsOf({
      promoters: totals.promoters - cWith.promoters,
      passives: totals.passives - cWith.passives,
      detractors: totals.detractors - cWith.detractors,
    });
    const npsWith = npsOf(cWith);
    return {
      emotion,
      valence: options.valence(emotion),
      mentions,
      share: rate(mentions, size),
      promoterRate: rate(cWith.promoters, mentions),
      detractorRate: rate(cWith.detractors, mentions),
      shareAmongPromoters: rate(cWith.promoters, totals.promoters),
      shareAmongDetractors: rate(cWith.detractors, totals.detractors),
      npsWith: npsWith === null ? null : round1(npsWith),
      npsWithout: npsWithout === null ? null : round1(npsWithout),
      impact: all === null || npsWithout === null ? null : round1(all - npsWithout),
      oddsRatio: null,
      ci95: null,
      pValue: null,
      qValue: null,
      detractor: { oddsRatio: null, ci95: null, pValue: null, qValue: null },
      importance: null,
      tooRare: mentions < options.minSupport,
    };
  });
  if (size < MIN_MODEL_SIZE) return drivers;
  // Emotions nobody (or everybody) mentions cannot enter a model.
  const inModel = drivers.map((d, e) => e).filter((e) => drivers[e]!.mentions > 0 && drivers[e]!.mentions < size);
  const languages = options.languageCovariate ? languageLevels(cells) : [];
  const design = { emotions: inModel, languages };
  for (const [target, key] of [
    [(s: number) => (s >= 9 ? 1 : 0), 'promoter'],
    [(s: number) => (s <= 6 ? 1 : 0), 'detractor'],
  ] as const) {
    const { X, y, weights } = aggregate(cells, design, (c) => target(cells.score[c]!));
    const fit = fitLogistic(X, y, { firth: true, weights });
    const q = bhQValues(inModel.map((_, j) => fit.pValues[j + 1]!));
    inModel.forEach((e, j) => {
      const [lo, hi] = fit.ci95[j + 1]!;
      const result = {
        oddsRatio: sig(fit.oddsRatios[j + 1]!),
        ci95: [sig(lo), sig(hi)] as [number, number],
        pValue: sig(fit.pValues[j + 1]!),
        qValue: sig(q[j]!),
      };
      if (key === 'promoter') Object.assign(drivers[e]!, result);
      else drivers[e]!.detractor = result;
    });
  }
  const ranked = [...inModel].sort((a, b) => drivers[b]!.mentions - drivers[a]!.mentions).slice(0, MAX_SHAPLEY_PREDICTORS);
  // Shapley R² needs the score, not the language: cells that differ only in language or unranked emotions merge.
  const scores = aggregate(cells, { emotions: ranked, languages: [] }, (c) => cells.score[c]!);
  const shapley = shapleyR2(scores.X, scores.y, scores.weights);
  ranked.forEach((e, j) => {
    drivers[e]!.importance = shapley.total > 0 ? Math.round((10_000 * shapley.shares[j]!) / shapley.total) / 10_000 : 0;
  });
  return drivers;
}

/** The columns of a design: these emotions (0/1), then one dummy per listed language. */
interface Design {
  emotions: readonly number[];
  languages: readonly number[];
}

/**
 * Cells with the same design row and outcome collapse into one weighted row, and a fit is exactly the same as
 * over the responses. Rows keep the order of their first cell, which is the order of their first response.
 */
function aggregate(cells: ResponseCells, design: Design, outcome: (c: number) => number) {
  const mask = design.emotions.reduce((m, e) => m | (1 << e), 0);
  const level = new Map(design.languages.map((l, j) => [l, j + 1])); // 0: the reference language
  const levels = design.languages.length + 1;
  const index = new Map<number, number>();
  const X: number[][] = [];
  const y: number[] = [];
  const weights: number[] = [];
  cells.count.forEach((n, c) => {
    const bits = cells.bits[c]! & mask;
    const lang = level.get(cells.language[c]!) ?? 0;
    const o = outcome(c);
    const key = ((bits >>> 0) * levels + lang) * 16 + o; // outcomes are 0–10
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, X.length);
      X.push([...design.emotions.map((e) => (bits >>> e) & 1), ...design.languages.map((_, j) => (lang === j + 1 ? 1 : 0))]);
      y.push(o);
      weights.push(n);
    } else weights[at]! += n;
  });
  return { X, y, weights };
}

/** Language dummies: every language in the cells but the most frequent (the reference level). */
function languageLevels(cells: ResponseCells): number[] {
  const counts = new Map<number, number>();
  cells.count.forEach((n, c) => counts.set(cells.language[c]!, (counts.get(cells.language[c]!) ?? 0) + n));
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  return sorted.slice(1);
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((10_000 * part) / whole) / 10_000);
/** Four significant digits: odds ratios and p-values span many orders of magnitude. */
const sig = (x: number) => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(4)) : x);
