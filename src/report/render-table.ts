import type { EmotionAssociation, Report, StateCount } from '../analysis/report-types.js';
import { MARKS, fmtEstimate, fmtNps, fmtOrCi, fmtP, fmtPoints, fmtShare, fmtShareCompact, pct, signed } from './format.js';
import { grid, truncate, wrap } from './text-layout.js';
import { visibleControls } from './visible-controls.js';

/** Every line of the terminal report fits this many columns. */
export const WIDTH = 100;
/** Segment values and emotion names longer than this are cut in table cells. */
const CELL = 16;

/** Terminal tables: the first screen in words, then the models, states, segments and trend — all with intervals. */
export function renderTable(report: Report): string {
  const out: string[] = [];
  const say = (text: string, first = '', indent?: string) => out.push(...wrap(text, WIDTH, first, indent));
  const heading = (text: string) => out.push('', ...wrap(text, WIDTH));
  say(visibleControls(`Heartline report — ${report.database}${filterText(report)}`));
  say(`${report.responses} responses, ${report.scored} with an NPS answer, ${report.analysed} analysed (tagged in a supported language)`);
  if (report.nps) {
    const n = report.nps;
    say(`NPS ${fmtNps(n)}: ${n.promoters} promoters, ${n.passives} passives, ${n.detractors} detractors (95% CI, adjusted Wald)`);
  }
  say(`Languages: ${report.languages.map((l) => `${l.name} ${l.responses}`).join(', ')}`);
  for (const w of report.warnings) say(w, 'Warning: ', '  ');
  for (const [title, list] of [['What to fix first', report.priorities.fixFirst], ['What to protect', report.priorities.protect]] as const) {
    out.push('', title);
    if (list.length === 0) out.push('  nothing clear yet (see below)');
    list.forEach((p, i) => say(p.text, `  ${i + 1}. `));
  }
  say(report.priorities.ranking, '  ');
  section(out, 'Findings', report.answer);
  if (report.guidance.length > 0) section(out, 'Small samples', report.guidance);
  section(out, 'How to read this', report.howToRead);

  const m = report.models;
  heading(`Emotions and promoting: odds ratios adjusted for the other emotions and language (n = ${m.n})`);
  out.push(
    grid(
      ['emotion', 'mentions', 'share', 'OR promoter [95% CI]', 'q', 'NPS points [95% CI]'],
      report.emotions.map((e) => [name(e), String(e.mentions), pct(e.share), fmtOrCi(e.oddsRatio, e.ci95), fmtP(e.qValue), fmtPoints(e.npsImpact)]),
    ),
  );
  heading('Emotions and detracting; their mentioners who promote and detract; their share of the variance explained');
  out.push(
    grid(
      ['emotion', 'promoters', 'detractors', 'OR detractor [95% CI]', 'q', 'importance [95% CI]'],
      report.emotions.map((e) => [
        name(e, true),
        `${e.events.promoters}/${e.mentions}`,
        `${e.events.detractors}/${e.mentions}`,
        fmtOrCi(e.detractor.oddsRatio, e.detractor.ci95),
        fmtP(e.detractor.qValue),
        fmtEstimate(e.importance, pct),
      ]),
    ),
  );
  say(
    `${MARKS.tooRare} fewer than ${report.minSupport} mentions, too rare to judge; ${MARKS.fewEvents} fewer than 10 promoters (detractors) or others among its mentioners; ${MARKS.aliased} always said together with another emotion, no odds ratio of its own. NPS points: adjusted, delta-method CI. Importance: Shapley share of the adjusted R², bootstrap CI. ${m.inference}.`,
  );

  heading('Emotions vs plain sentiment: promoters predicted (5-fold cross-validated AUC, DeLong 95% CI)');
  const auc = (x: number) => x.toFixed(3);
  out.push(
    grid(
      ['model', 'AUC [95% CI]'],
      [
        ['emotions', fmtEstimate(m.aucEmotions, auc)],
        ['plain sentiment (polarity)', fmtEstimate(m.aucSentiment, auc)],
        ['both', fmtEstimate(m.aucBoth, auc)],
        ['emotions − plain sentiment', m.aucDifference ? `${fmtEstimate(m.aucDifference, (x) => signed(x, 3))}, p ${fmtP(m.aucDifference.pValue)}` : '—'],
      ],
    ),
  );
  heading('Variance of the 0–10 score explained (adjusted R², bootstrap 95% CI)');
  out.push(
    grid(
      ['predictors', 'adjusted R² [95% CI]'],
      [
        ['all emotions', fmtEstimate(m.r2Emotions, pct)],
        ['satisfaction alone', fmtEstimate(m.r2Satisfaction, pct)],
        ['difference', fmtEstimate(m.r2Difference, pct)],
      ],
    ),
  );

  const labels = new Map(report.states.definitions.map((d) => [d.id, d.label]));
  heading(`Customer states (rule: ${report.states.rules}; scored, analysed responses)`);
  out.push(
    grid(
      ['state', 'responses', 'share [95% CI]', 'NPS [95% CI]'],
      report.states.overall.map((s) => [labels.get(s.state) ?? s.state, String(s.responses), fmtShare(s.share, s.shareCi95), fmtNps(s.nps)]),
    ),
  );
  for (const d of report.states.definitions) say(`${d.label}: ${d.description}`, '  ');

  for (const segment of report.segments) {
    heading(`By ${segment.by}`);
    out.push(grid([segment.by, 'responses', 'analysed', 'NPS [95% CI]'], segment.groups.map((g) => [truncate(g.label, CELL), String(g.responses), String(g.analysed), fmtNps(g.nps)])));
    heading(`Customer states by ${segment.by}, % of analysed responses (95% CI)`);
    out.push(stateGrid(segment.by, segment.groups.filter((g) => g.analysed > 0).map((g) => [g.label, g.states]), labels));
  }
  heading('The emotion × segment heatmap (share and NPS per cell): --format html or md.');

  const points = report.trend.points;
  if (points.length > 0) {
    heading(`Trend by ${report.trend.period} (* = NPS change significant at p < 0.05)`);
    out.push(
      grid(
        [report.trend.period, 'responses', 'NPS [95% CI]', 'change [95% CI]', 'p'],
        points.map((p) => [
          p.period,
          String(p.responses),
          fmtNps(p.nps),
          p.change === null ? '—' : `${signed(p.change)} [${signed(p.changeCi95![0])}, ${signed(p.changeCi95![1])}]${p.significant ? ' *' : ''}`,
          fmtP(p.pValue),
        ]),
      ),
    );
    heading(`Customer states by ${report.trend.period}, % of analysed responses (95% CI)`);
    out.push(stateGrid(report.trend.period, points.filter((p) => p.states.some((s) => s.responses > 0)).map((p) => [p.period, p.states]), labels));
    const flagged = points.flatMap((p, t) => p.emotions.filter((e) => e.significant).map((e) => ({ p, t, e })));
    heading(`Emotion shares that changed from the ${report.trend.period} before (q < 0.05, Benjamini–Hochberg across emotions and periods)`);
    if (flagged.length === 0) out.push('  none');
    for (const { p, t, e } of flagged) {
      const before = points[t - 1]!.emotions.find((x) => x.emotion === e.emotion)!;
      say(
        `${e.change! > 0 ? '▲' : '▼'} ${e.emotion}, ${p.period}: ${pct(before.share)} → ${pct(e.share)}, ${signed(100 * e.change!)} points [${signed(100 * e.changeCi95![0])}, ${signed(100 * e.changeCi95![1])}], q ${fmtP(e.qValue)}`,
        '  ',
        '    ',
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function section(out: string[], title: string, lines: readonly string[]): void {
  out.push('', title);
  for (const line of lines) out.push(...wrap(line, WIDTH, '• ', '  '));
}

/** The emotion's name with its marks: too rare, few events (promoter or detractor model), aliased. */
function name(e: EmotionAssociation, detractor = false): string {
  const few = detractor ? e.detractor.fewEvents : e.fewEvents;
  return `${e.emotion}${e.tooRare ? ` ${MARKS.tooRare}` : ''}${few && e.oddsRatio !== null ? ` ${MARKS.fewEvents}` : ''}${e.aliasedWith ? ` ${MARKS.aliased}` : ''}`;
}

function stateGrid(title: string, rows: [string, StateCount[]][], labels: Map<string, string>): string {
  const states = rows[0]?.[1] ?? [];
  return grid(
    [title, ...states.map((s) => labels.get(s.state) ?? s.state)],
    rows.map(([label, counts]) => [truncate(label, CELL), ...counts.map((s) => fmtShareCompact(s.share, s.shareCi95))]),
  );
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
