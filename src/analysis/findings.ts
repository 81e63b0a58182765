/**
 * What the report says in words, written once from its figures so every format says the same: the first
 * screen (fix first, protect), the findings, guidance for small samples, and how to read it all.
 */
import { languageName } from '../lang/registry.js';
import { FEW_EVENTS, MIN_MODEL_SIZE } from './emotion-models.js';
import { fmtOr, pct, pctPlain, range, signed } from './format-figures.js';
import type { EmotionAssociation, Estimate, Priorities, Priority, Report } from './report-types.js';

/** How many emotions each first-screen list and each "strongest" sentence names. */
const LISTED = 3;

/** q below this is a finding. */
const Q_FINDING = 0.05;

export const PRIORITY_RANKING =
  'NPS points: the difference in the overall NPS associated with the emotion, adjusted for the other emotions and the language. Ranked by what the 95% CI supports (its end nearest 0).';

/** An emotion the report may name as a finding: common enough, separable, and clear in one of the two models. */
function judged(e: EmotionAssociation): boolean {
  const clear = (e.qValue !== null && e.qValue < Q_FINDING) || (e.detractor.qValue !== null && e.detractor.qValue < Q_FINDING);
  return !e.tooRare && e.aliasedWith === null && clear;
}

export function priorities(emotions: readonly EmotionAssociation[], minSupport: number): Priorities {
  const withImpact = emotions.filter((e) => judged(e) && e.npsImpact !== null);
  const fixFirst = withImpact.filter((e) => e.npsImpact!.ci95[1] < 0).sort((a, b) => a.npsImpact!.ci95[1] - b.npsImpact!.ci95[1]);
  const protect = withImpact.filter((e) => e.npsImpact!.ci95[0] > 0).sort((a, b) => b.npsImpact!.ci95[0] - a.npsImpact!.ci95[0]);
  return {
    ranking: `${PRIORITY_RANKING} Only emotions with at least ${minSupport} mentions and a q-value below ${Q_FINDING} are listed.`,
    fixFirst: fixFirst.slice(0, LISTED).map((e) => priority(e, 'fix')),
    protect: protect.slice(0, LISTED).map((e) => priority(e, 'protect')),
  };
}

/**
 * Headline: "9.9 fewer NPS points (95% CI 7.6–12.2), in 21% of answers"; detail: "67% of those customers are
 * detractors vs 31% of the rest. Adjusted odds of promoting 0.077 (95% CI 0.032–0.17) and of detracting 5.28
 * (2.97–9.59)."; text: both after the emotion's name, for formats without layout.
 */
function priority(e: EmotionAssociation, kind: 'fix' | 'protect'): Priority {
  const [group, rate, others] = kind === 'fix' ? ['detractors', e.detractorRate, e.othersDetractorRate] : ['promoters', e.promoterRate, e.othersPromoterRate];
  const impact = e.npsImpact!;
  const [lo, hi] = impact.ci95.map((x) => Math.abs(x).toFixed(1)) as [string, string];
  const headline = `${Math.abs(impact.value).toFixed(1)} ${impact.value < 0 ? 'fewer' : 'more'} NPS points (95% CI ${impact.value < 0 ? range(hi, lo) : range(lo, hi)}), in ${pctPlain(e.share)} of answers`;
  const ci = (c: [number, number]) => range(fmtOr(c[0]), fmtOr(c[1]));
  const odds = [
    e.oddsRatio !== null && e.ci95 !== null && `of promoting ${fmtOr(e.oddsRatio)} (95% CI ${ci(e.ci95)})`,
    e.detractor.oddsRatio !== null && e.detractor.ci95 !== null && `of detracting ${fmtOr(e.detractor.oddsRatio)} (${ci(e.detractor.ci95)})`,
  ].filter(Boolean);
  const few = fewEventsNote(e);
  const detail = `${pctPlain(rate)} of those customers are ${group} vs ${pctPlain(others)} of the rest.${odds.length > 0 ? ` Adjusted odds ${odds.join(' and ')}.` : ''}${few ? ` ${few}` : ''}`;
  return { emotion: e.emotion, headline, detail, text: `${capital(e.emotion)} — ${headline}. ${detail}` };
}

/** "Rests on few events: only 4 of the 62 customers who mention it are not promoters." */
function fewEventsNote(e: EmotionAssociation): string {
  if (!e.fewEvents && !e.detractor.fewEvents) return '';
  const { promoters, nonPromoters, detractors, nonDetractors } = e.events;
  const [count, what] = e.fewEvents
    ? promoters < nonPromoters ? [promoters, 'promoters'] : [nonPromoters, 'not promoters']
    : detractors < nonDetractors ? [detractors, 'detractors'] : [nonDetractors, 'not detractors'];
  return `Rests on few events: ${count === 0 ? 'none' : `only ${count}`} of the ${e.mentions} customers who mention it ${count === 1 ? 'is' : 'are'} ${what}.`;
}

/** The findings, in the order a reader wants them. */
export function answer(report: Pick<Report, 'models' | 'emotions' | 'minSupport'>): string[] {
  const lines: string[] = [];
  const m = report.models;
  if (m.aucEmotions && m.aucSentiment && m.aucDifference) {
    const d = m.aucDifference;
    const figures = `cross-validated AUC ${auc(m.aucEmotions)} from the emotions vs ${auc(m.aucSentiment)} from polarity alone, a difference of ${signed(d.value, 2)} (95% CI ${range(signed(d.ci95[0], 2), signed(d.ci95[1], 2))}, DeLong), on ${m.n} responses`;
    const verdict =
      d.ci95[0] > 0
        ? 'Emotions predict promoters better than plain sentiment'
        : d.ci95[1] < 0
          ? 'Plain sentiment predicts promoters better than the emotions'
          : 'No clear difference between the emotions and plain sentiment in predicting promoters';
    lines.push(`${verdict}: ${figures}.`);
  }
  if (m.r2Emotions && m.r2Satisfaction) {
    const count = report.emotions.filter((e) => e.importance !== null).length;
    lines.push(
      `Plain satisfaction alone explains ${share(m.r2Satisfaction)} of the variance in the 0–10 score; all ${count} emotions together ${share(m.r2Emotions)} (adjusted R², which charges for the number of predictors; bootstrap CIs).`,
    );
  }
  const ranked = report.emotions.filter((e) => judged(e) && e.strength !== null && e.strength !== 1 && e.qValue !== null && e.qValue < Q_FINDING);
  const describe = (e: EmotionAssociation) => `${e.emotion} (odds ratio ${fmtOr(e.oddsRatio)}, 95% CI ${range(fmtOr(e.ci95![0]), fmtOr(e.ci95![1]))})`;
  const positive = ranked.filter((e) => e.strength! > 1).sort((a, b) => b.strength! - a.strength!);
  const negative = ranked.filter((e) => e.strength! < 1).sort((a, b) => a.strength! - b.strength!);
  if (positive.length > 0) {
    lines.push(`Most strongly associated with promoting, ranked by the end of the 95% CI nearest 1 (the weakest association the data support): ${positive.slice(0, LISTED).map(describe).join('; ')}.`);
  }
  if (negative.length > 0) lines.push(`Most strongly associated with not promoting, ranked the same way: ${negative.slice(0, LISTED).map(describe).join('; ')}.`);
  const few = report.emotions.filter((e) => !e.tooRare && e.oddsRatio !== null && e.fewEvents);
  if (few.length > 0) {
    const events = (e: EmotionAssociation) => `${e.emotion} (${e.events.promoters} promoters, ${e.events.nonPromoters} others)`;
    lines.push(`Resting on few events (fewer than ${FEW_EVENTS} promoters or non-promoters among the responses that mention it; wide, often one-sided intervals): ${few.map(events).join(', ')}.`);
  }
  const rare = report.emotions.filter((e) => e.tooRare && e.mentions > 0);
  if (rare.length > 0) lines.push(`Too rare to judge (fewer than ${report.minSupport} mentions): ${rare.map((e) => `${e.emotion} (${e.mentions})`).join(', ')}.`);
  return lines;
}

/** What more data, or another --min-support, would change. */
export function guidance(report: Pick<Report, 'models' | 'emotions' | 'minSupport' | 'priorities'>): string[] {
  const lines: string[] = [];
  const n = report.models.n;
  if (n < MIN_MODEL_SIZE) {
    lines.push(
      `Only ${n} scored responses in a tagged language: the models need at least ${MIN_MODEL_SIZE}, so about ${MIN_MODEL_SIZE - n} more are needed before any emotion can be judged.`,
    );
    return lines;
  }
  for (const e of report.emotions.filter((d) => d.tooRare && d.mentions > 0)) {
    const more = Math.ceil((report.minSupport - e.mentions) / e.share);
    lines.push(
      `${capital(e.emotion)}: ${e.mentions} mentions, ${report.minSupport - e.mentions} short of --min-support ${report.minSupport}; at its rate (${pct(e.share)} of answers) about ${more} more responses would get it there.`,
    );
  }
  if (report.priorities.fixFirst.length === 0 && report.priorities.protect.length === 0) {
    lines.push(
      `No emotion's association is clear yet (q < ${Q_FINDING} with an NPS effect whose interval excludes 0) at ${n} responses. Intervals narrow with the square root of the sample: four times the responses halve their width.`,
    );
  }
  if (lines.length > 0) {
    lines.push(
      '--min-support only decides which emotions are marked too rare and kept out of the first screen and the rankings; the models, their odds ratios and intervals are the same whatever it is. Lowering it shows more emotions, with wide intervals.',
    );
  }
  return lines;
}

/** Association, not cause; the intervals; and how far the tags themselves can be trusted. */
export function howToRead(report: Pick<Report, 'tagAccuracy' | 'minSupport'>): string[] {
  const lines = [
    'These are associations, not causes. An odds ratio says how much more (above 1) or less (below 1) likely promoters are among the answers that mention an emotion, with the other emotions and the language held equal; it does not say the emotion makes anyone promote or detract. The same goes for the NPS points associated with an emotion.',
    'Every figure comes with a 95% confidence interval: read the interval, not only the point. A wide one (few answers) gives the direction, not the size. The q-value allows for testing many emotions at once: below 0.05 is a finding.',
  ];
  const accuracy = report.tagAccuracy;
  if (accuracy) {
    const figures = Object.entries(accuracy.byLanguage)
      .sort((a, b) => a[1] - b[1])
      .map(([code, f1]) => `${languageName(code)} ${f1.toFixed(2)}`)
      .join(', ');
    lines.push(
      `The emotions are tagged automatically, by word lists. On hand-labelled lines held out from tuning they agree with people at F1 ${figures} (${accuracy.measure}; ${accuracy.source}). Missed and wrong tags weaken the associations: they pull odds ratios towards 1 and NPS differences towards 0.`,
    );
  } else {
    lines.push('The emotions are tagged automatically, by word lists; missed and wrong tags weaken the associations, pulling odds ratios towards 1.');
  }
  return lines;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const auc = (e: Estimate) => `${e.value.toFixed(2)} (95% CI ${range(e.ci95[0].toFixed(2), e.ci95[1].toFixed(2))})`;
const share = (e: Estimate) => `${pct(e.value)} (95% CI ${range(pct(e.ci95[0]), pct(e.ci95[1]))})`;
