import type { Dataset } from './dataset.js';
import { bhQValues } from './benjamini-hochberg.js';
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

/** Which rows a driver analysis uses: scored, and analysed in a supported language. */
export function modelRows(ds: Dataset, within?: (row: number) => boolean): number[] {
  const rows: number[] = [];
  for (let i = 0; i < ds.size; i++) {
    if (ds.scores[i]! >= 0 && ds.analysed[i] === 1 && (!within || within(i))) rows.push(i);
  }
  return rows;
}

const bit = (ds: Dataset, row: number, k: number) => (ds.emotionBits[row]! >>> k) & 1;

export function countsOf(ds: Dataset, rows: Iterable<number>): NpsCounts {
  const c = { promoters: 0, passives: 0, detractors: 0 };
  for (const i of rows) {
    const s = ds.scores[i]!;
    if (s < 0) continue;
    if (s >= 9) c.promoters++;
    else if (s >= 7) c.passives++;
    else c.detractors++;
  }
  return c;
}

/**
 * Per emotion: how often, how promoters and detractors differ, NPS with and without it, its impact, adjusted
 * odds ratios of being a promoter and of being a detractor (Firth logistic regressions over all emotions,
 * plus language), BH q-values, and its share of the explained variance of the 0–10 score.
 */
export function emotionDrivers(ds: Dataset, rows: number[], options: DriverOptions): EmotionDriver[] {
  const totals = countsOf(ds, rows);
  const all = npsOf(totals);
  const drivers: EmotionDriver[] = ds.emotions.map((emotion, e) => {
    const withIt = rows.filter((i) => bit(ds, i, e) === 1);
    const withoutIt = rows.filter((i) => bit(ds, i, e) === 0);
    const cWith = countsOf(ds, withIt);
    const npsWithout = npsOf(countsOf(ds, withoutIt));
    const npsWith = npsOf(cWith);
    return {
      emotion,
      valence: options.valence(emotion),
      mentions: withIt.length,
      share: rate(withIt.length, rows.length),
      promoterRate: rate(cWith.promoters, withIt.length),
      detractorRate: rate(cWith.detractors, withIt.length),
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
      tooRare: withIt.length < options.minSupport,
    };
  });
  if (rows.length < MIN_MODEL_SIZE) return drivers;
  // Emotions nobody (or everybody) mentions cannot enter a model.
  const inModel = drivers.map((d, e) => e).filter((e) => drivers[e]!.mentions > 0 && drivers[e]!.mentions < rows.length);
  const languages = options.languageCovariate ? languageLevels(ds, rows) : [];
  const pattern = (i: number) => [...inModel.map((e) => bit(ds, i, e)), ...languages.map((l) => (ds.language[i] === l ? 1 : 0))];
  for (const [target, key] of [
    [(s: number) => (s >= 9 ? 1 : 0), 'promoter'],
    [(s: number) => (s <= 6 ? 1 : 0), 'detractor'],
  ] as const) {
    const { X, y, weights } = aggregate(rows, pattern, (i) => target(ds.scores[i]!));
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
  const shapley = shapleyR2(
    rows.map((i) => ranked.map((e) => bit(ds, i, e))),
    rows.map((i) => ds.scores[i]!),
  );
  ranked.forEach((e, j) => {
    drivers[e]!.importance = shapley.total > 0 ? Math.round((10_000 * shapley.shares[j]!) / shapley.total) / 10_000 : 0;
  });
  return drivers;
}

/**
 * Identical (predictors, outcome) rows collapse into one weighted row: a million responses with 13 yes/no
 * emotions and a language have a few thousand distinct patterns, and the fit is exactly the same.
 */
function aggregate(rows: number[], pattern: (i: number) => number[], outcome: (i: number) => 0 | 1) {
  const index = new Map<string, number>();
  const X: number[][] = [];
  const y: number[] = [];
  const weights: number[] = [];
  for (const i of rows) {
    const x = pattern(i);
    const o = outcome(i);
    const key = `${o}:${x.join('')}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, X.length);
      X.push(x);
      y.push(o);
      weights.push(1);
    } else weights[at]!++;
  }
  return { X, y, weights };
}

/** Language dummies: every language in the rows but the most frequent (the reference level). */
function languageLevels(ds: Dataset, rows: number[]): number[] {
  const counts = new Map<number, number>();
  for (const i of rows) counts.set(ds.language[i]!, (counts.get(ds.language[i]!) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  return sorted.slice(1);
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((10_000 * part) / whole) / 10_000);
/** Four significant digits: odds ratios and p-values span many orders of magnitude. */
const sig = (x: number) => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(4)) : x);
