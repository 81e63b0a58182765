import { loadTaxonomy } from '../emotion/taxonomy.js';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import { isSupported } from '../lang/registry.js';
import type { Database } from '../store/database.js';
import { crossValidatedAucOfPatterns } from './auc.js';
import { CellCounter, type ResponseCells } from './cell-counter.js';
import { type Dataset, loadDataset } from './dataset.js';
import { mulberry32 } from './mulberry32.js';
import { stratifiedFolds } from './stratified-folds.js';
import { emotionDrivers, MIN_MODEL_SIZE, noAnswers, tally } from './drivers.js';
import { type ResponseFilters, filterSql } from '../store/response-filters.js';
import { r2 } from './linear-r2.js';
import { type NpsCounts, npsWithCi } from './nps.js';
import { npsSummary } from './nps-summary.js';
import { redact } from '../privacy/redact.js';
import { redactWithEvidence } from '../privacy/redact-with-evidence.js';
import type { EmotionDriver, Models, Report, SegmentBreakdown, Verbatim } from './report-types.js';
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
   * Mask personal data in the verbatims and segment values (report --redact), for databases imported without
   * --redact. Every format renders from this report, so all are masked; evidence offsets are moved to match.
   */
  redact?: boolean;
}

/** Everything the report says, computed from what SQLite holds. */
export function buildReport(db: Database, options: ReportOptions): Report {
  const taxonomy = loadTaxonomy([BUILTIN_LEXICON_DIR]);
  const tagged = taggedEmotions(db);
  const emotions = [...new Set([...taxonomy.ids, ...tagged])].slice(0, 31);
  const valence = (e: string) => taxonomy.emotions.get(e)?.valence ?? 0;
  const minSupport = options.minSupport ?? 30;
  const by = options.by ?? ['lang'];
  const ds = loadDataset(db, options.filters, emotions, by.filter((b) => b !== 'lang').map((b) => b.toLowerCase()));
  const [overall] = tallyGroups(ds, 1, () => 0);
  const cells = overall!.cells;
  const drivers = emotionDrivers(ds.emotions, cells, { minSupport, languageCovariate: true, valence });
  const models = modelsOf(ds, cells);
  const warnings: string[] = [];
  if (ds.lexiconVersions.length > 1) {
    warnings.push(`tags come from ${ds.lexiconVersions.length} lexicon versions (${ds.lexiconVersions.join(', ')}); re-analyse to compare like with like`);
  }
  if (cells.total < MIN_MODEL_SIZE) warnings.push(`only ${cells.total} scored, analysed responses: too few for the models`);
  const { promoters, passives, detractors } = overall!.counts;
  const report: Report = {
    schema: 'heartline-report/1',
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
    emotions: sortByImportance(drivers),
    models,
    answer: [],
    segments: by.map((b) => breakdown(ds, b, cells, minSupport, valence)).map((s) => (options.redact ? redactSegment(s) : s)),
    trend: trendOf(ds, options.period ?? 'month'),
    verbatims: verbatims(db, options.filters, emotions, options.verbatims ?? 3, options.redact ?? false),
  };
  report.answer = answer(report);
  return report;
}

/**
 * The distinct emotions in emotion_tags, in index order: one index seek per emotion (a recursive skip scan)
 * instead of visiting every tag, as SELECT DISTINCT would.
 */
function taggedEmotions(db: Database): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE seen(emotion) AS (
         SELECT min(emotion) FROM emotion_tags
         UNION ALL
         SELECT (SELECT min(emotion) FROM emotion_tags WHERE emotion > seen.emotion) FROM seen WHERE seen.emotion IS NOT NULL)
       SELECT emotion FROM seen WHERE emotion IS NOT NULL`,
    )
    .all() as { emotion: string }[];
  return rows.map((r) => r.emotion);
}

/** One group's responses, NPS answers, and its scored, analysed responses as cells for the driver models. */
interface GroupTally {
  responses: number;
  counts: NpsCounts;
  cells: ResponseCells;
}

/** One pass over the responses, each counted in group groupOf(i) (0 … groups − 1); cells only if asked. */
function tallyGroups(ds: Dataset, groups: number, groupOf: (row: number) => number, withCells = true): GroupTally[] {
  const tallies = Array.from({ length: groups }, () => ({ responses: 0, counts: noAnswers(), counter: new CellCounter() }));
  for (let i = 0; i < ds.size; i++) {
    const group = tallies[groupOf(i)]!;
    const score = ds.scores[i]!;
    group.responses++;
    tally(group.counts, score);
    if (withCells && score >= 0 && ds.analysed[i] === 1) group.counter.add(ds.emotionBits[i]!, score, ds.language[i]!);
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

function sortByImportance(drivers: EmotionDriver[]): EmotionDriver[] {
  return [...drivers].sort((a, b) => (b.importance ?? -1) - (a.importance ?? -1) || b.mentions - a.mentions);
}

function languageCounts(ds: Dataset): Record<string, number> {
  const counts = ds.languages.map(() => 0);
  for (let i = 0; i < ds.size; i++) counts[ds.language[i]!]!++;
  return Object.fromEntries(ds.languages.map((lang, l) => [lang, counts[l]!] as const).sort((a, b) => b[1] - a[1]));
}

/** Five folds from seed 1: what crossValidatedAuc uses by default, so the AUCs are the ones reported before. */
const CV_FOLDS = 5;
const CV_SEED = 1;

/**
 * Do emotions predict promoters better than plain sentiment? Cross-validated AUCs, and R² of the score, on
 * every scored, analysed response: rows with the same predictors are fitted once with their count as weight.
 */
function modelsOf(ds: Dataset, cells: ResponseCells): Models {
  const n = cells.total;
  const none: Models = { n, aucEmotions: null, aucSentiment: null, aucBoth: null, r2Emotions: null, r2Satisfaction: null };
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
  if (!y.includes(1) || !y.includes(0)) return none;
  const used = ds.emotions.map((_, e) => e).filter((e) => ((seen >>> e) & 1) === 1);
  const bits = (set: number) => used.map((e) => (set >>> e) & 1);
  const setPatterns = [...emotionSets.keys()].map(bits);
  const polarityPatterns = [...polarities.keys()].map((p) => [p]);
  const both = new Map<number, number>();
  const bothOf = emotionsOf.map((s, row) => indexOf(both, s * polarities.size + polarityOf[row]!));
  const bothPatterns = [...both.keys()].map((key) => [...setPatterns[Math.floor(key / polarities.size)]!, polarityPatterns[key % polarities.size]![0]!]);
  const satisfaction = ds.emotions.indexOf('satisfaction');
  const fold = stratifiedFolds(y, CV_FOLDS, mulberry32(CV_SEED));
  return {
    n,
    aucEmotions: round3(crossValidatedAucOfPatterns(setPatterns, emotionsOf, y, fold, CV_FOLDS)),
    aucSentiment: round3(crossValidatedAucOfPatterns(polarityPatterns, polarityOf, y, fold, CV_FOLDS)),
    aucBoth: round3(crossValidatedAucOfPatterns(bothPatterns, bothOf, y, fold, CV_FOLDS)),
    r2Emotions: round3(r2(cells.bits.map(bits), cells.score, cells.count)),
    r2Satisfaction: satisfaction < 0 ? null : round3(r2(cells.bits.map((set) => [(set >>> satisfaction) & 1]), cells.score, cells.count)),
  };
}

/** Index of `key` in the map's insertion order, adding it if new. */
function indexOf(index: Map<number, number>, key: number): number {
  let at = index.get(key);
  if (at === undefined) index.set(key, (at = index.size));
  return at;
}

function breakdown(ds: Dataset, by: string, cells: ResponseCells, minSupport: number, valence: (e: string) => number): SegmentBreakdown {
  const byLanguage = by === 'lang';
  const column = byLanguage ? { index: ds.language, values: ds.languages } : ds.segments.get(by.toLowerCase())!;
  // Cells already carry the language: a language's cells need no second pass.
  const tallies = tallyGroups(ds, column.values.length, (i) => column.index[i]!, !byLanguage);
  return {
    by,
    groups: column.values
      .map((value, g) => ({ value, g, group: tallies[g]! }))
      .sort((a, b) => b.group.responses - a.group.responses)
      .map(({ value, g, group }) => {
        if (byLanguage && !isSupported(value)) return { value, responses: group.responses, nps: npsSummary(npsWithCi(group.counts)), emotions: [] };
        const groupCells = byLanguage ? cellsOfLanguage(cells, g) : group.cells;
        const emotions = emotionDrivers(ds.emotions, groupCells, { minSupport, languageCovariate: !byLanguage, valence });
        return { value, responses: group.responses, nps: npsSummary(npsWithCi(group.counts)), emotions: sortByImportance(emotions) };
      }),
  };
}

/** A breakdown with personal data in its segment values masked (report --redact: a channel column can hold an address). */
function redactSegment(s: SegmentBreakdown): SegmentBreakdown {
  return { ...s, groups: s.groups.map((g) => ({ ...g, value: redact(g.value).text })) };
}

/** A few promoter and detractor responses per emotion, the clearest (highest tag score) first. */
function verbatims(db: Database, filters: ResponseFilters, emotions: string[], per: number, redact: boolean): Record<string, Verbatim[]> {
  const { where, params } = filterSql(filters);
  const query = db.prepare(
    `SELECT r.id, r.score, r.language, r.text, t.evidence FROM emotion_tags AS t JOIN responses AS r ON r.id = t.response_id
     WHERE ${where} AND t.emotion = @emotion AND r.score BETWEEN @low AND @high AND length(r.text) <= 400
     ORDER BY t.score DESC, t.response_id LIMIT @per`,
  );
  const out: Record<string, Verbatim[]> = {};
  for (const emotion of emotions) {
    const list: Verbatim[] = [];
    for (const [group, low, high] of [['promoter', 9, 10], ['detractor', 0, 6]] as const) {
      const rows = query.all({ ...params, emotion, low, high, per }) as { id: number; score: number; language: string | null; text: string; evidence: string }[];
      for (const r of rows) {
        const evidence = (JSON.parse(r.evidence) as { start: number; end: number; text: string }[]).map(({ start, end, text }) => ({ start, end, text }));
        const shown = redact ? redactWithEvidence(r.text, evidence) : { text: r.text, evidence };
        list.push({ responseId: r.id, score: r.score, group, language: r.language, ...shown });
      }
    }
    if (list.length > 0) out[emotion] = list;
  }
  return out;
}

/** The findings a CX team reads first. */
function answer(report: Report): string[] {
  const lines: string[] = [];
  const m = report.models;
  if (m.aucEmotions !== null && m.aucSentiment !== null && m.aucBoth !== null) {
    const better = m.aucEmotions > m.aucSentiment;
    lines.push(
      `${better ? 'Emotions predict' : 'Emotions do not predict'} promoters better than plain sentiment: cross-validated AUC ${m.aucEmotions.toFixed(2)} from the emotions vs ${m.aucSentiment.toFixed(2)} from polarity alone (${m.aucBoth.toFixed(2)} with both), on ${m.n} responses.`,
    );
  }
  if (m.r2Emotions !== null && m.r2Satisfaction !== null) {
    lines.push(
      `Plain satisfaction alone explains ${(100 * m.r2Satisfaction).toFixed(1)}% of the variance in the 0–10 score; all emotional categories together explain ${(100 * m.r2Emotions).toFixed(1)}%.`,
    );
  }
  const judged = report.emotions.filter((e) => !e.tooRare && e.oddsRatio !== null && e.qValue !== null && e.qValue < 0.05);
  const positive = judged.filter((e) => e.oddsRatio! > 1).sort((a, b) => b.oddsRatio! - a.oddsRatio!);
  const negative = judged.filter((e) => e.oddsRatio! < 1).sort((a, b) => a.oddsRatio! - b.oddsRatio!);
  const describe = (e: EmotionDriver) => `${e.emotion} (odds ratio ${e.oddsRatio!.toFixed(2)}, 95% CI ${e.ci95![0].toFixed(2)}–${e.ci95![1].toFixed(2)})`;
  if (positive.length > 0) lines.push(`Strongest drivers of promoters: ${positive.slice(0, 3).map(describe).join('; ')}.`);
  if (negative.length > 0) lines.push(`Strongest drivers away from promoting: ${negative.slice(0, 3).map(describe).join('; ')}.`);
  const rare = report.emotions.filter((e) => e.tooRare).map((e) => e.emotion);
  if (rare.length > 0) lines.push(`Too rare to judge (fewer than ${report.minSupport} mentions): ${rare.join(', ')}.`);
  return lines;
}

const round3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);

