/**
 * The report as data: `heartline report --format json` prints exactly this (schema "heartline-report/2";
 * within a schema version fields are added, never renamed — docs/report.md lists what changed from 1).
 * Rates are 0–1, NPS values −100…100, intervals 95%. An interval end that is null is unbounded.
 */
export interface Report {
  schema: 'heartline-report/2';
  generatedAt: string;
  database: string;
  filters: { since?: string; until?: string; lang?: string[]; segment?: Record<string, string[]>; source?: string[] };
  /** Lexicon versions behind the tags in scope; more than one means mixed analyses (see `warnings`). */
  lexiconVersions: string[];
  /** Problems with the data or the models, in plain words (mixed lexicons, emotions that always co-occur …). */
  warnings: string[];
  /** Responses in scope; with an NPS answer; analysed (tagged) in a supported language. */
  responses: number;
  scored: number;
  analysed: number;
  nps: NpsSummary | null;
  /** Responses per detected language, most first, with the language's English name. */
  languages: LanguageCount[];
  /** Emotions with fewer mentions than this (among scored, analysed responses) are marked tooRare. */
  minSupport: number;
  /** How well the tags agree with hand labels (lexicons/tag-accuracy.json), for "how to read this". */
  tagAccuracy: TagAccuracy | null;
  /** Emotions, strongest positive association first, then the negative ones, strongest first (see `strength`). */
  emotions: EmotionAssociation[];
  models: Models;
  /** The first screen: what to fix first and what to protect, in plain words. */
  priorities: Priorities;
  /** Findings in plain language: priorities, emotions vs plain sentiment, strongest associations, caveats. */
  answer: string[];
  /** When little can be judged: how many more responses would help, what --min-support changes. */
  guidance: string[];
  /** How to read the figures: association not cause, what the intervals mean, how accurate the tags are. */
  howToRead: string[];
  /** Customer states (dissatisfied → disappointed → satisfied → loyal, at risk, advocate) and their NPS. */
  states: StatesSummary;
  segments: SegmentBreakdown[];
  trend: Trend;
  verbatims: Record<string, Verbatim[]>;
}

export type Interval = [number, number];

export interface Estimate {
  value: number;
  ci95: Interval;
}

export interface NpsSummary {
  score: number;
  ci95: Interval;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface LanguageCount {
  code: string;
  name: string;
  responses: number;
}

export interface TagAccuracy {
  /** What was measured, e.g. "micro-F1 of (line, emotion) pairs on the held-out quarter of the gold set". */
  measure: string;
  /** Per language code. */
  byLanguage: Record<string, number>;
  /** The command that printed the figures. */
  source: string;
}

export interface EmotionAssociation {
  emotion: string;
  valence: number;
  /** Scored, analysed responses that express it, and their share of all scored, analysed responses. */
  mentions: number;
  share: number;
  shareCi95: Interval;
  /** Of the responses mentioning it, the share of promoters and of detractors … */
  promoterRate: number;
  detractorRate: number;
  /** … and of the responses not mentioning it. */
  othersPromoterRate: number;
  othersDetractorRate: number;
  /** Of all promoters (detractors), the share mentioning it. */
  shareAmongPromoters: number;
  shareAmongDetractors: number;
  /** NPS of the responses that mention it and of those that do not, with CIs (unadjusted). */
  npsWith: NpsSummary | null;
  npsWithout: NpsSummary | null;
  /** Among the responses that mention it: the events the two models rest on. */
  events: { promoters: number; nonPromoters: number; detractors: number; nonDetractors: number };
  /** Adjusted odds ratio of being a promoter (Firth model over all emotions + language), profile 95% CI, penalised LR p. */
  oddsRatio: number | null;
  ci95: Interval | null;
  pValue: number | null;
  /** Benjamini–Hochberg q-value across emotions. */
  qValue: number | null;
  /** Fewer than 10 promoters or 10 non-promoters among its mentioners: the estimate rests on few events. */
  fewEvents: boolean;
  /** The same for being a detractor, from a second model. */
  detractor: ModelEstimate;
  /**
   * The end of the promoter CI nearest 1 (1 when the CI covers 1): the weakest association the data support.
   * "Strongest" rankings use it.
   */
  strength: number | null;
  /**
   * Adjusted NPS points associated with it: the NPS both models predict, minus what they predict if the
   * responses mentioning it did not (everything else they said, and their language, held). Delta-method CI.
   */
  npsImpact: Estimate | null;
  /** Share of the variance of the 0–10 score the emotions explain that is this emotion's (Shapley), bootstrap CI. */
  importance: Estimate | null;
  tooRare: boolean;
  /** When it always occurs together with another emotion, that emotion (which the model keeps for both). */
  aliasedWith: string | null;
}

export interface ModelEstimate {
  oddsRatio: number | null;
  ci95: Interval | null;
  pValue: number | null;
  qValue: number | null;
  fewEvents: boolean;
}

export interface Models {
  /** Responses the models were fitted on: scored and analysed. */
  n: number;
  /** How the odds ratios' intervals and p-values were computed. */
  inference: string;
  /** Every fit and profile converged. */
  converged: boolean;
  /** Events per variable of each model: the rarer outcome's count over the number of coefficients. */
  eventsPerVariable: { promoter: number; detractor: number; parameters: number } | null;
  /** 5-fold cross-validated AUC for promoter vs rest, DeLong 95% CIs: (a) emotions, (b) plain polarity, (c) both. */
  aucEmotions: Estimate | null;
  aucSentiment: Estimate | null;
  aucBoth: Estimate | null;
  /** AUC(emotions) − AUC(sentiment) on the same responses, DeLong's paired test. */
  aucDifference: (Estimate & { pValue: number }) | null;
  /** Adjusted R² of the 0–10 score: all emotions; satisfaction alone; the difference (bootstrap CIs). */
  r2Emotions: Estimate | null;
  r2Satisfaction: Estimate | null;
  r2Difference: Estimate | null;
}

export interface Priorities {
  /** How the lists are ranked, in words. */
  ranking: string;
  /** Negative emotions most associated with lost NPS points; positive ones most associated with gained points. */
  fixFirst: Priority[];
  protect: Priority[];
}

export interface Priority {
  emotion: string;
  /** "9.9 fewer NPS points (95% CI 7.6–12.2), in 21% of answers" */
  headline: string;
  /** The rates among its mentioners and the rest, the adjusted odds ratios, and any few-events caveat. */
  detail: string;
  /** "Frustration — " + headline + detail: the whole plain-language sentence. */
  text: string;
}

export interface StateDefinition {
  id: string;
  label: string;
  description: string;
}

export interface StatesSummary {
  /** Where the rule came from: "built-in" (lexicons/customer-states.json) or the --states file. */
  rules: string;
  definitions: StateDefinition[];
  /** Scored, analysed responses per state, in the definitions' order. */
  overall: StateCount[];
}

export interface StateCount {
  state: string;
  responses: number;
  share: number;
  shareCi95: Interval;
  nps: NpsSummary | null;
}

export interface SegmentBreakdown {
  /** `lang` or a segment column. */
  by: string;
  groups: SegmentGroup[];
}

export interface SegmentGroup {
  value: string;
  /** What to show: the language's name for `lang`, else the value itself. */
  label: string;
  responses: number;
  /** Scored, analysed responses (the base of the emotion shares and states). */
  analysed: number;
  nps: NpsSummary | null;
  /** One cell of the emotion × segment heatmap per emotion. */
  emotions: EmotionCell[];
  states: StateCount[];
}

export interface EmotionCell {
  emotion: string;
  mentions: number;
  share: number;
  shareCi95: Interval;
  /** NPS of the responses in this group that mention the emotion. */
  nps: NpsSummary | null;
  /** Fewer mentions than the heatmap's minimum (10): shown greyed, not to be read. */
  tooFew: boolean;
}

export interface Trend {
  period: 'week' | 'month';
  points: TrendPoint[];
}

export interface TrendPoint {
  period: string;
  responses: number;
  analysed: number;
  nps: NpsSummary | null;
  /** NPS change from the previous period with its CI, and the two-sample test's p-value. */
  change: number | null;
  changeCi95: Interval | null;
  pValue: number | null;
  significant: boolean;
  /** Each emotion's share of the period's scored, analysed responses, and its change from the period before. */
  emotions: EmotionShare[];
  states: StateCount[];
}

export interface EmotionShare {
  emotion: string;
  mentions: number;
  share: number;
  shareCi95: Interval;
  /** Change in share from the previous period (percentage points / 100), its CI, p and BH q across the trend. */
  change: number | null;
  changeCi95: Interval | null;
  pValue: number | null;
  qValue: number | null;
  /** q < 0.05: flagged ▲ or ▼. */
  significant: boolean;
}

export interface Verbatim {
  responseId: number;
  score: number;
  group: 'promoter' | 'detractor';
  language: string | null;
  text: string;
  evidence: { start: number; end: number; text: string }[];
}
