import type { Report } from '../analysis/report-types.js';
import { fmtNps, fmtOr, fmtP, pct, signed } from './format.js';
import { visibleControls } from './visible-controls.js';

/** Markdown for wikis and tickets: findings, drivers, segments, trend and a few verbatims. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Heartline report — ${md(report.database)}`, '');
  out.push(`${report.responses} responses, ${report.scored} with an NPS answer, ${report.analysed} analysed. **NPS ${fmtNps(report.nps)}** (95% CI, adjusted Wald).`, '');
  for (const w of report.warnings) out.push(`> Warning: ${md(w)}`, '');
  for (const line of report.answer) out.push(`- ${md(line)}`);
  out.push('', '## Drivers', '');
  out.push('| emotion | mentions | share | NPS with | NPS without | impact | OR promoter [95% CI] | q | importance |');
  out.push('|---|---:|---:|---:|---:|---:|---|---:|---:|');
  for (const e of report.emotions) {
    out.push(`| ${e.emotion}${e.tooRare ? ' (too rare)' : ''} | ${e.mentions} | ${pct(e.share)} | ${e.npsWith === null ? '—' : signed(e.npsWith)} | ${e.npsWithout === null ? '—' : signed(e.npsWithout)} | ${e.impact === null ? '—' : signed(e.impact)} | ${e.oddsRatio === null ? '—' : `${fmtOr(e.oddsRatio)} [${fmtOr(e.ci95![0])}, ${fmtOr(e.ci95![1])}]`} | ${fmtP(e.qValue)} | ${e.importance === null ? '—' : pct(e.importance)} |`);
  }
  const m = report.models;
  out.push('', `Cross-validated AUC for promoters: emotions ${m.aucEmotions ?? '—'}, plain sentiment ${m.aucSentiment ?? '—'}, both ${m.aucBoth ?? '—'}. R²: emotions ${m.r2Emotions ?? '—'}, satisfaction alone ${m.r2Satisfaction ?? '—'}.`);
  for (const s of report.segments) {
    out.push('', `## By ${md(s.by)}`, '', `| ${md(s.by)} | responses | NPS [95% CI] |`, '|---|---:|---|');
    for (const g of s.groups) out.push(`| ${md(g.value)} | ${g.responses} | ${fmtNps(g.nps)} |`);
  }
  if (report.trend.points.length > 0) {
    out.push('', `## Trend by ${report.trend.period}`, '', '| period | responses | NPS [95% CI] | change | p |', '|---|---:|---|---:|---:|');
    for (const p of report.trend.points) out.push(`| ${p.period} | ${p.responses} | ${fmtNps(p.nps)} | ${p.change === null ? '—' : signed(p.change)}${p.significant ? ' *' : ''} | ${fmtP(p.pValue)} |`);
  }
  out.push('', '## Verbatims', '');
  for (const [emotion, list] of Object.entries(report.verbatims)) {
    out.push(`**${emotion}**`, '');
    for (const v of list.slice(0, 4)) out.push(`- (${v.group}, ${v.score}) ${md(v.text.replace(/\s+/g, ' '))}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/**
 * Escapes what Markdown (and the HTML it may become) would interpret; control characters (a line break in a
 * segment value would end its table row) are shown as symbols.
 */
function md(text: string): string {
  return visibleControls(text).replace(/[\\`*_{}[\]()#+!|<>&]/g, (c) => `\\${c}`);
}
