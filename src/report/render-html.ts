import type { EmotionDriver, NpsSummary, Report, Verbatim } from '../analysis/report-types.js';
import { fmtNps, fmtOr, fmtP, pct, signed } from './format.js';

/**
 * One self-contained HTML file a CX team can open offline and share: hand-built SVG charts, no script at
 * all (the Content-Security-Policy forbids any), every piece of feedback text HTML-escaped.
 */
export function renderHtml(report: Report): string {
  const sections = [
    summary(report),
    section('Which emotions drive promoters', driverChart(report.emotions), driverTable(report)),
    section('Emotions among promoters and detractors', sharesChart(report.emotions)),
    ...report.segments.map((s) => section(`NPS by ${esc(s.by)}`, npsChart(s.groups.map((g) => ({ label: g.value, nps: g.nps, n: g.responses }))))),
    report.trend.points.length > 1 ? section(`NPS by ${report.trend.period}`, trendChart(report), trendTable(report)) : '',
    section('In the customers’ words', verbatims(report)),
    methods(report),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Heartline report — ${esc(report.database)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Which emotions predict loyalty</h1>
<p class="meta">${esc(report.database)} · generated ${esc(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC · lexicon ${esc(report.lexiconVersions.join(', ') || '—')}</p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

const CSS = `
:root { --pos: #1b7f5a; --neg: #b3261e; --muted: #6b7280; --line: #d1d5db; --ink: #111827; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.kpis { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 150px; }
.kpi b { display: block; font-size: 22px; }
ul.answer li { margin: 4px 0; }
.warning { background: #fff7e6; border: 1px solid #f5c26b; padding: 8px 12px; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
td.rare { color: var(--muted); }
svg { width: 100%; height: auto; max-width: 1000px; display: block; }
svg text { font-size: 12px; fill: var(--ink); }
.verbatims { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
.emotion-card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; break-inside: avoid; }
.emotion-card h3 { margin: 0 0 6px; font-size: 15px; }
blockquote { margin: 6px 0; padding: 4px 8px; border-left: 3px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote.promoter { border-color: var(--pos); } blockquote.detractor { border-color: var(--neg); }
blockquote small { display: block; color: var(--muted); }
mark { background: #fde68a; padding: 0 1px; }
.note { color: var(--muted); font-size: 13px; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } section { break-inside: avoid-page; } .kpi { break-inside: avoid; } }
`;

function section(title: string, ...body: string[]): string {
  return `<section><h2>${title}</h2>\n${body.join('\n')}</section>`;
}

function summary(r: Report): string {
  const kpi = (label: string, value: string) => `<div class="kpi">${esc(label)}<b>${esc(value)}</b></div>`;
  const m = r.models;
  return `<section class="summary">
<div class="kpis">${kpi('NPS (95% CI)', fmtNps(r.nps))}${kpi('responses', String(r.responses))}${kpi('with an NPS answer', String(r.scored))}${kpi('analysed', String(r.analysed))}${kpi('AUC emotions / sentiment', `${m.aucEmotions?.toFixed(2) ?? '—'} / ${m.aucSentiment?.toFixed(2) ?? '—'}`)}</div>
${r.warnings.map((w) => `<p class="warning">${esc(w)}</p>`).join('\n')}
<ul class="answer">${r.answer.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
<p class="note">Languages: ${Object.entries(r.languages).map(([k, n]) => `${esc(k)} ${n}`).join(', ')}</p>
</section>`;
}

/** Forest plot of promoter odds ratios with 95% CIs on a log scale. */
function driverChart(drivers: EmotionDriver[]): string {
  const rows = drivers.filter((d) => d.oddsRatio !== null && d.ci95 !== null);
  if (rows.length === 0) return '<p class="note">Too few scored, analysed responses for a model.</p>';
  const width = 900;
  const left = 150;
  const right = 30;
  const rowH = 26;
  const height = 40 + rows.length * rowH;
  const lo = Math.log(0.01);
  const hi = Math.log(100);
  const x = (v: number) => left + ((Math.min(hi, Math.max(lo, Math.log(v))) - lo) / (hi - lo)) * (width - left - right);
  const ticks = [0.01, 0.1, 0.5, 1, 2, 10, 100];
  const parts = [`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Odds ratio of being a promoter per emotion, log scale">`];
  for (const t of ticks) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="20" y2="${height - 14}" stroke="${t === 1 ? '#111827' : '#e5e7eb'}"/>`);
    parts.push(`<text x="${x(t)}" y="${height - 2}" text-anchor="middle">${t}</text>`);
  }
  parts.push(`<text x="${left}" y="12">odds ratio of being a promoter (log scale) — left of 1: fewer promoters</text>`);
  rows.forEach((d, i) => {
    const y = 32 + i * rowH;
    const colour = d.tooRare ? '#9ca3af' : d.oddsRatio! >= 1 ? 'var(--pos)' : 'var(--neg)';
    parts.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end">${esc(d.emotion)}${d.tooRare ? ' (rare)' : ''}</text>`);
    parts.push(`<line x1="${x(d.ci95![0])}" x2="${x(d.ci95![1])}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="2"/>`);
    parts.push(`<circle cx="${x(d.oddsRatio!)}" cy="${y}" r="5" fill="${colour}"><title>${esc(d.emotion)}: OR ${fmtOr(d.oddsRatio)} [${fmtOr(d.ci95![0])}, ${fmtOr(d.ci95![1])}]</title></circle>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function driverTable(r: Report): string {
  const rows = r.emotions.map((e) => `<tr><td class="${e.tooRare ? 'rare' : ''}">${esc(e.emotion)}${e.tooRare ? ' (too rare)' : ''}</td><td>${e.mentions}</td><td>${pct(e.share)}</td><td>${e.npsWith === null ? '—' : signed(e.npsWith)}</td><td>${e.npsWithout === null ? '—' : signed(e.npsWithout)}</td><td>${e.impact === null ? '—' : signed(e.impact)}</td><td>${e.oddsRatio === null ? '—' : `${fmtOr(e.oddsRatio)} [${fmtOr(e.ci95![0])}, ${fmtOr(e.ci95![1])}]`}</td><td>${fmtP(e.qValue)}</td><td>${fmtOr(e.detractor.oddsRatio)}</td><td>${e.importance === null ? '—' : pct(e.importance)}</td></tr>`);
  return `<table><thead><tr><th>emotion</th><th>mentions</th><th>share</th><th>NPS with</th><th>NPS without</th><th>impact</th><th>OR promoter [95% CI]</th><th>q (BH)</th><th>OR detractor</th><th>importance</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p class="note">Odds ratios from one logistic regression over all emotions with language as a covariate (Firth's penalty, so rare emotions stay finite); q-values by Benjamini–Hochberg; importance is each emotion's share of the explained variance of the 0–10 score (Shapley decomposition). Emotions with fewer than ${r.minSupport} mentions are too rare to judge.</p>`;
}

/** Share of promoters and of detractors mentioning each emotion, side by side. */
function sharesChart(drivers: EmotionDriver[]): string {
  const rows = drivers.filter((d) => d.mentions > 0).sort((a, b) => b.shareAmongPromoters - b.shareAmongDetractors - (a.shareAmongPromoters - a.shareAmongDetractors));
  if (rows.length === 0) return '<p class="note">No emotions tagged.</p>';
  const width = 900;
  const left = 150;
  const rowH = 30;
  const height = 30 + rows.length * rowH;
  const max = Math.max(0.05, ...rows.flatMap((d) => [d.shareAmongPromoters, d.shareAmongDetractors]));
  const w = (v: number) => (v / max) * (width - left - 80);
  const parts = [`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Share of promoters and detractors mentioning each emotion">`];
  parts.push(`<rect x="${left}" y="4" width="10" height="10" fill="var(--pos)"/><text x="${left + 14}" y="13">promoters</text><rect x="${left + 100}" y="4" width="10" height="10" fill="var(--neg)"/><text x="${left + 114}" y="13">detractors</text>`);
  rows.forEach((d, i) => {
    const y = 24 + i * rowH;
    parts.push(`<text x="${left - 8}" y="${y + 12}" text-anchor="end">${esc(d.emotion)}</text>`);
    parts.push(`<rect x="${left}" y="${y}" width="${w(d.shareAmongPromoters)}" height="11" fill="var(--pos)"><title>${pct(d.shareAmongPromoters)} of promoters</title></rect>`);
    parts.push(`<rect x="${left}" y="${y + 12}" width="${w(d.shareAmongDetractors)}" height="11" fill="var(--neg)"><title>${pct(d.shareAmongDetractors)} of detractors</title></rect>`);
    parts.push(`<text x="${left + Math.max(w(d.shareAmongPromoters), w(d.shareAmongDetractors)) + 6}" y="${y + 16}">${pct(d.shareAmongPromoters)} / ${pct(d.shareAmongDetractors)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** NPS with its 95% CI per group, on the −100…100 scale. */
function npsChart(groups: { label: string; nps: NpsSummary | null; n: number }[]): string {
  const rows = groups.filter((g) => g.nps !== null);
  if (rows.length === 0) return '<p class="note">No NPS answers.</p>';
  const width = 900;
  const left = 150;
  const right = 30;
  const rowH = 26;
  const height = 40 + rows.length * rowH;
  const x = (v: number) => left + ((v + 100) / 200) * (width - left - right);
  const parts = [`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="NPS with 95% confidence interval per group">`];
  for (const t of [-100, -50, 0, 50, 100]) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="16" y2="${height - 14}" stroke="${t === 0 ? '#111827' : '#e5e7eb'}"/><text x="${x(t)}" y="${height - 2}" text-anchor="middle">${t}</text>`);
  }
  rows.forEach((g, i) => {
    const y = 28 + i * rowH;
    const n = g.nps!;
    parts.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end">${esc(g.label)} (${g.n})</text>`);
    parts.push(`<line x1="${x(n.ci95[0])}" x2="${x(n.ci95[1])}" y1="${y}" y2="${y}" stroke="#374151" stroke-width="2"/>`);
    parts.push(`<circle cx="${x(n.score)}" cy="${y}" r="5" fill="${n.score >= 0 ? 'var(--pos)' : 'var(--neg)'}"><title>${esc(g.label)}: NPS ${fmtNps(n)}</title></circle>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function trendChart(r: Report): string {
  const points = r.trend.points.filter((p) => p.nps !== null);
  const width = 900;
  const height = 260;
  const left = 50;
  const bottom = 30;
  const x = (i: number) => left + (points.length === 1 ? 0 : (i / (points.length - 1)) * (width - left - 20));
  const y = (v: number) => 10 + ((100 - v) / 200) * (height - bottom - 10);
  const band = [...points.map((p, i) => `${x(i)},${y(p.nps!.ci95[1])}`), ...points.map((p, i) => `${x(i)},${y(p.nps!.ci95[0])}`).reverse()].join(' ');
  const parts = [`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="NPS per ${r.trend.period} with 95% confidence band">`];
  for (const t of [-100, -50, 0, 50, 100]) parts.push(`<line x1="${left}" x2="${width - 20}" y1="${y(t)}" y2="${y(t)}" stroke="${t === 0 ? '#9ca3af' : '#eef0f3'}"/><text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`);
  parts.push(`<polygon points="${band}" fill="#dbeafe"/>`);
  parts.push(`<polyline points="${points.map((p, i) => `${x(i)},${y(p.nps!.score)}`).join(' ')}" fill="none" stroke="#1d4ed8" stroke-width="2"/>`);
  points.forEach((p, i) => {
    parts.push(`<circle cx="${x(i)}" cy="${y(p.nps!.score)}" r="${p.significant ? 5 : 3}" fill="${p.significant ? '#b45309' : '#1d4ed8'}"><title>${esc(p.period)}: NPS ${fmtNps(p.nps)}${p.change !== null ? `, change ${signed(p.change)} (p ${fmtP(p.pValue)})` : ''}</title></circle>`);
    parts.push(`<text x="${x(i)}" y="${height - 8}" text-anchor="middle">${esc(p.period)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function trendTable(r: Report): string {
  const rows = r.trend.points.map((p) => `<tr><td>${esc(p.period)}</td><td>${p.responses}</td><td>${fmtNps(p.nps)}</td><td>${p.change === null ? '—' : signed(p.change)}${p.significant ? ' *' : ''}</td><td>${fmtP(p.pValue)}</td></tr>`);
  return `<table><thead><tr><th>${r.trend.period}</th><th>responses</th><th>NPS [95% CI]</th><th>change</th><th>p</th></tr></thead><tbody>${rows.join('')}</tbody></table><p class="note">* change from the period before significant at p &lt; 0.05 (two-sample NPS test).</p>`;
}

function verbatims(r: Report): string {
  const cards = Object.entries(r.verbatims).map(
    ([emotion, list]) => `<div class="emotion-card"><h3>${esc(emotion)}</h3>${list.map(quote).join('')}</div>`,
  );
  return cards.length === 0 ? '<p class="note">No tagged responses.</p>' : `<div class="verbatims">${cards.join('')}</div>`;
}

/** A response with its evidence marked; every character of it escaped. */
function quote(v: Verbatim): string {
  const spans = [...v.evidence].sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > v.text.length) continue;
    html += esc(v.text.slice(at, s.start)) + `<mark>${esc(v.text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  html += esc(v.text.slice(at));
  return `<blockquote class="${v.group}">${html}<small>${v.group}, score ${v.score}${v.language ? `, ${esc(v.language)}` : ''}</small></blockquote>`;
}

function methods(r: Report): string {
  return `<section><h2>How to read this</h2><p class="note">NPS = % promoters (9–10) − % detractors (0–6), with a 95% confidence interval by the adjusted Wald method. Impact = NPS of everyone minus NPS without the responses that mention the emotion. AUC compares how well the emotions, plain sentiment (a polarity word list) and both predict promoters, by 5-fold cross-validation (0.5 = chance). ${r.models.n} scored responses in supported languages were modelled.</p></section>`;
}

/** The only way feedback text reaches the page. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
