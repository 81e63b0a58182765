import { bhQValues } from './benjamini-hochberg.js';
import type { ResponseCells } from './cell-counter.js';
import { profileInference } from './firth-profile.js';
import { crossProducts, redundantColumns } from './linear-r2.js';
import { type LogisticFit, fitLogistic, logisticDesign } from './logistic-regression.js';
import { type NpsCounts, noAnswers, npsWithCi, tally } from './nps.js';
import { type OutcomeRows, npsImpacts } from './nps-impact.js';
import { npsSummary } from './nps-summary.js';
import { wilsonCi } from './proportion.js';
import type { EmotionAssociation, Estimate, Models } from './report-types.js';
import { MAX_SHAPLEY_PREDICTORS } from './shapley-r2.js';
import { varianceExplained } from './variance-explained.js';

/** Fewer responses than this and no model is fitted (the counts are still shown). */
export const MIN_MODEL_SIZE = 50;
/** Fewer promoters (detractors) or non-promoters among an emotion's mentioners than this: "rests on few events". */
export const FEW_EVENTS = 10;
/** Events per variable below this: the whole model rests on few events (Peduzzi et al. 1996's rule of thumb). */
export const MIN_EVENTS_PER_VARIABLE = 10;

export const INFERENCE =
  "Firth's penalised logistic regression over all emotions, with language as a covariate; profile penalised-likelihood 95% CIs and penalised likelihood-ratio p-values (Heinze & Schemper 2002, as R's logistf); Benjamini–Hochberg q-values";

export interface ModelOptions {
  minSupport: number;
  /** Add the response language as a covariate (not when the group is one language). */
  languageCovariate: boolean;
  valence: (emotion: string) => number;
}

/** What the models say about themselves: fit, events, emotions they cannot separate, variance explained. */
export interface Diagnostics {
  converged: boolean;
  eventsPerVariable: Models['eventsPerVariable'];
  r2Emotions: Estimate | null;
  r2Satisfaction: Estimate | null;
  r2Difference: Estimate | null;
  warnings: string[];
}

/**
 * Per emotion: how often, how promoters and detractors differ, adjusted odds ratios of being a promoter and of
 * being a detractor (Firth logistic regressions over all emotions, plus language) with profile-likelihood
 * intervals, BH q-values, the adjusted NPS points associated with it, and its share of the explained variance
 * of the 0–10 score. `cells` are the scored, analysed responses (see CellCounter): every statistic is a sum
 * over them, so a million responses cost what their few thousand distinct cells cost.
 */
export function emotionModels(emotions: readonly string[], cells: ResponseCells, options: ModelOptions): { associations: EmotionAssociation[]; diagnostics: Diagnostics } {
  const totals = noAnswers();
  const withEmotion = emotions.map(noAnswers);
  cells.count.forEach((n, c) => {
    const score = cells.score[c]!;
    tally(totals, score, n);
    for (let b = cells.bits[c]!; b !== 0; b &= b - 1) tally(withEmotion[31 - Math.clz32(b & -b)]!, score, n);
  });
  const size = cells.total;
  const associations = emotions.map((emotion, e) => describe(emotion, withEmotion[e]!, totals, size, options));
  const diagnostics: Diagnostics = { converged: true, eventsPerVariable: null, r2Emotions: null, r2Satisfaction: null, r2Difference: null, warnings: [] };
  if (size < MIN_MODEL_SIZE || totals.promoters === 0 || totals.promoters === size) return { associations, diagnostics };
  // Emotions nobody (or everybody) mentions cannot enter a model.
  const candidates = associations.map((_, e) => e).filter((e) => associations[e]!.mentions > 0 && associations[e]!.mentions < size);
  const languages = options.languageCovariate ? languageLevels(cells) : [];
  const inModel = separable(candidates, languages, cells, associations, emotions, diagnostics.warnings);
  const rows = outcomeRows(cells, inModel, languages);
  const design = logisticDesign(rows.X);
  const fits: LogisticFit[] = [];
  for (const key of ['promoter', 'detractor'] as const) {
    const events = key === 'promoter' ? rows.promoters : rows.detractors;
    const y = events.map((k, r) => k / rows.n[r]!);
    const fit = fitLogistic(design, y, { weights: rows.n });
    const profiles = profileInference(design, y, rows.n, fit, inModel.map((_, j) => j + 1));
    if (!fit.converged || profiles.some((p) => !p.converged)) {
      diagnostics.converged = false;
      diagnostics.warnings.push(`the ${key} model did not converge${fit.converged ? ' for every profile interval' : ''}: its odds ratios may be off`);
    }
    const q = bhQValues(profiles.map((p) => p.pValue));
    inModel.forEach((e, j) => {
      const d = associations[e]!;
      const result = {
        oddsRatio: sig(fit.oddsRatios[j + 1]!),
        ci95: profiles[j]!.ci95.map((b) => sig(Math.exp(b))) as [number, number],
        pValue: sig(profiles[j]!.pValue),
        qValue: sig(q[j]!),
      };
      if (key === 'promoter') Object.assign(d, result, { strength: strength(result.ci95) });
      else d.detractor = { ...result, fewEvents: d.detractor.fewEvents };
    });
    fits.push(fit);
  }
  npsImpacts(rows, fits[0]!, fits[1]!, inModel.map((_, j) => j)).forEach((impact, j) => {
    associations[inModel[j]!]!.npsImpact = { value: round2(impact.points), ci95: [round2(impact.ci95[0]), round2(impact.ci95[1])] };
  });
  diagnostics.eventsPerVariable = eventsPerVariable(totals, size, inModel.length + languages.length, diagnostics.warnings);
  explainedVariance(cells, candidates, associations, emotions, diagnostics);
  return { associations, diagnostics };
}

function describe(emotion: string, withIt: NpsCounts, totals: NpsCounts, size: number, options: ModelOptions): EmotionAssociation {
  const mentions = withIt.promoters + withIt.passives + withIt.detractors;
  const others = { promoters: totals.promoters - withIt.promoters, passives: totals.passives - withIt.passives, detractors: totals.detractors - withIt.detractors };
  const othersN = size - mentions;
  const events = { promoters: withIt.promoters, nonPromoters: mentions - withIt.promoters, detractors: withIt.detractors, nonDetractors: mentions - withIt.detractors };
  return {
    emotion,
    valence: options.valence(emotion),
    mentions,
    share: rate(mentions, size),
    shareCi95: round4pair(wilsonCi(mentions, size)),
    promoterRate: rate(withIt.promoters, mentions),
    detractorRate: rate(withIt.detractors, mentions),
    othersPromoterRate: rate(others.promoters, othersN),
    othersDetractorRate: rate(others.detractors, othersN),
    shareAmongPromoters: rate(withIt.promoters, totals.promoters),
    shareAmongDetractors: rate(withIt.detractors, totals.detractors),
    npsWith: npsSummary(npsWithCi(withIt)),
    npsWithout: npsSummary(npsWithCi(others)),
    events,
    oddsRatio: null,
    ci95: null,
    pValue: null,
    qValue: null,
    fewEvents: Math.min(events.promoters, events.nonPromoters) < FEW_EVENTS,
    detractor: { oddsRatio: null, ci95: null, pValue: null, qValue: null, fewEvents: Math.min(events.detractors, events.nonDetractors) < FEW_EVENTS },
    strength: null,
    npsImpact: null,
    importance: null,
    tooRare: mentions < options.minSupport,
    aliasedWith: null,
  };
}

/**
 * The candidates a model can tell apart. Language dummies come first, then emotions in taxonomy order; an
 * emotion that adds nothing to those before it (always said together with another, or only ever in one
 * language) is left out, marked, and named in a warning.
 */
function separable(candidates: number[], languages: number[], cells: ResponseCells, associations: EmotionAssociation[], emotions: readonly string[], warnings: string[]): number[] {
  const rows = outcomeRows(cells, candidates, languages);
  const order = [...languages.map((_, j) => candidates.length + j), ...candidates.map((_, j) => j)];
  const redundant = redundantColumns(crossProducts(rows.X, rows.n, rows.n), order);
  const kept: number[] = [];
  candidates.forEach((e, j) => {
    if (!redundant.has(j)) {
      kept.push(e);
      return;
    }
    const twin = kept.find((f) => cells.count.every((n, c) => n === 0 || ((cells.bits[c]! >>> e) & 1) === ((cells.bits[c]! >>> f) & 1)));
    const d = associations[e]!;
    if (twin !== undefined) {
      d.aliasedWith = emotions[twin]!;
      warnings.push(
        `${emotions[twin]} and ${d.emotion} always occur together (in all ${d.mentions} responses that mention either): their associations cannot be told apart, so the models keep ${emotions[twin]} for both and give ${d.emotion} no odds ratio`,
      );
    } else {
      d.aliasedWith = 'language and other emotions';
      warnings.push(`${d.emotion} cannot be told apart from the language and the other emotions it occurs with: the models leave it out`);
    }
  });
  return kept;
}

/**
 * One binomial row per distinct design row (emotions in `emotions`, then one dummy per listed language): how
 * many responses, promoters and detractors. A fit over these rows is exactly the fit over the responses.
 */
function outcomeRows(cells: ResponseCells, emotions: readonly number[], languages: readonly number[]): OutcomeRows & { X: number[][]; n: number[] } {
  const mask = emotions.reduce((m, e) => m | (1 << e), 0);
  const level = new Map(languages.map((l, j) => [l, j + 1])); // 0: the reference language
  const levels = languages.length + 1;
  const index = new Map<number, number>();
  const X: number[][] = [];
  const n: number[] = [];
  const promoters: number[] = [];
  const detractors: number[] = [];
  cells.count.forEach((count, c) => {
    const bits = cells.bits[c]! & mask;
    const lang = level.get(cells.language[c]!) ?? 0;
    const key = (bits >>> 0) * levels + lang;
    let at = index.get(key);
    if (at === undefined) {
      index.set(key, (at = X.length));
      X.push([...emotions.map((e) => (bits >>> e) & 1), ...languages.map((_, j) => (lang === j + 1 ? 1 : 0))]);
      n.push(0);
      promoters.push(0);
      detractors.push(0);
    }
    const score = cells.score[c]!;
    n[at]! += count;
    if (score >= 9) promoters[at]! += count;
    else if (score <= 6) detractors[at]! += count;
  });
  return { X, n, promoters, detractors };
}

/** Language dummies: every language in the cells but the most frequent (the reference level). */
function languageLevels(cells: ResponseCells): number[] {
  const counts = new Map<number, number>();
  cells.count.forEach((n, c) => counts.set(cells.language[c]!, (counts.get(cells.language[c]!) ?? 0) + n));
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  return sorted.slice(1);
}

/** The rarer outcome's count per coefficient (emotions and language dummies), for each model; warns below 10. */
function eventsPerVariable(totals: NpsCounts, size: number, parameters: number, warnings: string[]): Models['eventsPerVariable'] {
  const per = (events: number) => Math.round((10 * Math.min(events, size - events)) / Math.max(1, parameters)) / 10;
  const epv = { promoter: per(totals.promoters), detractor: per(totals.detractors), parameters };
  for (const key of ['promoter', 'detractor'] as const) {
    if (epv[key] < MIN_EVENTS_PER_VARIABLE) {
      warnings.push(
        `the ${key} model has ${epv[key]} events per variable (fewer than ${MIN_EVENTS_PER_VARIABLE}: ${Math.min(key === 'promoter' ? totals.promoters : totals.detractors, size - (key === 'promoter' ? totals.promoters : totals.detractors))} of the rarer outcome for ${parameters} coefficients): read its odds ratios as rough`,
      );
    }
  }
  return epv;
}

/** Adjusted R² of the score on all emotions vs satisfaction alone, and each emotion's Shapley share, with bootstrap CIs. */
function explainedVariance(cells: ResponseCells, candidates: number[], associations: EmotionAssociation[], emotions: readonly string[], diagnostics: Diagnostics): void {
  if (candidates.length === 0) return;
  // Cells that differ only in language merge: the score model has no language term.
  const mask = candidates.reduce((m, e) => m | (1 << e), 0);
  const index = new Map<number, number>();
  const X: number[][] = [];
  const y: number[] = [];
  const weights: number[] = [];
  cells.count.forEach((n, c) => {
    const bits = cells.bits[c]! & mask;
    const key = (bits >>> 0) * 16 + cells.score[c]!;
    const at = index.get(key);
    if (at !== undefined) {
      weights[at]! += n;
      return;
    }
    index.set(key, X.length);
    X.push(candidates.map((e) => (bits >>> e) & 1));
    y.push(cells.score[c]!);
    weights.push(n);
  });
  const ranked = candidates.map((_, j) => j).sort((a, b) => associations[candidates[b]!]!.mentions - associations[candidates[a]!]!.mentions).slice(0, MAX_SHAPLEY_PREDICTORS);
  const v = varianceExplained(X, y, weights, { ranked, single: candidates.indexOf(emotions.indexOf('satisfaction')) });
  ranked.forEach((j, r) => {
    associations[candidates[j]!]!.importance = round4Estimate(v.shares[r]!);
  });
  diagnostics.r2Emotions = round4Estimate(v.all);
  diagnostics.r2Satisfaction = v.single && round4Estimate(v.single);
  diagnostics.r2Difference = v.difference && round4Estimate(v.difference);
}

/** The end of an odds ratio's CI nearest 1, or 1 when the CI covers it. */
function strength([lo, hi]: [number, number]): number {
  return lo > 1 ? lo : hi < 1 ? hi : 1;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((10_000 * part) / whole) / 10_000);
const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const round4pair = ([a, b]: [number, number]): [number, number] => [round4(a), round4(b)];
const round4Estimate = (e: Estimate): Estimate => ({ value: round4(e.value), ci95: round4pair(e.ci95) });
/** Four significant digits: odds ratios and p-values span many orders of magnitude. */
const sig = (x: number) => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(4)) : x);
