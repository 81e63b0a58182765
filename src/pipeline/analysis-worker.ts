/**
 * Worker thread: language detection and emotion tagging of a batch of texts. The CPU-bound half of the
 * pipeline runs here, on every core; the main thread reads, validates and writes (SQLite has one writer).
 */
import type { TagResult } from '../emotion/tag-result.js';
import type { LanguageSegment, TextLanguage } from '../language/detection.js';
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

/** Texts whose languages the main thread has detected: only their tagging is left (export `tag`). */
export interface TaggingTask extends AnalysisTask {
  segments: LanguageSegment[][];
}

let detector: LanguageDetector | undefined;

export default function analyse(task: AnalysisTask): Analysis[] {
  detector ??= new LanguageDetector();
  return task.texts.map((text) => {
    const language = detector!.detect(text);
    return { language, emotions: tagOne(task, text, language.segments) };
  });
}

export function tag(task: TaggingTask): TagResult[] {
  return task.texts.map((text, i) => tagOne(task, text, task.segments[i]!));
}

function tagOne(task: AnalysisTask, text: string, segments: LanguageSegment[]): TagResult {
  const result = taggerFor(task.lexiconDirs).tag(text, segments);
  // The writer stores the evidence as JSON: it crosses to the main thread as that (tag-result.ts). Matches
  // removed by negation serve explanations only: not worth copying back to the writer.
  const emotions = result.emotions.map((tag) => ({ emotion: tag.emotion, score: tag.score, evidence: [], evidenceJson: JSON.stringify(tag.evidence) }));
  return { emotions, polarity: result.polarity, removed: [] };
}
