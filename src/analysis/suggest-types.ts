import type { ResponseFilters } from '../store/response-filters.js';

/**
 * What `heartline suggest --format json` prints (schema "heartline-suggest/1"; fields are added, never
 * renamed). z > 0 leans to promoters, z < 0 to detractors.
 */
export interface Suggestions {
  schema: 'heartline-suggest/1';
  generatedAt: string;
  database: string;
  filters: ResponseFilters;
  settings: SuggestSettings;
  /** Whether the examples (and phrases) come from masked text, and why. */
  masked: boolean;
  maskedBecause: string | null;
  /** The lexicon version the phrases were checked against, and the versions behind the stored tags. */
  lexiconVersion: string;
  taggedWith: string[];
  warnings: string[];
  languages: LanguageSuggestions[];
}

export interface SuggestSettings {
  minLength: number;
  maxLength: number;
  minCount: number;
  minZ: number;
  top: number;
}

export interface LanguageSuggestions {
  lang: string;
  /** Scored, analysed responses in this language, by NPS group. */
  responses: number;
  detractors: number;
  passives: number;
  promoters: number;
  /** Phrases seen often enough to be tested (before the z threshold). */
  tested: number;
  detractorPhrases: SuggestedPhrase[];
  promoterPhrases: SuggestedPhrase[];
}

export interface SuggestedPhrase {
  phrase: string;
  words: number;
  /** Responses using the phrase where no tag explains it, in all and per NPS group. */
  count: number;
  detractors: number;
  passives: number;
  promoters: number;
  /** Weighted log-odds, promoters vs detractors, with its z-score. */
  logOdds: number;
  z: number;
  proposal: EmotionProposal;
  /** What today's lexicons tag the phrase with on its own: set means the words are known, and context
   *  (negation, a clause break, an older lexicon version) kept them from tagging these responses. */
  taggedAlone: string[];
  examples: PhraseExample[];
}

export interface EmotionProposal {
  emotion: string;
  /** `tags`: the emotion of its valence most often tagged elsewhere in the responses that use the phrase; `default`: none was. */
  basis: 'tags' | 'default';
  /** Of the responses in the phrase's direction that use it, the share tagged with this emotion (0 for a default). */
  share: number;
  /** A weight for emotions.tsv, 0.4–0.9: how far the share of its responses on its side is from the base rate toward all. */
  weight: number;
}

export interface PhraseExample {
  responseId: number;
  score: number;
  text: string;
  /** Where the phrase is in `text`, end exclusive. */
  start: number;
  end: number;
}
