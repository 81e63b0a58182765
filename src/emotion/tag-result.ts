/** Why a tag was given: a matched span of the original text and what changed its weight. */
export interface Evidence {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** The lexicon pattern that matched, and where it is defined. */
  pattern: string;
  source: string;
  lang: string;
  /** The weight this match contributed, after negation, intensity and contrast. */
  weight: number;
  /** The emotion the pattern names, when negation flipped it to this one. */
  flippedFrom?: string;
  negator?: Span;
  intensifier?: Span & { factor: number };
  /** ALL CAPS, "!!", or coming after a contrast marker. */
  emphasis?: string[];
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface EmotionTag {
  emotion: string;
  /** 0–1: the matches' weights combined (1 − Π(1 − w)). */
  score: number;
  evidence: Evidence[];
}

export interface TagResult {
  emotions: EmotionTag[];
  /** Plain sentiment baseline, −1…1, from a polarity word list (wink-sentiment for English). */
  polarity: number;
  /** Matches removed by negation ("not angry"), for explanations. */
  removed: Evidence[];
}
