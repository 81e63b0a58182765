import type { EmotionAssociation, Report, StateCount, Verbatim } from '../analysis/report-types.js';
import { languageName } from '../lang/registry.js';
import { visibleControls } from './visible-controls.js';
import { MARKS, fmtEstimate, fmtNps, fmtOrCi, fmtP, fmtPoints, fmtShare, fmtShareCompact, pct, signed } from './format.js';

/** Markdown for wikis and tickets: the first screen in words, then every table with its intervals. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Heartline report — ${md(report.database)}`, '');
  out.push(`${report.responses} responses, ${report.scored} with an NPS answer, ${report.analysed} analysed. **NPS ${fmtNps(report.nps)}** (95% CI, adjusted Wald).`, '');
  out.push(`Languages: ${report.languages.map((l) => `${md(l.name)} ${l.responses}`).join(', ')}.`, '');
  for (const w of report.warnings) out.push(`> **Warning:** ${md(w)}`, '');
  for (const [title, list] of [['What to fix first', report.priorities.fixFirst], ['What to protect', report.priorities.protect]] as const) {
    out.push(`## ${title}`, '');
    if (list.length === 0) out.push('Nothing clear yet (see the findings below).');
    list.forEach((p, i) => out.push(`${i + 1}. ${md(p.text)}`));
    out.push('');
  }
  out.push(`_${md(report.priorities.ranking)}_`, '');
  list(out, 'Findings', report.answer);
  if (report.guidance.length > 0) list(out, 'Small samples', report.guidance);
  list(out, 'How to read this', report.howToRead);

  const m = report.models;
  out.push(`## Emotions associated with promoting and detracting`, '');
  out.push(`Odds ratios adjusted for the other emotions and the language, on ${m.n} scored, analysed responses.`, '');
  table(
    out,
    ['emotion', 'mentions', 'share', 'OR promoter [95% CI]', 'q', 'OR detractor [95% CI]', 'q', 'NPS points [95% CI]', 'importance [95% CI]'],
    report.emotions.map((e) => [
      name(e),
      String(e.mentions),
      pct(e.share),
      fmtOrCi(e.oddsRatio, e.ci95),
      fmtP(e.qValue),
      fmtOrCi(e.detractor.oddsRatio, e.detractor.ci95),
      fmtP(e.detractor.qValue),
      fmtPoints(e.npsImpact),
      fmtEstimate(e.importance, pct),
    ]),
    [1, 2, 4, 6],
  );
  out.push(
    `${MARKS.tooRare} fewer than ${report.minSupport} mentions, too rare to judge; ${MARKS.fewEvents} fewer than 10 promoters or others among its mentioners; ${MARKS.aliased} always said together with another emotion. ${md(m.inference)}. NPS points: adjusted, delta-method CI; importance: Shapley share of the adjusted R², bootstrap CI.`,
    '',
  );

  out.push('## Emotions vs plain sentiment', '');
  const auc = (x: number) => x.toFixed(3);
  table(out, ['promoters predicted by', 'cross-validated AUC [95% CI]'], [
    ['emotions', fmtEstimate(m.aucEmotions, auc)],
    ['plain sentiment (polarity)', fmtEstimate(m.aucSentiment, auc)],
    ['both', fmtEstimate(m.aucBoth, auc)],
    ['emotions − plain sentiment', m.aucDifference ? `${fmtEstimate(m.aucDifference, (x) => signed(x, 3))}, p ${fmtP(m.aucDifference.pValue)}` : '—'],
  ]);
  table(out, ['0–10 score explained by', 'adjusted R² [95% CI]'], [
    ['all emotions', fmtEstimate(m.r2Emotions, pct)],
    ['satisfaction alone', fmtEstimate(m.r2Satisfaction, pct)],
    ['difference', fmtEstimate(m.r2Difference, pct)],
  ]);

  const labels = new Map(report.states.definitions.map((d) => [d.id, d.label]));
  out.push('## Customer states', '', `Scored, analysed responses by state (rule: ${md(report.states.rules)}).`, '');
  table(out, ['state', 'responses', 'share [95% CI]', 'NPS [95% CI]'], report.states.overall.map((s) => [md(labels.get(s.state) ?? s.state), String(s.responses), fmtShare(s.share, s.shareCi95), fmtNps(s.nps)]), [1]);
  for (const d of report.states.definitions) out.push(`- **${md(d.label)}**: ${md(d.description)}`);
  out.push('');

  for (const segment of report.segments) {
    const by = md(segment.by);
    out.push(`## By ${by}`, '');
    table(out, [by, 'responses', 'analysed', 'NPS [95% CI]'], segment.groups.map((g) => [md(g.label), String(g.responses), String(g.analysed), fmtNps(g.nps)]), [1, 2]);
    const groups = segment.groups.filter((g) => g.analysed > 0);
    out.push(`### Emotions by ${by}`, '', 'Share of the analysed responses that mention each emotion (95% CI) and the NPS of those responses; cells with fewer than 10 mentions are not shown.', '');
    table(
      out,
      ['emotion', ...groups.map((g) => md(g.label))],
      report.emotions.map((e) => [
        e.emotion,
        ...groups.map((g) => {
          const c = g.emotions.find((x) => x.emotion === e.emotion)!;
          return c.tooFew ? `(${c.mentions})` : `${fmtShareCompact(c.share, c.shareCi95)}, NPS ${fmtNps(c.nps)}, n ${c.mentions}`;
        }),
      ]),
    );
    out.push(`### Customer states by ${by}`, '');
    stateTable(out, by, groups.map((g) => [md(g.label), g.states]), labels);
  }

  const points = report.trend.points;
  if (points.length > 0) {
    const period = report.trend.period;
    out.push(`## Trend by ${period}`, '');
    table(
      out,
      [period, 'responses', 'NPS [95% CI]', 'change [95% CI]', 'p'],
      points.map((p) => [p.period, String(p.responses), fmtNps(p.nps), p.change === null ? '—' : `${signed(p.change)} [${signed(p.changeCi95![0])}, ${signed(p.changeCi95![1])}]${p.significant ? ' *' : ''}`, fmtP(p.pValue)]),
      [1, 4],
    );
    out.push('\\* NPS change from the period before significant at p < 0.05 (two-sample test).', '');
    out.push(`### Emotion shares by ${period}`, '', `Share of analysed responses mentioning each emotion; ▲/▼ a change from the ${period} before with q < 0.05 (Benjamini–Hochberg across emotions and periods), its 95% CI in points.`, '');
    table(
      out,
      ['emotion', ...points.map((p) => p.period)],
      report.emotions.map((e) => [
        e.emotion,
        ...points.map((p) => {
          const s = p.emotions.find((x) => x.emotion === e.emotion)!;
          const flag = s.significant ? ` ${s.change! > 0 ? '▲' : '▼'} ${signed(100 * s.change!)} [${signed(100 * s.changeCi95![0])}, ${signed(100 * s.changeCi95![1])}]` : '';
          return `${pct(s.share)}${flag}`;
        }),
      ]),
    );
    out.push(`### Customer states by ${period}`, '');
    stateTable(out, period, points.filter((p) => p.states.some((s) => s.responses > 0)).map((p) => [p.period, p.states]), labels);
  }

  out.push('## In the customers’ words', '', 'The words the tags rest on are in bold.', '');
  for (const [emotion, verbatims] of Object.entries(report.verbatims)) {
    out.push(`**${md(emotion)}**`, '');
    for (const v of verbatims.slice(0, 4)) out.push(`- (${v.group}, ${v.score}${v.language ? `, ${md(languageName(v.language))}` : ''}) ${quote(v)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function list(out: string[], title: string, lines: readonly string[]): void {
  out.push(`## ${title}`, '');
  for (const line of lines) out.push(`- ${md(line)}`);
  out.push('');
}

/** A Markdown table; columns listed in `right` are right-aligned. Cells are already escaped. */
function table(out: string[], header: string[], rows: string[][], right: readonly number[] = []): void {
  out.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (right.includes(i) ? '---:' : '---')).join('|')}|`);
  for (const row of rows) out.push(`| ${row.join(' | ')} |`);
  out.push('');
}

function stateTable(out: string[], title: string, rows: [string, StateCount[]][], labels: Map<string, string>): void {
  const states = rows[0]?.[1] ?? [];
  table(out, [title, ...states.map((s) => md(labels.get(s.state) ?? s.state))], rows.map(([label, counts]) => [label, ...counts.map((s) => fmtShareCompact(s.share, s.shareCi95))]));
}

function name(e: EmotionAssociation): string {
  const marks = [e.tooRare && MARKS.tooRare, e.oddsRatio !== null && (e.fewEvents || e.detractor.fewEvents) && MARKS.fewEvents, e.aliasedWith && MARKS.aliased].filter(Boolean);
  return `${e.emotion}${marks.length > 0 ? ` ${marks.join(' ')}` : ''}`;
}

/** A response on one line, its evidence in bold; every character of it escaped. */
function quote(v: Verbatim): string {
  const flat = (s: string) => md(s.replace(/\s+/g, ' '));
  let text = '';
  let at = 0;
  for (const s of [...v.evidence].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end > v.text.length || s.end <= s.start) continue;
    text += `${flat(v.text.slice(at, s.start))}**${flat(v.text.slice(s.start, s.end)).trim()}**`;
    at = s.end;
  }
  return text + flat(v.text.slice(at));
}

/**
 * Escapes only what Markdown (and the HTML it may become) would act on in running text or a table cell:
 * backslash, code, emphasis, links and images ([ ]), HTML (< >), table pipes, strikethrough, and & only where
 * it would start an entity. An underscore inside a word (snake_case) is left alone, as CommonMark does.
 */
export function md(text: string): string {
  // Control characters are shown as symbols: a line break in a segment value would end its table row.
  return visibleControls(text)
    .replace(/[\\`*[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'));
}
