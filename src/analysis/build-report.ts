import { loadTaxonomy } from '../emotion/taxonomy.js';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import { isSupported } from '../lang/registry.js';
import type { Database } from '../store/database.js';
import { crossValidatedAuc } from './auc.js';
import { mulberry32 } from './mulberry32.js';
import { type Dataset, loadDataset } from './dataset.js';
import { countsOf, emotionDrivers, MIN_MODEL_SIZE, modelRows } from './drivers.js';
import type { ReportFilters } from './filters.js';
import { filterSql } from './filters.js';
import { r2 } from './linear-r2.js';
import { npsWithCi } from './nps.js';
import { npsSummary } from './nps-summary.js';
import { redactWithEvidence } from '../privacy/redact-with-evidence.js';
import type { EmotionDriver, Models, Report, SegmentBreakdown, Verbatim } from './report-types.js';
import { trendOf } from './trend.js';

export interface ReportOptions {
  database: string;
  filters: ReportFilters;
  /** Emotions mentioned fewer times are marked tooRare (default 30). */
  minSupport?: number;
  /** Breakdowns: `lang` and/or segment columns (default ['lang']). */
  by?: string[];
  period?: 'week' | 'month';
  /** Verbatims per emotion and NPS group (default 3). */
  verbatims?: number;
  /**
   * Mask personal data in the verbatims (report --redact), for databases imported without --redact. Every
   * format renders from this report, so all are masked; evidence offsets are moved to match.
   */
  redact?: boolean;
}

/** Everything the report says, computed from what SQLite holds. */
export function buildReport(db: Database, options: ReportOptions): Report {
  const taxonomy = loadTaxonomy([BUILTIN_LEXICON_DIR]);
  const tagged = (db.prepare('SELECT DISTINCT emotion FROM emotion_tags').all() as { emotion: string }[]).map((r) => r.emotion);
  const emotions = [...new Set([...taxonomy.ids, ...tagged])].slice(0, 31);
  const valence = (e: string) => taxonomy.emotions.get(e)?.valence ?? 0;
  const minSupport = options.minSupport ?? 30;
  const ds = loadDataset(db, options.filters, emotions);
  const rows = modelRows(ds);
  const drivers = emotionDrivers(ds, rows, { minSupport, languageCovariate: true, valence });
  const all = Array.from({ length: ds.size }, (_, i) => i);
  const models = modelsOf(ds, rows);
  const warnings: string[] = [];
  if (ds.lexiconVersions.length > 1) {
    warnings.push(`tags come from ${ds.lexiconVersions.length} lexicon versions (${ds.lexiconVersions.join(', ')}); re-analyse to compare like with like`);
  }
  if (rows.length < MIN_MODEL_SIZE) warnings.push(`only ${rows.length} scored, analysed responses: too few for the models`);
  const report: Report = {
    schema: 'heartline-report/1',
    generatedAt: new Date().toISOString(),
    database: options.database,
    filters: options.filters,
    lexiconVersions: ds.lexiconVersions,
    warnings,
    responses: ds.size,
    scored: all.filter((i) => ds.scores[i]! >= 0).length,
    analysed: all.filter((i) => ds.analysed[i] === 1).length,
    nps: npsSummary(npsWithCi(countsOf(ds, all))),
    languages: languageCounts(ds),
    minSupport,
    emotions: sortByImportance(drivers),
    models,
    answer: [],
    segments: (options.by ?? ['lang']).map((by) => breakdown(ds, by, minSupport, valence)),
    trend: trendOf(ds, options.period ?? 'month'),
    verbatims: verbatims(db, options.filters, emotions, options.verbatims ?? 3, options.redact ?? false),
  };
  report.answer = answer(report);
  return report;
}

function sortByImportance(drivers: EmotionDriver[]): EmotionDriver[] {
  return [...drivers].sort((a, b) => (b.importance ?? -1) - (a.importance ?? -1) || b.mentions - a.mentions);
}

function languageCounts(ds: Dataset): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < ds.size; i++) {
    const lang = ds.languages[ds.language[i]!]!;
    counts[lang] = (counts[lang] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

/** Do emotions predict promoters better than plain sentiment? Cross-validated AUCs, and R² of the score. */
function modelsOf(ds: Dataset, all: number[]): Models {
  // AUCs are estimated on at most 20,000 responses (a seeded sample; the AUC's standard error there is
  // about 0.005): 15 cross-validation fits over a million rows would take a minute.
  const rows = sample(all, 20_000);
  const none: Models = { n: rows.length, aucEmotions: null, aucSentiment: null, aucBoth: null, r2Emotions: null, r2Satisfaction: null };
  if (rows.length < MIN_MODEL_SIZE) return none;
  const used = ds.emotions.map((_, e) => e).filter((e) => rows.some((i) => ((ds.emotionBits[i]! >>> e) & 1) === 1));
  const bits = (i: number) => used.map((e) => (ds.emotionBits[i]! >>> e) & 1);
  const y = rows.map((i) => (ds.scores[i]! >= 9 ? 1 : 0) as 0 | 1);
  if (!y.includes(1) || !y.includes(0)) return none;
  const score = rows.map((i) => ds.scores[i]!);
  const satisfaction = ds.emotions.indexOf('satisfaction');
  return {
    n: all.length,
    aucEmotions: round3(crossValidatedAuc(rows.map(bits), y)),
    aucSentiment: round3(crossValidatedAuc(rows.map((i) => [ds.polarity[i]!]), y)),
    aucBoth: round3(crossValidatedAuc(rows.map((i) => [...bits(i), ds.polarity[i]!]), y)),
    r2Emotions: round3(r2(rows.map(bits), score)),
    r2Satisfaction: satisfaction < 0 ? null : round3(r2(rows.map((i) => [(ds.emotionBits[i]! >>> satisfaction) & 1]), score)),
  };
}

function breakdown(ds: Dataset, by: string, minSupport: number, valence: (e: string) => number): SegmentBreakdown {
  const key = by === 'lang' ? (i: number) => ds.languages[ds.language[i]!]! : (i: number) => ds.segments[i]![by.toLowerCase()] ?? '(none)';
  const groups = new Map<string, number[]>();
  for (let i = 0; i < ds.size; i++) {
    const k = key(i);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(i);
  }
  return {
    by,
    groups: [...groups]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([value, members]) => {
        const set = new Set(members);
        const rows = modelRows(ds, (i) => set.has(i));
        const emotions = by === 'lang' && !isSupported(value) ? [] : emotionDrivers(ds, rows, { minSupport, languageCovariate: by !== 'lang', valence });
        return { value, responses: members.length, nps: npsSummary(npsWithCi(countsOf(ds, members))), emotions: sortByImportance(emotions) };
      }),
  };
}

/** A few promoter and detractor responses per emotion, the clearest (highest tag score) first. */
function verbatims(db: Database, filters: ReportFilters, emotions: string[], per: number, redact: boolean): Record<string, Verbatim[]> {
  const { where, params } = filterSql(filters);
  const query = db.prepare(
    `SELECT r.id, r.score, r.language, r.text, t.evidence FROM emotion_tags AS t JOIN responses AS r ON r.id = t.response_id
     WHERE ${where} AND t.emotion = @emotion AND r.score BETWEEN @low AND @high AND length(r.text) <= 400
     ORDER BY t.score DESC, r.id LIMIT @per`,
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

function sample(rows: number[], max: number): number[] {
  if (rows.length <= max) return rows;
  const random = mulberry32(2025);
  const picked = [...rows];
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(random() * (picked.length - i));
    [picked[i], picked[j]] = [picked[j]!, picked[i]!];
  }
  return picked.slice(0, max).sort((a, b) => a - b);
}
