import type { EmotionCell, EmotionAssociation, Report, SegmentGroup, StateCount, Verbatim } from '../analysis/report-types.js';
import { languageName } from '../lang/registry.js';
import { MARKS, fmtEstimate, fmtNps, fmtOr, fmtOrCi, fmtP, fmtPoints, fmtShare, pct, pctPlain, range, signed } from './format.js';
import { esc } from './html-escape.js';
import { type ForestGroup, Ids, forestChart, lineChart, npsAxis, oddsAxis, pairedBars, stackedBars, symmetricAxis } from './svg-charts.js';

export { esc } from './html-escape.js';

const POS = '#1b7f5a';
const NEG = '#b3261e';
const MUTED = '#9ca3af';
/** Customer-state colours: the ladder from red to green, then at risk (amber) and advocate (deep green); more states cycle. */
const STATE_COLOURS = ['#b3261e', '#e8833a', '#9ca3af', '#4f9d69', '#d4a017', '#14532d', '#6b7280', '#1d4ed8'];

/**
 * One self-contained HTML file a CX team can open offline and share. Its first screen answers "what should we
 * fix first, and how sure are we"; then the evidence. Hand-built SVG charts, no script at all (the
 * Content-Security-Policy forbids any), every piece of feedback text HTML-escaped.
 */
export function renderHtml(report: Report): string {
  const ids = new Ids();
  const sections = [
    firstScreen(report),
    report.warnings.length > 0 ? `<section class="warnings"><h2>Check before you act</h2><ul>${report.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>` : '',
    section('Emotions associated with promoting', 'associations', oddsChart(report, ids), associationTable(report)),
    section('NPS points associated with each emotion', 'impact', impactChart(report, ids)),
    section('Emotions among promoters and detractors', 'shares', sharesChart(report)),
    section('Emotions vs plain sentiment', 'sentiment', sentiment(report)),
    section('Customer states', 'states', states(report)),
    ...report.segments.map((s) => section(`By ${esc(s.by === 'lang' ? 'language' : s.by)}`, `by-${slug(s.by)}`, segment(report, s.by, s.groups))),
    report.trend.points.length > 0 ? section(`Over time, by ${report.trend.period}`, 'trend', trend(report)) : '',
    section('In the customers’ words', 'verbatims', verbatims(report)),
    section('How to read this', 'how-to-read', howToRead(report)),
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
<h1>What goes with loyalty in this feedback</h1>
<p class="meta">${esc(report.database)} · generated ${esc(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC · lexicon ${esc(report.lexiconVersions.join(', ') || '—')}</p>
${sections.filter(Boolean).join('\n')}
</main>
</body>
</html>
`;
}

const CSS = `
:root { --pos: ${POS}; --neg: ${NEG}; --muted: #6b7280; --line: #d1d5db; --ink: #111827; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 20px 16px; }
h1 { font-size: 24px; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 12px; font-size: 13px; overflow-wrap: anywhere; }
.kpis { display: flex; flex-wrap: wrap; gap: 2px 18px; align-items: baseline; margin: 4px 0 12px; }
.kpis b { font-size: 20px; }
.first .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-left-width: 5px; border-radius: 8px; padding: 8px 12px; }
.card.fix { border-left-color: var(--neg); } .card.protect { border-left-color: var(--pos); }
.card h2 { border: 0; margin: 0 0 4px; padding: 0; font-size: 18px; }
.card ol { margin: 0; padding-left: 20px; } .card li { margin: 6px 0; }
.card .headline { font-weight: 600; }
.sure { background: #f3f4f6; border-radius: 8px; padding: 8px 12px; margin: 12px 0 0; }
.warnings ul { background: #fff7e6; border: 1px solid #f5c26b; border-radius: 6px; padding: 8px 12px 8px 28px; }
.note { color: var(--muted); font-size: 13px; }
p.caption { color: #374151; font-size: 13px; margin: 8px 0 0; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; min-width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
td.rare { color: var(--muted); }
svg.chart { display: block; width: 100%; max-width: 900px; margin: 8px 0; }
svg.chart text { font-size: 13px; fill: var(--ink); }
svg.chart text.figures, svg.chart text.tick, svg.chart text.caption { fill: #374151; font-size: 12px; }
svg.chart text.heading { font-weight: 600; font-size: 13px; }
svg.chart line.grid { stroke: #e5e7eb; } svg.chart line.reference { stroke: #111827; }
svg.chart .band { fill: #dbeafe; } svg.chart .trend { fill: none; stroke: #1d4ed8; stroke-width: 2; }
svg.chart .point { fill: #1d4ed8; } svg.chart .flagged { fill: #b45309; }
svg.chart text.halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; margin: 4px 0; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 4px; background: var(--c); }
table.heat td { text-align: center; min-width: 84px; } table.heat td:first-child { text-align: left; }
table.heat th:first-child, table.heat td:first-child { position: sticky; left: 0; background: #fff; z-index: 1; }
table.heat td b { display: block; font-size: 14px; }
table.heat td small { color: #374151; }
table.heat td.few { color: #9ca3af; background: #f9fafb; }
.up { color: var(--neg); } .down { color: var(--pos); } .flag { font-weight: 600; }
.verbatims { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 12px; }
.emotion-card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; break-inside: avoid; }
.emotion-card h3 { margin: 0 0 6px; font-size: 15px; }
blockquote { margin: 6px 0; padding: 4px 8px; border-left: 3px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote.promoter { border-color: var(--pos); } blockquote.detractor { border-color: var(--neg); }
blockquote small { display: block; color: var(--muted); }
mark { background: #fde68a; padding: 0 1px; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; } section, .card, svg.chart, table { break-inside: avoid-page; }
  .scroll { overflow: visible; }
  table { font-size: 10px; width: 100%; table-layout: fixed; } th, td { white-space: normal; overflow-wrap: anywhere; padding: 2px 3px; }
  table.heat td { min-width: 0; }
}
`;

function section(title: string, id: string, ...body: string[]): string {
  return `<section id="${id}"><h2>${title}</h2>\n${body.join('\n')}</section>`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** What to fix first, what to protect, and how sure we are — before any odds ratio. */
function firstScreen(r: Report): string {
  const card = (kind: 'fix' | 'protect', title: string, list: Report['priorities']['fixFirst']) => {
    const items = list.map((p) => `<li><b>${esc(capital(p.emotion))}</b> — <span class="headline">${esc(p.headline)}</span><br>${esc(p.detail)}</li>`).join('');
    return `<div class="card ${kind}"><h2>${title}</h2>${items ? `<ol>${items}</ol>` : '<p class="note">Nothing clear yet: see “Small samples” below.</p>'}</div>`;
  };
  const m = r.models;
  const guidance = r.guidance.length > 0 ? `<h3>Small samples</h3><ul>${r.guidance.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>` : '';
  return `<section class="first">
<p class="kpis"><span>NPS <b>${r.nps ? esc(signed(r.nps.score)) : '—'}</b> <span class="note">(95% CI ${r.nps ? esc(range(signed(r.nps.ci95[0]), signed(r.nps.ci95[1]))) : '—'})</span></span> <span><b>${r.scored}</b> answers with a score</span> <span><b>${m.n}</b> analysed for emotions</span></p>
<div class="columns">${card('fix', 'Fix first', r.priorities.fixFirst)}${card('protect', 'Protect', r.priorities.protect)}</div>
<p class="note">${esc(r.priorities.ranking)}</p>
<p class="sure"><b>How sure are we?</b> ${esc(howSure(r))} <a href="#how-to-read">How to read this</a></p>
${guidance}
<p class="note">Languages: ${r.languages.map((l) => `${esc(l.name)} ${l.responses}`).join(', ')}</p>
</section>`;
}

/** The emotion with the table marks: * too rare, † few events; explained under each chart. */
/** The first screen's short answer to "how sure are we": intervals, emotions vs sentiment, association, tag accuracy. */
function howSure(r: Report): string {
  const parts = ['Every figure has its 95% confidence interval.'];
  const d = r.models.aucDifference;
  if (d && r.models.aucEmotions && r.models.aucSentiment) {
    const aucs = `AUC ${r.models.aucEmotions.value.toFixed(2)} vs ${r.models.aucSentiment.value.toFixed(2)}, difference ${signed(d.value, 2)}, 95% CI ${range(signed(d.ci95[0], 2), signed(d.ci95[1], 2))}`;
    const verdict = d.ci95[0] > 0 ? 'The emotions predict promoters better than plain sentiment' : d.ci95[1] < 0 ? 'Plain sentiment predicts promoters better than the emotions' : 'No clear difference between the emotions and plain sentiment in predicting promoters';
    parts.push(`${verdict} (${aucs}).`);
  }
  parts.push('These are associations, not causes.');
  const f1 = Object.entries(r.tagAccuracy?.byLanguage ?? {}).sort((a, b) => a[1] - b[1]);
  if (f1.length > 0) {
    const [low, high] = [f1[0]!, f1.at(-1)!];
    const span = f1.length === 1 ? `F1 ${low[1].toFixed(2)} (${languageName(low[0])})` : `F1 ${low[1].toFixed(2)} (${languageName(low[0])}) to ${high[1].toFixed(2)} (${languageName(high[0])})`;
    parts.push(`The tags are automatic: on held-out hand-labelled lines they agree with people at ${span}; tag errors weaken the associations.`);
  }
  return parts.join(' ');
}

function rowLabel(d: EmotionAssociation): string {
  const marks = [d.tooRare && MARKS.tooRare, (d.fewEvents || d.detractor.fewEvents) && MARKS.fewEvents].filter(Boolean);
  return `${d.emotion}${marks.length > 0 ? ` ${marks.join(' ')}` : ''}`;
}

function marksNote(r: Report): string {
  return `<p class="note">${MARKS.tooRare} fewer than ${r.minSupport} mentions, too rare to judge (grey); ${MARKS.fewEvents} fewer than 10 promoters or others (detractors or others) among the responses that mention it: the interval is wide and may be one-sided. Arrows: the interval goes on past the end of the axis.</p>`;
}

/** Promoter odds ratios with profile CIs on a log scale, positive and negative associations apart, each sorted. */
function oddsChart(r: Report, ids: Ids): string {
  const rows = r.emotions.filter((d) => d.oddsRatio !== null && d.ci95 !== null);
  if (rows.length === 0) return '<p class="note">Too few scored, analysed responses for a model.</p>';
  const row = (d: EmotionAssociation) => ({
    label: rowLabel(d),
    figures: `OR ${fmtOr(d.oddsRatio)} [${fmtOr(d.ci95![0])}–${fmtOr(d.ci95![1])}]`,
    value: d.oddsRatio!,
    ci: d.ci95!,
    colour: d.tooRare ? MUTED : d.oddsRatio! >= 1 ? POS : NEG,
    title: `${d.emotion}: adjusted odds ratio of being a promoter ${fmtOrCi(d.oddsRatio, d.ci95)}, q ${fmtP(d.qValue)}`,
  });
  const groups: ForestGroup[] = [
    { heading: 'Associated with more promoters', rows: rows.filter((d) => d.oddsRatio! >= 1).map(row) },
    { heading: 'Associated with fewer promoters', rows: rows.filter((d) => d.oddsRatio! < 1).map(row) },
  ].filter((g) => g.rows.length > 0);
  const axis = oddsAxis(rows.map((d) => d.oddsRatio!), 'Adjusted odds ratio of being a promoter, log scale (1 = no association); each group sorted by the end of its interval nearest 1, the weakest association the data support.');
  return `${forestChart(groups, axis, ids, 'Adjusted odds ratio of being a promoter per emotion, with 95% profile-likelihood intervals')}${marksNote(r)}`;
}

/** Adjusted NPS points per emotion with delta-method CIs, on a symmetric axis. */
function impactChart(r: Report, ids: Ids): string {
  const rows = r.emotions.filter((d) => d.npsImpact !== null).sort((a, b) => b.npsImpact!.value - a.npsImpact!.value);
  if (rows.length === 0) return '<p class="note">Too few scored, analysed responses for a model.</p>';
  const row = (d: EmotionAssociation) => ({
    label: rowLabel(d),
    figures: `${signed(d.npsImpact!.value)} [${signed(d.npsImpact!.ci95[0])}, ${signed(d.npsImpact!.ci95[1])}]`,
    value: d.npsImpact!.value,
    ci: d.npsImpact!.ci95,
    colour: d.tooRare ? MUTED : d.npsImpact!.value >= 0 ? POS : NEG,
    title: `${d.emotion}: ${fmtPoints(d.npsImpact)} NPS points, adjusted`,
  });
  const groups = [
    { heading: 'Associated with a higher NPS', rows: rows.filter((d) => d.npsImpact!.value >= 0).map(row) },
    { heading: 'Associated with a lower NPS', rows: rows.filter((d) => d.npsImpact!.value < 0).map(row).reverse() },
  ].filter((g) => g.rows.length > 0);
  const axis = symmetricAxis(rows.flatMap((d) => [d.npsImpact!.value, ...d.npsImpact!.ci95]), 'NPS points, adjusted for the other emotions and the language (0 = none); each group sorted by size.', (v) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0'));
  return `${forestChart(groups, axis, ids, 'Adjusted NPS points associated with each emotion, with 95% intervals')}${marksNote(r)}
<p class="note">The NPS both models predict for everyone, minus what they predict if the answers that mention the emotion did not — everything else those customers said, and their language, held equal. An association, not an effect of the emotion.</p>`;
}

function associationTable(r: Report): string {
  const td = (text: string) => `<td>${esc(text)}</td>`;
  const rows = r.emotions.map((e) => {
    const marks = [e.tooRare && MARKS.tooRare, e.oddsRatio !== null && (e.fewEvents || e.detractor.fewEvents) && MARKS.fewEvents, e.aliasedWith && MARKS.aliased].filter(Boolean).join(' ');
    return `<tr><td class="${e.tooRare ? 'rare' : ''}">${esc(e.emotion)}${marks ? ` ${marks}` : ''}</td>${[
      String(e.mentions),
      pct(e.share),
      `${e.events.promoters} / ${e.events.detractors}`,
      fmtOrCi(e.oddsRatio, e.ci95),
      fmtP(e.qValue),
      fmtOrCi(e.detractor.oddsRatio, e.detractor.ci95),
      fmtP(e.detractor.qValue),
      fmtPoints(e.npsImpact),
      fmtEstimate(e.importance, pct),
    ]
      .map(td)
      .join('')}</tr>`;
  });
  return `<div class="scroll"><table><thead><tr><th>emotion</th><th>mentions</th><th>share</th><th>promoters / detractors</th><th>OR promoter [95% CI]</th><th>q</th><th>OR detractor [95% CI]</th><th>q</th><th>NPS points [95% CI]</th><th>importance [95% CI]</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p class="note">${esc(r.models.inference)}. ${MARKS.tooRare} fewer than ${r.minSupport} mentions, too rare to judge; ${MARKS.fewEvents} fewer than 10 promoters (detractors) or others among its mentioners: the interval is wide and may be one-sided; ${MARKS.aliased} always said together with another emotion. NPS points: adjusted, delta-method CI. Importance: the emotion’s Shapley share of the variance of the 0–10 score the emotions explain, bootstrap CI.</p>`;
}

/** Share of promoters and of detractors mentioning each emotion, grouped by which says it more. */
function sharesChart(r: Report): string {
  const rows = r.emotions.filter((d) => d.mentions > 0);
  if (rows.length === 0) return '<p class="note">No emotions tagged.</p>';
  const diff = (d: EmotionAssociation) => d.shareAmongPromoters - d.shareAmongDetractors;
  const row = (d: EmotionAssociation) => ({
    label: d.emotion,
    figures: `promoters ${pctPlain(d.shareAmongPromoters)} · detractors ${pctPlain(d.shareAmongDetractors)}`,
    a: d.shareAmongPromoters,
    b: d.shareAmongDetractors,
    title: `${d.emotion}: mentioned by ${pct(d.shareAmongPromoters)} of promoters and ${pct(d.shareAmongDetractors)} of detractors`,
  });
  const groups = [
    { heading: 'Said more by promoters', rows: rows.filter((d) => diff(d) >= 0).sort((a, b) => diff(b) - diff(a)).map(row) },
    { heading: 'Said more by detractors', rows: rows.filter((d) => diff(d) < 0).sort((a, b) => diff(a) - diff(b)).map(row) },
  ].filter((g) => g.rows.length > 0);
  return `<div class="legend"><span style="--c:${POS}">promoters</span><span style="--c:${NEG}">detractors</span></div>
${pairedBars(groups, [POS, NEG], 'Share of promoters and of detractors mentioning each emotion')}`;
}

function sentiment(r: Report): string {
  const m = r.models;
  const auc = (x: number) => x.toFixed(3);
  const line = r.answer.find((a) => a.includes('plain sentiment'));
  const r2 = r.answer.find((a) => a.startsWith('Plain satisfaction'));
  return `${line ? `<p>${esc(line)}</p>` : ''}${r2 ? `<p>${esc(r2)}</p>` : ''}
<div class="scroll"><table><thead><tr><th>promoters predicted by</th><th>cross-validated AUC [95% CI]</th></tr></thead><tbody>
<tr><td>emotions</td><td>${esc(fmtEstimate(m.aucEmotions, auc))}</td></tr>
<tr><td>plain sentiment (polarity)</td><td>${esc(fmtEstimate(m.aucSentiment, auc))}</td></tr>
<tr><td>both</td><td>${esc(fmtEstimate(m.aucBoth, auc))}</td></tr>
<tr><td>emotions − plain sentiment</td><td>${m.aucDifference ? `${esc(fmtEstimate(m.aucDifference, (x) => signed(x, 3)))}, p ${esc(fmtP(m.aucDifference.pValue))}` : '—'}</td></tr>
</tbody></table></div>
<div class="scroll"><table><thead><tr><th>0–10 score explained by</th><th>adjusted R² [95% CI]</th></tr></thead><tbody>
<tr><td>all emotions</td><td>${esc(fmtEstimate(m.r2Emotions, pct))}</td></tr>
<tr><td>satisfaction alone</td><td>${esc(fmtEstimate(m.r2Satisfaction, pct))}</td></tr>
<tr><td>difference</td><td>${esc(fmtEstimate(m.r2Difference, pct))}</td></tr>
</tbody></table></div>
<p class="note">AUC: 5-fold cross-validation, the chance that a promoter scores above a non-promoter (0.5 = chance); intervals and the paired test by DeLong’s method. R² adjusted for the number of predictors, intervals from 200 bootstrap resamples of respondents.</p>`;
}

function stateLegend(r: Report): string {
  return `<div class="legend">${r.states.definitions.map((d, i) => `<span style="--c:${STATE_COLOURS[i % STATE_COLOURS.length]}">${esc(d.label)}</span>`).join('')}</div>`;
}

function stateRows(r: Report, rows: { label: string; counts: StateCount[]; nps: string; n: number }[]): string {
  const labels = new Map(r.states.definitions.map((d) => [d.id, d.label]));
  const stack = rows.map((row) => ({
    label: row.label,
    figures: `${row.nps} · n ${row.n}`,
    shares: row.counts.map((s) => s.share),
    titles: row.counts.map((s) => `${labels.get(s.state)}: ${fmtShare(s.share, s.shareCi95)} (${s.responses}), NPS ${fmtNps(s.nps)}`),
  }));
  return `${stateLegend(r)}${stackedBars(stack, STATE_COLOURS, 'Customer states, share of scored, analysed responses')}`;
}

function states(r: Report): string {
  const labels = new Map(r.states.definitions.map((d) => [d.id, d]));
  const n = r.states.overall.reduce((s, c) => s + c.responses, 0);
  const rows = r.states.overall.map(
    (s) => `<tr><td>${esc(labels.get(s.state)?.label ?? s.state)}</td><td>${s.responses}</td><td>${esc(fmtShare(s.share, s.shareCi95))}</td><td>${esc(fmtNps(s.nps))}</td><td class="note">${esc(labels.get(s.state)?.description ?? '')}</td></tr>`,
  );
  return `${stateRows(r, [{ label: 'all', counts: r.states.overall, nps: `NPS ${r.nps ? signed(r.nps.score) : '—'}`, n }])}
<div class="scroll"><table><thead><tr><th>state</th><th>responses</th><th>share [95% CI]</th><th>NPS within [95% CI]</th><th>rule</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p class="note">Each scored, analysed response is in one state, by the first matching rule of ${r.states.rules === 'built-in' ? 'lexicons/customer-states.json' : esc(r.states.rules)} (replace it with report --states FILE). <code>heartline report --format csv --per-response</code> gives each response’s state and emotions.</p>`;
}

function segment(r: Report, by: string, groups: SegmentGroup[]): string {
  const npsRows = groups
    .filter((g) => g.nps !== null)
    .map((g) => ({
      label: `${g.label} (${g.responses})`,
      figures: fmtNps(g.nps),
      value: g.nps!.score,
      ci: g.nps!.ci95,
      colour: g.nps!.score >= 0 ? POS : NEG,
      title: `${g.label}: NPS ${fmtNps(g.nps)}, ${g.responses} responses`,
    }));
  const ids = new Ids();
  const chart = npsRows.length > 0 ? forestChart([{ heading: `NPS by ${by === 'lang' ? 'language' : by} (95% CI)`, rows: npsRows }], npsAxis('NPS, −100 to +100'), ids, `NPS with 95% confidence interval per ${by}`) : '<p class="note">No NPS answers.</p>';
  const analysed = groups.filter((g) => g.analysed > 0);
  return `${chart}
<h3>Emotions by ${esc(by === 'lang' ? 'language' : by)}</h3>
${heatmap(r, analysed)}
<h3>Customer states by ${esc(by === 'lang' ? 'language' : by)}</h3>
${analysed.length > 0 ? stateRows(r, analysed.map((g) => ({ label: g.label, counts: g.states, nps: `NPS ${g.nps ? signed(g.nps.score) : '—'}`, n: g.analysed }))) : '<p class="note">No analysed responses.</p>'}`;
}

/** Emotion × segment: share of the group's analysed responses (cell colour) and the NPS of those responses. */
function heatmap(r: Report, groups: SegmentGroup[]): string {
  if (groups.length === 0) return '<p class="note">No analysed responses.</p>';
  const colour = (e: string, share: number) => {
    const valence = r.emotions.find((d) => d.emotion === e)?.valence ?? 0;
    const rgb = valence > 0 ? '27,127,90' : valence < 0 ? '179,38,30' : '107,114,128';
    return `background: rgba(${rgb},${Math.min(0.55, 0.05 + share).toFixed(2)})`;
  };
  const cell = (g: SegmentGroup, c: EmotionCell) =>
    c.tooFew
      ? `<td class="few" title="${esc(`${c.emotion} in ${g.label}: only ${c.mentions} mentions`)}">n ${c.mentions}</td>`
      : `<td style="${colour(c.emotion, c.share)}" title="${esc(`${c.emotion} in ${g.label}: ${fmtShare(c.share, c.shareCi95)} of ${g.analysed} analysed responses; NPS among them ${fmtNps(c.nps)}`)}"><b>${pctPlain(c.share)}</b><small>NPS ${c.nps ? esc(signed(c.nps.score, 0)) : '—'} · n ${c.mentions}</small></td>`;
  const rows = r.emotions.map((e) => `<tr><td>${esc(e.emotion)}</td>${groups.map((g) => cell(g, g.emotions.find((c) => c.emotion === e.emotion)!)).join('')}</tr>`);
  return `<div class="scroll"><table class="heat"><thead><tr><th>emotion</th>${groups.map((g) => `<th>${esc(g.label)}<br><small>n ${g.analysed}</small></th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p class="note">Each cell: the share of the group’s analysed responses that mention the emotion (colour: darker is more), and the NPS of those responses; hover for the 95% intervals. Grey cells have fewer than 10 mentions and are not to be read.</p>`;
}

function trend(r: Report): string {
  const points = r.trend.points;
  const withNps = points.filter((p) => p.nps !== null);
  const chart =
    withNps.length > 1
      ? lineChart(
          withNps.map((p) => ({
            label: p.period,
            value: p.nps!.score,
            ci: p.nps!.ci95,
            flagged: p.significant,
            title: `${p.period}: NPS ${fmtNps(p.nps)}${p.change !== null ? `, change ${signed(p.change)} [${signed(p.changeCi95![0])}, ${signed(p.changeCi95![1])}], p ${fmtP(p.pValue)}` : ''}`,
          })),
          `NPS per ${r.trend.period} with 95% confidence band`,
        )
      : '';
  const npsTable = points
    .map((p) => `<tr><td>${esc(p.period)}</td><td>${p.responses}</td><td>${esc(fmtNps(p.nps))}</td><td>${p.change === null ? '—' : `${esc(signed(p.change))} [${esc(signed(p.changeCi95![0]))}, ${esc(signed(p.changeCi95![1]))}]${p.significant ? ' *' : ''}`}</td><td>${esc(fmtP(p.pValue))}</td></tr>`)
    .join('');
  const shareRows = r.emotions
    .map((e) => {
      const cells = points.map((p) => {
        const s = p.emotions.find((x) => x.emotion === e.emotion)!;
        const title = `${e.emotion}, ${p.period}: ${fmtShare(s.share, s.shareCi95)} of ${p.analysed}${s.change !== null ? `; change ${signed(100 * s.change)} points [${signed(100 * s.changeCi95![0])}, ${signed(100 * s.changeCi95![1])}], q ${fmtP(s.qValue)}` : ''}`;
        const flag = s.significant ? ` <span class="flag ${s.change! > 0 ? 'up' : 'down'}">${s.change! > 0 ? '▲' : '▼'}</span>` : '';
        return `<td title="${esc(title)}">${esc(pctPlain(s.share))}${flag}</td>`;
      });
      return `<tr><td>${esc(e.emotion)}</td>${cells.join('')}</tr>`;
    })
    .join('');
  const stateable = points.filter((p) => p.states.some((s) => s.responses > 0));
  return `${chart}
<div class="scroll"><table><thead><tr><th>${r.trend.period}</th><th>responses</th><th>NPS [95% CI]</th><th>change [95% CI]</th><th>p</th></tr></thead><tbody>${npsTable}</tbody></table></div>
<p class="note">* NPS change from the ${r.trend.period} before significant at p &lt; 0.05 (two-sample test); the larger dots in the chart.</p>
<h3>Emotion shares by ${r.trend.period}</h3>
<div class="scroll"><table><thead><tr><th>emotion</th>${points.map((p) => `<th>${esc(p.period)}</th>`).join('')}</tr></thead><tbody>${shareRows}</tbody></table></div>
<p class="note">Share of analysed responses mentioning each emotion. ▲▼ a change from the ${r.trend.period} before with q &lt; 0.05 (two-proportion test, Benjamini–Hochberg across all emotions and periods); hover for the change and its 95% interval.</p>
<h3>Customer states by ${r.trend.period}</h3>
${stateable.length > 0 ? stateRows(r, stateable.map((p) => ({ label: p.period, counts: p.states, nps: `NPS ${p.nps ? signed(p.nps.score) : '—'}`, n: p.states.reduce((s, c) => s + c.responses, 0) }))) : '<p class="note">No analysed responses with dates.</p>'}`;
}

function verbatims(r: Report): string {
  const cards = Object.entries(r.verbatims).map(([emotion, list]) => `<div class="emotion-card"><h3>${esc(emotion)}</h3>${list.map(quote).join('')}</div>`);
  return cards.length === 0 ? '<p class="note">No tagged responses.</p>' : `<p class="note">The words each tag rests on are highlighted.</p><div class="verbatims">${cards.join('')}</div>`;
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
  return `<blockquote class="${v.group}">${html}<small>${v.group}, score ${v.score}${v.language ? `, ${esc(languageName(v.language))}` : ''}</small></blockquote>`;
}

function howToRead(r: Report): string {
  return `${r.howToRead.map((h) => `<p>${esc(h)}</p>`).join('')}
<p class="note">NPS = % promoters (9–10) − % detractors (0–6), with the adjusted Wald 95% interval. ${esc(r.models.inference)}. ${r.models.n} scored responses in tagged languages were modelled.${r.models.eventsPerVariable ? ` Events per variable: promoter model ${r.models.eventsPerVariable.promoter}, detractor model ${r.models.eventsPerVariable.detractor} (${r.models.eventsPerVariable.parameters} coefficients).` : ''}</p>`;
}
