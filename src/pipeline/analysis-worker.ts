/**
 * Worker thread: language detection and emotion tagging of a batch of texts. The CPU-bound half of the
 * pipeline runs here, on every core; the main thread reads, validates and writes (SQLite has one writer).
 */
import type { TagResult } from '../emotion/tag-result.js';
import type { TextLanguage } from '../language/detection.js';
import { LanguageDetector } from '../language/detect-language.js';
import { taggerFor } from './taggers.js';

export interface AnalysisTask {
  texts: string[];
  lexiconDirs: string[];
}

export interface Analysis {
  language: TextLanguage;
  emotions: TagResult;
}

let detector: LanguageDetector | undefined;

export default function analyse(task: AnalysisTask): Analysis[] {
  detector ??= new LanguageDetector();
  const tagger = taggerFor(task.lexiconDirs);
  return task.texts.map((text) => {
    const language = detector!.detect(text);
    // Matches removed by negation serve explanations only: not worth copying back to the writer.
    return { language, emotions: { ...tagger.tag(text, language.segments), removed: [] } };
  });
}
