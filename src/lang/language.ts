/** The five languages Heartline tags, as ISO 639-3 codes. */
export type LangCode = 'rus' | 'swe' | 'cmn' | 'hun' | 'eng';

export type Script = 'Latin' | 'Cyrillic' | 'Han';

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
}
