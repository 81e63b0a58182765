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
  /**
   * The construction (constructions.tsv) that changed this match: `utmost` ("couldn't be happier") made it
   * delight, `counterfactual` ("would have been perfect if") or a reversed `past` feeling disappointment,
   * `absent` ("недовольных не осталось") negated it; `formula` ("have a nice day") removed it.
   */
  construction?: Span & { kind: string };
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
  /**
   * The evidence as stored (JSON), when a worker thread tagged the text: it crosses to the writer as one string,
   * ~6× cheaper to receive than the objects, and `evidence` is then left empty.
   */
  evidenceJson?: string;
}

export interface TagResult {
  emotions: EmotionTag[];
  /** Plain sentiment baseline, −1…1, from a polarity word list (wink-sentiment for English). */
  polarity: number;
  /** Matches removed by negation ("not angry"), a set phrase or a reversal, for explanations. */
  removed: Evidence[];
}
