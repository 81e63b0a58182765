/** Scripts the language stage tells apart (script-profile.ts counts them); a language is written in one. */
export type Script = 'Latin' | 'Cyrillic' | 'Han';

/** How far negation reaches, in units (words, or characters), before and after an emotion term. */
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

/** Word boundaries for a language written without spaces. */
export interface WordSegmenter {
  /** Where each word of a text ends (offsets, ascending; the last is the text's length). */
  wordEnds(text: string): readonly number[];
  /** Whether a string is one word of several characters in the segmenter's dictionary. */
  isWord(text: string): boolean;
}

/**
 * What differs per language. Each `src/lang/<code>/language.ts` exports one of these and `registry.ts` lists
 * them; everything else asks the registry, so a language is named only in its own folder. Hooks a language
 * leaves out take the defaults noted.
 */
export interface Language<Code extends string = string> {
  /** ISO 639-3, as stored with every response and used for its folders (`src/lang/<code>/`, `lexicons/<code>/`). */
  code: Code;
  /** ISO 639-1, for the BCP 47 tags data sets and other tools use (`sv`, `zh-Hans`, `en-GB`). */
  iso6391: string;
  /** English name, for reports. */
  name: string;
  /**
   * Other ISO 639-3 codes that are this language to us: franc's model of a close variety that steals
   * texts of ours (Scots for English).
   */
  aliases?: readonly string[];
  /** The script the language stage picks this language's candidates by. */
  script: Script;
  /**
   * Letters that point to this language among the others of its script, with a weight: a letter only this
   * language uses among ours (and its usual neighbours) weighs 1, one it shares weighs less; 1.5 rules out
   * other languages altogether.
   */
  letters: Readonly<Record<string, number>>;
  /**
   * What lexicon patterns match against: stemmed `words`, or single `characters` for a script written
   * without spaces (each character of the script is a unit; runs of other letters stay whole words).
   */
  units: 'words' | 'characters';
  /**
   * For a language matched by characters: a word segmenter. A match may not cut one of its words (别 "don't"
   * inside 特别 "especially") unless it is a word itself (谢谢 inside 谢谢你们) or the language's own lexicon
   * items account for the word at that cut (很好 is 很 + 好). Default: none, matches anywhere.
   */
  segmenter?: WordSegmenter;
  /**
   * Folds spellings the language's writers use interchangeably (Russian ё as е), after NFC and lowercasing;
   * applied to lexicon patterns and text alike. Default: none.
   */
  normalise?: (lower: string) => string;
  /** Words are matched through this stemmer. Default: a word is its own stem. */
  stem?: (word: string) => string;
  /** Splits a word into the words it stands for (English "didn't" → did not). Default: none. */
  expand?: (word: string) => readonly string[] | undefined;
  negation: NegationScope;
  /**
   * Plain polarity (−1…1) of a stretch of text from a dedicated model, or undefined when it finds no
   * sentiment. Default: the language's `polarity.tsv` word list, negation-aware.
   */
  polarity?: (text: string) => number | undefined;
  /** The words of a text in order (punctuation only marks breaks): what `heartline suggest` counts. */
  words: (text: string) => Word[];
}

/** Declares a language, keeping its code as a literal type so the registry can derive `LangCode` from its list. */
export function defineLanguage<const Code extends string>(language: Language<Code>): Language<Code> {
  return language;
}
