import { loadTaxonomy } from '../emotion/taxonomy.js';
import { isSupported, languageName } from '../lang/registry.js';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import { redact } from '../privacy/redact.js';
import { redactWithEvidence } from '../privacy/redact-with-evidence.js';
import type { Database } from '../store/database.js';
import { type ReportSource, reportSourceOf } from '../store/report-source.js';
import type { ResponseFilters } from '../store/response-filters.js';
import { FoldCounts, crossValidatedScores } from './auc.js';
import { CellCounter, type ResponseCells } from './cell-counter.js';
import { type CustomerStates, loadCustomerStates } from './customer-states.js';
import { type Dataset, loadDataset } from './dataset.js';
import { aucCi, aucDifference, delongAucs } from './delong.js';
import { INFERENCE, MIN_MODEL_SIZE, emotionModels } from './emotion-models.js';
import { answer, guidance, howToRead, priorities } from './findings.js';
import { mulberry32 } from './mulberry32.js';
import { type NpsCounts, noAnswers, npsWithCi, tally } from './nps.js';
import { npsSummary } from './nps-summary.js';
import type { EmotionAssociation, Estimate, LanguageCount, Models, Report, SegmentBreakdown, Verbatim } from './report-types.js';
import { emotionCells, stateCounts } from './segments.js';
import { stratifiedFolds } from './stratified-folds.js';
import { loadTagAccuracy } from './tag-accuracy.js';
import { trendOf } from './trend.js';

export interface ReportOptions {
  database: string;
  filters: ResponseFilters;
  /** Emotions mentioned fewer times are marked tooRare (default 30). */
  minSupport?: number;
  /** Breakdowns: `lang` and/or segment columns (default ['lang']). */
  by?: string[];
  period?: 'week' | 'month';
  /** Verbatims per emotion and NPS group (default 3). */
  verbatims?: number;
  /**
   * Mask personal data in the verbatims and segment values (report --redact), for databases imported without --redact. Every
   * format renders from this report, so all are masked; evidence offsets are moved to match.
   */
  redact?: boolean;
  /** A customer-states file replacing lexicons/customer-states.json. */
  states?: string;
}

/** Everything the report says, computed from what SQLite holds. */
export function buildReport(target: Database | ReportSource, options: ReportOptions): Report {
  const db = reportSourceOf(target) as ReportSource;
  const { emotions, valence } = reportEmotions(db);
  const states = loadCustomerStates(options.states, emotions);
  const minSupport = options.minSupport ?? 30;
  const by = options.by ?? ['lang'];
  const ds = loadDataset(db, options.filters, emotions, by.filter((b) => b !== 'lang').map((b) => b.toLowerCase()));
  const cellOf = new Int32Array(ds.size).fill(-1);
  const [overall] = tallyGroups(ds, 1, () => 0, cellOf);
  const cells = overall!.cells;
  const { associations, diagnostics } = emotionModels(ds.emotions, cells, { minSupport, languageCovariate: true, valence });
  const warnings: string[] = [];
  if (ds.lexiconVersions.length > 1) {
    warnings.push(`tags come from ${ds.lexiconVersions.length} lexicon versions (${ds.lexiconVersions.join(', ')}); re-analyse to compare like with like`);
  }
  if (cells.total < MIN_MODEL_SIZE) warnings.push(`only ${cells.total} scored, analysed responses: too few for the models (${MIN_MODEL_SIZE} needed)`);
  warnings.push(...diagnostics.warnings);
  const stateOfCell = cells.count.map((_, c) => states.stateOf(cells.bits[c]!, cells.score[c]!));
  const { promoters, passives, detractors } = overall!.counts;
  const models: Models = {
    n: cells.total,
    inference: INFERENCE,
    converged: diagnostics.converged,
    eventsPerVariable: diagnostics.eventsPerVariable,
    ...aucModels(ds, cells.total),
    r2Emotions: diagnostics.r2Emotions,
    r2Satisfaction: diagnostics.r2Satisfaction,
    r2Difference: diagnostics.r2Difference,
  };
  const sorted = sortByAssociation(associations);
  const report: Report = {
    schema: 'heartline-report/2',
    generatedAt: new Date().toISOString(),
    database: options.database,
    filters: options.filters,
    lexiconVersions: ds.lexiconVersions,
    warnings,
    responses: ds.size,
    scored: promoters + passives + detractors,
    analysed: ds.analysed.reduce((sum, a) => sum + a, 0),
    nps: npsSummary(npsWithCi(overall!.counts)),
    languages: languageCounts(ds),
    minSupport,
    tagAccuracy: loadTagAccuracy(),
    emotions: sorted,
    models,
    priorities: priorities(sorted, minSupport),
    answer: [],
    guidance: [],
    howToRead: [],
    states: { rules: states.source, definitions: states.definitions, overall: stateCounts(states, cells) },
    segments: by.map((b) => breakdown(ds, b, cells, states)).map((s) => (options.redact ? redactSegment(s) : s)),
    trend: trendOf(ds, options.period ?? 'month', states, (i) => (cellOf[i]! < 0 ? -1 : stateOfCell[cellOf[i]!]!)),
    verbatims: verbatims(db, options.filters, emotions, options.verbatims ?? 3, options.redact ?? false),
  };
  report.answer = answer(report);
  report.guidance = guidance(report);
  report.howToRead = howToRead(report);
  return report;
}

/**
 * The emotions a report covers, bit e of a response's emotion set standing for emotions[e]: the taxonomy's, then
 * any other tagged (a user's lexicon may add some), at most 31 so a set fits a 32-bit integer.
 */
export function reportEmotions(target: Database | Pick<ReportSource, 'taggedEmotionIds'>): { emotions: string[]; valence: (emotion: string) => number } {
  const db = reportSourceOf(target);
  const taxonomy = loadTaxonomy([BUILTIN_LEXICON_DIR]);
  const emotions = [...new Set([...taxonomy.ids, ...db.taggedEmotionIds()])].slice(0, 31);
  return { emotions, valence: (e) => taxonomy.emotions.get(e)?.valence ?? 0 };
}

/** One group's responses, NPS answers, and its scored, analysed responses as cells for the models. */
interface GroupTally {
  responses: number;
  counts: NpsCounts;
  cells: ResponseCells;
}

/**
 * One pass over the responses, each counted in group groupOf(i) (0 … groups − 1); cells only if asked. With
 * `cellOf`, each response's cell index is kept (−1 when it is not scored and analysed).
 */
function tallyGroups(ds: Dataset, groups: number, groupOf: (row: number) => number, cellOf?: Int32Array, withCells = true): GroupTally[] {
  const tallies = Array.from({ length: groups }, () => ({ responses: 0, counts: noAnswers(), counter: new CellCounter() }));
  for (let i = 0; i < ds.size; i++) {
    const group = tallies[groupOf(i)]!;
    const score = ds.scores[i]!;
    group.responses++;
    tally(group.counts, score);
    if (withCells && score >= 0 && ds.analysed[i] === 1) {
      const cell = group.counter.add(ds.emotionBits[i]!, score, ds.language[i]!);
      if (cellOf) cellOf[i] = cell;
    }
  }
  return tallies.map(({ responses, counts, counter }) => ({ responses, counts, cells: counter.cells }));
}

/** The cells of one language, in their order: a language's responses are the cells that carry it. */
function cellsOfLanguage(cells: ResponseCells, language: number): ResponseCells {
  const out: ResponseCells = { bits: [], score: [], language: [], count: [], total: 0 };
  cells.count.forEach((n, c) => {
    if (cells.language[c] !== language) return;
    out.bits.push(cells.bits[c]!);
    out.score.push(cells.score[c]!);
    out.language.push(language);
    out.count.push(n);
    out.total += n;
  });
  return out;
}

/**
 * Positive associations first, the strongest (by the CI end nearest 1) first; then the negative ones, the
 * strongest first; then the emotions without a model estimate, most mentioned first.
 */
function sortByAssociation(associations: EmotionAssociation[]): EmotionAssociation[] {
  const side = (d: EmotionAssociation) => (d.oddsRatio === null ? 2 : d.oddsRatio >= 1 ? 0 : 1);
  const key = (d: EmotionAssociation) => (d.oddsRatio === null ? -d.mentions : side(d) === 0 ? -Math.log(d.strength!) : Math.log(d.strength!));
  const tie = (d: EmotionAssociation) => (d.oddsRatio === null ? 0 : side(d) === 0 ? -d.oddsRatio : d.oddsRatio);
  return [...associations].sort((a, b) => side(a) - side(b) || key(a) - key(b) || tie(a) - tie(b) || b.mentions - a.mentions);
}

function languageCounts(ds: Dataset): LanguageCount[] {
  const counts = ds.languages.map(() => 0);
  for (let i = 0; i < ds.size; i++) counts[ds.language[i]!]!++;
  return ds.languages
    .map((code, l) => ({ code, name: languageName(code), responses: counts[l]! }))
    .sort((a, b) => b.responses - a.responses || a.code.localeCompare(b.code));
}

/** Five folds from seed 1: what crossValidatedAuc uses by default, so the AUCs are the ones reported before. */
const CV_FOLDS = 5;
const CV_SEED = 1;

/**
 * Do emotions predict promoters better than plain sentiment? Cross-validated AUCs of three models on every
 * scored, analysed response, compared on the same responses by DeLong's test. Responses with the same
 * emotions, polarity and fold share every score, so the models are fitted and compared on those groups.
 */
function aucModels(ds: Dataset, n: number): Pick<Models, 'aucEmotions' | 'aucSentiment' | 'aucBoth' | 'aucDifference'> {
  const none = { aucEmotions: null, aucSentiment: null, aucBoth: null, aucDifference: null };
  if (n < MIN_MODEL_SIZE) return none;
  const y = new Uint8Array(n); // promoter or not, per scored, analysed response in id order
  const emotionsOf = new Int32Array(n); // index into the distinct emotion sets
  const polarityOf = new Int32Array(n); // index into the distinct polarities
  const emotionSets = new Map<number, number>();
  const polarities = new Map<number, number>();
  let seen = 0;
  for (let i = 0, row = 0; i < ds.size; i++) {
    if (ds.scores[i]! < 0 || ds.analysed[i] !== 1) continue;
    y[row] = ds.scores[i]! >= 9 ? 1 : 0;
    emotionsOf[row] = indexOf(emotionSets, ds.emotionBits[i]!);
    polarityOf[row] = indexOf(polarities, ds.polarity[i]!);
    seen |= ds.emotionBits[i]!;
    row++;
  }
  // The distinct (emotion set, polarity) pairs: the groups every model's score is constant on.
  const both = new Map<number, number>();
  const bothOf = emotionsOf.map((s, row) => indexOf(both, s * polarities.size + polarityOf[row]!));
  const bothSet = [...both.keys()].map((key) => Math.floor(key / polarities.size));
  const bothPolarity = [...both.keys()].map((key) => key % polarities.size);
  if (!y.includes(1) || !y.includes(0)) return none;
  const fold = stratifiedFolds(y, CV_FOLDS, mulberry32(CV_SEED));
  const counts = { both: new FoldCounts(bothSet.length, CV_FOLDS), emotions: new FoldCounts(emotionSets.size, CV_FOLDS), polarity: new FoldCounts(polarities.size, CV_FOLDS) };
  for (let row = 0; row < n; row++) counts.both.add(bothOf[row]!, y[row]!, fold[row]!);
  for (let b = 0; b < bothSet.length; b++) {
    for (let f = 0; f < CV_FOLDS; f++) {
      for (const label of [0, 1]) {
        const k = counts.both.get(b, label, f);
        counts.emotions.add(bothSet[b]!, label, f, k);
        counts.polarity.add(bothPolarity[b]!, label, f, k);
      }
    }
  }
  const used = ds.emotions.map((_, e) => e).filter((e) => ((seen >>> e) & 1) === 1);
  const bits = (set: number) => used.map((e) => (set >>> e) & 1);
  const setPatterns = [...emotionSets.keys()].map(bits);
  const polarityValues = [...polarities.keys()];
  const score = {
    emotions: crossValidatedScores(setPatterns, counts.emotions),
    polarity: crossValidatedScores(polarityValues.map((p) => [p]), counts.polarity),
    both: crossValidatedScores(
      bothSet.map((s, b) => [...setPatterns[s]!, polarityValues[bothPolarity[b]!]!]),
      counts.both,
    ),
  };
  const groups = { scores: [[], [], []] as number[][], positives: [] as number[], negatives: [] as number[] };
  for (let b = 0; b < bothSet.length; b++) {
    for (let f = 0; f < CV_FOLDS; f++) {
      const [neg, pos] = [counts.both.get(b, 0, f), counts.both.get(b, 1, f)];
      if (neg + pos === 0) continue;
      groups.scores[0]!.push(score.emotions[bothSet[b]! * CV_FOLDS + f]!);
      groups.scores[1]!.push(score.polarity[bothPolarity[b]! * CV_FOLDS + f]!);
      groups.scores[2]!.push(score.both[b * CV_FOLDS + f]!);
      groups.positives.push(pos);
      groups.negatives.push(neg);
    }
  }
  const d = delongAucs(groups);
  const estimate = (m: number): Estimate => ({ value: round3(d.auc[m]!), ci95: aucCi(d, m).map(round3) as [number, number] });
  const difference = aucDifference(d, 0, 1);
  return {
    aucEmotions: estimate(0),
    aucSentiment: estimate(1),
    aucBoth: estimate(2),
    aucDifference: { value: round3(difference.difference), ci95: difference.ci95.map(round3) as [number, number], pValue: sig(difference.p) },
  };
}

/** Index of `key` in the map's insertion order, adding it if new. */
function indexOf(index: Map<number, number>, key: number): number {
  let at = index.get(key);
  if (at === undefined) index.set(key, (at = index.size));
  return at;
}

/** NPS, emotion heatmap cells and customer states per value of a breakdown (no models: see docs/report.md). */
function breakdown(ds: Dataset, by: string, cells: ResponseCells, states: CustomerStates): SegmentBreakdown {
  const byLanguage = by === 'lang';
  const column = byLanguage ? { index: ds.language, values: ds.languages } : ds.segments.get(by.toLowerCase())!;
  // Cells already carry the language: a language's cells need no second pass.
  const tallies = tallyGroups(ds, column.values.length, (i) => column.index[i]!, undefined, !byLanguage);
  return {
    by,
    groups: column.values
      .map((value, g) => ({ value, g, group: tallies[g]! }))
      .sort((a, b) => b.group.responses - a.group.responses || a.value.localeCompare(b.value))
      .map(({ value, g, group }) => {
        const groupCells = byLanguage ? (isSupported(value) ? cellsOfLanguage(cells, g) : { bits: [], score: [], language: [], count: [], total: 0 }) : group.cells;
        return {
          value,
          label: byLanguage ? languageName(value) : value,
          responses: group.responses,
          analysed: groupCells.total,
          nps: npsSummary(npsWithCi(group.counts)),
          emotions: emotionCells(ds.emotions, groupCells),
          states: stateCounts(states, groupCells),
        };
      }),
  };
}

/** A breakdown with personal data in its segment values masked (report --redact: a channel column can hold an address). */
function redactSegment(s: SegmentBreakdown): SegmentBreakdown {
  return { ...s, groups: s.groups.map((g) => ({ ...g, value: redact(g.value).text, label: redact(g.label).text })) };
}

/** A few promoter and detractor responses per emotion, the clearest (highest tag score) first. */
function verbatims(db: ReportSource, filters: ResponseFilters, emotions: string[], per: number, redact: boolean): Record<string, Verbatim[]> {
  const rows = db.verbatimRows(filters);
  const out: Record<string, Verbatim[]> = {};
  for (const emotion of emotions) {
    const list: Verbatim[] = [];
    for (const [group, low, high] of [['promoter', 9, 10], ['detractor', 0, 6]] as const) {
      for (const r of rows(emotion, low, high, per)) {
        const evidence = (JSON.parse(r.evidence) as { start: number; end: number; text: string }[]).map(({ start, end, text }) => ({ start, end, text }));
        const shown = redact ? redactWithEvidence(r.text, evidence) : { text: r.text, evidence };
        list.push({ responseId: r.id, score: r.score, group, language: r.language, ...shown });
      }
    }
    if (list.length > 0) out[emotion] = list;
  }
  return out;
}

const round3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);
const sig = (x: number) => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(4)) : x);
