/**
 * The report as data: `heartline report --format json` prints exactly this (schema "heartline-report/1";
 * fields are added, never renamed). Rates are 0–1, NPS values −100…100, CIs 95%.
 */
export interface Report {
  schema: 'heartline-report/1';
  generatedAt: string;
  database: string;
  filters: { since?: string; until?: string; lang?: string[]; segment?: Record<string, string[]>; source?: string[] };
  /** Lexicon versions behind the tags in scope; more than one means mixed analyses (see `warnings`). */
  lexiconVersions: string[];
  warnings: string[];
  /** Responses in scope; with an NPS answer; analysed (tagged) in a supported language. */
  responses: number;
  scored: number;
  analysed: number;
  nps: NpsSummary | null;
  /** Responses per detected language (other languages and `und` included: counted, not tagged). */
  languages: Record<string, number>;
  /** Emotions with fewer mentions than this (among scored, analysed responses) are marked tooRare. */
  minSupport: number;
  emotions: EmotionDriver[];
  models: Models;
  /** Findings in plain language, the first answering "do emotions predict loyalty better than sentiment?". */
  answer: string[];
  segments: SegmentBreakdown[];
  trend: Trend;
  verbatims: Record<string, Verbatim[]>;
}

export interface NpsSummary {
  score: number;
  ci95: [number, number];
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface EmotionDriver {
  emotion: string;
  valence: number;
  /** Scored, analysed responses that express it, and their share of all scored, analysed responses. */
  mentions: number;
  share: number;
  /** Of the responses mentioning it, the share of promoters and of detractors. */
  promoterRate: number;
  detractorRate: number;
  /** Of all promoters (detractors), the share mentioning it. */
  shareAmongPromoters: number;
  shareAmongDetractors: number;
  npsWith: number | null;
  npsWithout: number | null;
  /** NPS(all) − NPS(all without the responses that mention it). */
  impact: number | null;
  /** Adjusted odds ratio of being a promoter (one logistic model over all emotions + language), 95% CI. */
  oddsRatio: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  /** Benjamini–Hochberg q-value across emotions. */
  qValue: number | null;
  /** The same for being a detractor, from a second model. */
  detractor: { oddsRatio: number | null; ci95: [number, number] | null; pValue: number | null; qValue: number | null };
  /** Share of the explained variance of the 0–10 score (Shapley decomposition of R²). */
  importance: number | null;
  tooRare: boolean;
}

export interface Models {
  /** Responses the models were fitted on: scored and analysed. */
  n: number;
  /** 5-fold cross-validated AUC for promoter vs rest from (a) emotions, (b) plain polarity, (c) both. */
  aucEmotions: number | null;
  aucSentiment: number | null;
  aucBoth: number | null;
  /** R² of the 0–10 score: all emotions; satisfaction alone. */
  r2Emotions: number | null;
  r2Satisfaction: number | null;
}

export interface SegmentBreakdown {
  /** `lang` or a segment column. */
  by: string;
  groups: SegmentGroup[];
}

export interface SegmentGroup {
  value: string;
  responses: number;
  nps: NpsSummary | null;
  emotions: EmotionDriver[];
}

export interface Trend {
  period: 'week' | 'month';
  points: TrendPoint[];
}

export interface TrendPoint {
  period: string;
  responses: number;
  nps: NpsSummary | null;
  /** NPS change from the previous period, and the two-sample test's p-value. */
  change: number | null;
  pValue: number | null;
  significant: boolean;
  /** Share of analysed responses mentioning each emotion. */
  emotionShares: Record<string, number>;
}

export interface Verbatim {
  responseId: number;
  score: number;
  group: 'promoter' | 'detractor';
  language: string | null;
  text: string;
  evidence: { start: number; end: number; text: string }[];
}
