/** The five languages Heartline tags, as ISO 639-3 codes. */
export type LangCode = 'rus' | 'swe' | 'cmn' | 'hun' | 'eng';

export type Script = 'Latin' | 'Cyrillic' | 'Han';

/** How far negation reaches, in words (characters for Chinese), before and after an emotion term. */
export interface NegationScope {
  before: number;
  after: number;
}

/** A word of a text, as the language splits it: offsets into the text, end exclusive. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** A sentence or clause ends before this word (punctuation, a line break): phrases do not reach across. */
  breakBefore: boolean;
}

/** What differs per language. Each language folder exports one of these; `registry.ts` lists them. */
export interface Language {
  code: LangCode;
  name: string;
  script: Script;
  /**
   * Letters that point to this language among the others of its script, with a weight: a letter only this
   * language uses among our five (and its usual neighbours) weighs 1, one it shares weighs less.
   */
  letters: Readonly<Record<string, number>>;
  /** Words are matched through this stemmer; Chinese has none (it is matched by characters). */
  stem?: (word: string) => string;
  /** Splits a word into the words it stands for (English "didn't" → did not); identity elsewhere. */
  expand?: (word: string) => readonly string[] | undefined;
  negation: NegationScope;
  /** The words of a text in order (punctuation only marks breaks): what `heartline suggest` counts. */
  words: (text: string) => Word[];
}
