import type { EmotionDriver, Report } from '../analysis/report-types.js';

const COLUMNS = [
  'segment', 'segment_value', 'emotion', 'mentions', 'share', 'promoter_rate', 'detractor_rate', 'nps_with', 'nps_without',
  'impact', 'odds_ratio', 'ci95_low', 'ci95_high', 'p_value', 'q_value', 'detractor_odds_ratio', 'importance', 'too_rare',
];

/**
 * One row per emotion × segment (segment "all" first), for Excel: UTF-8 with BOM, CRLF, and any cell that
 * a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with an apostrophe.
 */
export function renderCsv(report: Report): string {
  const rows: string[][] = [COLUMNS];
  const add = (segment: string, value: string, drivers: EmotionDriver[]) => {
    for (const e of drivers) {
      rows.push([
        segment, value, e.emotion, e.mentions, e.share, e.promoterRate, e.detractorRate, e.npsWith, e.npsWithout, e.impact,
        e.oddsRatio, e.ci95?.[0], e.ci95?.[1], e.pValue, e.qValue, e.detractor.oddsRatio, e.importance, e.tooRare,
      ].map(cell));
    }
  };
  add('all', 'all', report.emotions);
  for (const s of report.segments) for (const g of s.groups) add(s.by, g.value, g.emotions);
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Neutralise formula injection, then quote as RFC 4180 needs. */
export function quote(value: string): string {
  // Numbers (including negative ones) are data, not formulas.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
