import type { EmotionCell, EmotionAssociation, Interval, NpsSummary, Report } from '../analysis/report-types.js';

const COLUMNS = [
  'segment', 'segment_value', 'emotion', 'mentions', 'share', 'share_ci_low', 'share_ci_high',
  'nps_with', 'nps_with_ci_low', 'nps_with_ci_high', 'nps_without', 'nps_without_ci_low', 'nps_without_ci_high',
  'promoter_rate', 'others_promoter_rate', 'detractor_rate', 'others_detractor_rate',
  'promoters', 'non_promoters', 'detractors', 'non_detractors',
  'odds_ratio', 'ci95_low', 'ci95_high', 'p_value', 'q_value', 'few_events',
  'detractor_odds_ratio', 'detractor_ci95_low', 'detractor_ci95_high', 'detractor_p_value', 'detractor_q_value', 'detractor_few_events',
  'nps_impact', 'nps_impact_ci_low', 'nps_impact_ci_high', 'importance', 'importance_ci_low', 'importance_ci_high',
  'strength', 'too_rare', 'aliased_with',
];

/**
 * One row per emotion × segment, for Excel: segment "all" first with every model column, then each --by group's
 * heatmap cells (share and NPS with their intervals; the models are fitted on everyone, so those columns are
 * empty there). UTF-8 with BOM, CRLF, and any cell a spreadsheet would run as a formula prefixed with '.
 */
export function renderCsv(report: Report): string {
  const rows: unknown[][] = [COLUMNS];
  for (const e of report.emotions) rows.push(['all', 'all', ...associationCells(e)]);
  for (const s of report.segments) for (const g of s.groups) for (const c of g.emotions) rows.push([s.by, g.value, ...heatmapCells(c)]);
  return csvText(rows);
}

function associationCells(e: EmotionAssociation): unknown[] {
  return [
    e.emotion, e.mentions, e.share, ...e.shareCi95,
    ...nps(e.npsWith), ...nps(e.npsWithout),
    e.promoterRate, e.othersPromoterRate, e.detractorRate, e.othersDetractorRate,
    e.events.promoters, e.events.nonPromoters, e.events.detractors, e.events.nonDetractors,
    e.oddsRatio, ...interval(e.ci95), e.pValue, e.qValue, e.fewEvents,
    e.detractor.oddsRatio, ...interval(e.detractor.ci95), e.detractor.pValue, e.detractor.qValue, e.detractor.fewEvents,
    e.npsImpact?.value, ...interval(e.npsImpact?.ci95 ?? null), e.importance?.value, ...interval(e.importance?.ci95 ?? null),
    e.strength, e.tooRare, e.aliasedWith,
  ];
}

function heatmapCells(c: EmotionCell): unknown[] {
  const cells: unknown[] = [c.emotion, c.mentions, c.share, ...c.shareCi95, ...nps(c.nps)];
  cells.length = COLUMNS.length - 2;
  cells[COLUMNS.indexOf('too_rare') - 2] = c.tooFew;
  return cells;
}

const nps = (n: NpsSummary | null) => (n ? [n.score, ...n.ci95] : [null, null, null]);
/** An unbounded end is written as inf / -inf, which Excel and R read as text and Inf. */
const interval = (ci: Interval | null) => (ci ? ci.map((x) => (x === Number.POSITIVE_INFINITY ? 'inf' : x === Number.NEGATIVE_INFINITY ? '-inf' : x)) : [null, null]);

/** Rows as CSV text: a BOM, CRLF line ends, every cell quoted as needed. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map(csvLine).join('')}`;
}

/** One CSV line with its CRLF. */
export function csvLine(row: readonly unknown[]): string {
  return `${Array.from(row, (v) => quote(cell(v))).join(',')}\r\n`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Neutralise formula injection, then quote as RFC 4180 needs. */
export function quote(value: string): string {
  // Numbers (including negative ones) are data, not formulas.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(value) && value !== '-inf' ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
