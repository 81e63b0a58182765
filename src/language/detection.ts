/** What language identification says about a text (or a stretch of it). */
export interface Detection {
  /** ISO 639-3: one of ours (src/lang/registry.ts), another language's code, or `und` for no language. */
  lang: string;
  /** 0–1: how sure the stage is. */
  confidence: number;
  /** Whether Heartline tags emotions in this language. */
  supported: boolean;
}

/** A stretch of a mixed-language text: offsets into the original text, end exclusive. */
export interface LanguageSegment extends Detection {
  start: number;
  end: number;
}

export interface TextLanguage extends Detection {
  /** One entry per stretch in its own language (a single entry for a one-language text; none for `und`). */
  segments: LanguageSegment[];
}

export const UNDETERMINED: Detection = { lang: 'und', confidence: 1, supported: false };
