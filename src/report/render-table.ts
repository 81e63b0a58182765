import type { EmotionDriver, Report } from '../analysis/report-types.js';
import { fmtNps, fmtOr, fmtP, pct, signed } from './format.js';
import { visibleControls } from './visible-controls.js';

/** Terminal tables: drivers sorted by importance, CIs shown, rare emotions marked. */
export function renderTable(report: Report): string {
  const out: string[] = [];
  out.push(visibleControls(`Heartline report — ${report.database}${filterText(report)}`));
  out.push(`${report.responses} responses, ${report.scored} with an NPS answer, ${report.analysed} analysed; NPS ${fmtNps(report.nps)}`);
  if (report.nps) out.push(`  promoters ${report.nps.promoters}, passives ${report.nps.passives}, detractors ${report.nps.detractors} (95% CI: adjusted Wald)`);
  out.push(`  languages: ${Object.entries(report.languages).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const w of report.warnings) out.push(`  warning: ${visibleControls(w)}`);
  out.push('');
  for (const line of report.answer) out.push(`• ${line}`);
  out.push('');
  out.push(`Which emotions drive loyalty (n = ${report.models.n} scored, analysed responses; * = fewer than ${report.minSupport} mentions, too rare to judge)`);
  out.push(grid(
    ['emotion', 'mentions', 'share', 'NPS with', 'NPS w/o', 'impact', 'OR promoter [95% CI]', 'q', 'OR detractor', 'importance'],
    report.emotions.map((e) => driverRow(e)),
  ));
  const m = report.models;
  out.push('');
  out.push(`Promoter prediction, 5-fold cross-validated AUC: emotions ${num(m.aucEmotions)}, plain sentiment ${num(m.aucSentiment)}, both ${num(m.aucBoth)}`);
  out.push(`R² of the 0–10 score: all emotions ${num(m.r2Emotions)}, satisfaction alone ${num(m.r2Satisfaction)}`);
  for (const segment of report.segments) {
    out.push('');
    out.push(`By ${segment.by}`);
    out.push(grid(
      [segment.by, 'responses', 'NPS [95% CI]', 'top emotions (share)'],
      segment.groups.map((g) => [
        g.value,
        String(g.responses),
        fmtNps(g.nps),
        g.emotions.filter((e) => e.mentions > 0).sort((a, b) => b.share - a.share).slice(0, 4).map((e) => `${e.emotion} ${pct(e.share)}`).join(', '),
      ]),
    ));
  }
  if (report.trend.points.length > 0) {
    out.push('');
    out.push(`Trend by ${report.trend.period} (* = change significant at p < 0.05)`);
    out.push(grid(
      [report.trend.period, 'responses', 'NPS [95% CI]', 'change', 'p'],
      report.trend.points.map((p) => [p.period, String(p.responses), fmtNps(p.nps), p.change === null ? '—' : `${signed(p.change)}${p.significant ? ' *' : ''}`, fmtP(p.pValue)]),
    ));
  }
  return `${out.join('\n')}\n`;
}

function driverRow(e: EmotionDriver): string[] {
  return [
    `${e.emotion}${e.tooRare ? ' *' : ''}`,
    String(e.mentions),
    pct(e.share),
    e.npsWith === null ? '—' : signed(e.npsWith),
    e.npsWithout === null ? '—' : signed(e.npsWithout),
    e.impact === null ? '—' : signed(e.impact),
    e.oddsRatio === null ? '—' : `${fmtOr(e.oddsRatio)} [${fmtOr(e.ci95![0])}, ${fmtOr(e.ci95![1])}]`,
    fmtP(e.qValue),
    fmtOr(e.detractor.oddsRatio),
    e.importance === null ? '—' : pct(e.importance),
  ];
}

function filterText(report: Report): string {
  const f = report.filters;
  const parts = [
    f.since && `since ${f.since}`,
    f.until && `until ${f.until}`,
    f.lang && f.lang.length > 0 && `lang ${f.lang.join(',')}`,
    f.source && f.source.length > 0 && `source ${f.source.join(',')}`,
    ...Object.entries(f.segment ?? {}).map(([k, v]) => `${k}=${v.join(' or ')}`),
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

const num = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/**
 * A plain fixed-width table; the first column left-aligned, the rest right-aligned. Control characters in
 * cells (a segment value with ESC or a line break) are shown as symbols: raw, they would garble the terminal.
 */
export function grid(header: string[], cells: string[][]): string {
  const rows = cells.map((r) => r.map((c) => visibleControls(c)));
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 || i === r.length - 1 && header[i]!.startsWith('top') ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Characters a terminal draws two columns wide: Chinese, Japanese and Korean script, fullwidth forms. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/** Columns a string takes on a terminal, so tables with Chinese text line up. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const c of s) width += WIDE.test(c) ? 2 : 1;
  return width;
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;
