import { validateRow, isReject } from '../ingest/validate-row.js';
import { LanguageDetector } from '../language/detect-language.js';
import { languageStage } from '../language/language-stage.js';
import { emotionStage } from '../emotion/emotion-stage.js';
import { lexiconIdentity } from '../emotion/lexicon.js';
import { taggerFor } from './taggers.js';
import { type Counts, zeroCounts } from '../store/import-ledger.js';
import type { RowItem } from '../store/response-writer.js';
import type { ColumnMap } from '../ingest/column-map.js';
import type { ImportKind } from './import-file.js';
import { knownStage } from './known-stage.js';
import { scoresImport } from './scores-import.js';
import type { Stage } from './stage.js';
import { workerAnalysisStage, workerTaggingStage } from './worker-analysis-stage.js';

export interface FeedbackItem extends RowItem {
  fields?: Record<string, unknown>;
  /** Set by the `known` stage: the stored row is identical and analysed with today's lexicons. */
  current?: boolean;
}

let sharedDetector: LanguageDetector | undefined;
/** Loading the word lists takes a moment: once per process. */
const detector = () => (sharedDetector ??= new LanguageDetector());

/** Feedback dumps: comments, NPS answers, dates and segments into `responses`. */
export const feedbackImport: ImportKind<FeedbackItem, Counts> = {
  kind: 'feedback',
  divert: (map) => (isScoresFile(map) ? { kind: scoresImport, note: SCORES_NOTE } : undefined),
  toItem: (record) => ({ line: record.line, raw: record.raw, fields: record.fields, reject: record.reject }),
  stages: (map, options, store, source, dates) => [
    {
      name: 'validate',
      run(items) {
        for (const item of items) {
          if (!item.fields) continue;
          const result = validateRow(item.fields, item.line, map, { dates, redact: options.redact });
          if (isReject(result)) item.reject = result;
          else item.row = result;
          item.fields = undefined;
        }
      },
    },
    knownStage(store, source, lexiconIdentity(options.lexiconDirs).version, options.reanalyze ?? false),
    ...(options.importOnly ? [] : analysisStages(options.workers ?? 0, options.lexiconDirs, options.signal)),
  ],
  // The version is all the writer needs of the lexicons: with workers the main thread never loads them.
  writer: (store, runId, source, file, options) =>
    store.feedbackWriter(runId, source, file, lexiconIdentity(options.lexiconDirs), options.redact ?? false),
  empty: zeroCounts,
};

/**
 * Language detection and tagging cost about the same per response (~60 µs each). With one worker (the
 * default on 2 cores) this thread detects and the worker tags: each thread then does half the analysis, where
 * the worker did it all while this thread, reading and writing at ~25 µs a row, mostly waited for it. With
 * more workers this thread would become the bottleneck: the workers do both.
 */
function analysisStages(workers: number, lexiconDirs: string[] | undefined, signal: AbortSignal | undefined): Stage<FeedbackItem>[] {
  if (workers === 0) return [languageStage(detector()), emotionStage(taggerFor(lexiconDirs))];
  if (workers === 1) return [languageStage(detector()), workerTaggingStage(workers, lexiconDirs ?? [], signal)];
  return [workerAnalysisStage(workers, lexiconDirs ?? [], signal)];
}

/**
 * Ids and NPS answers and nothing else a response has (no comment, date, segment or survey-language column):
 * a scores file given to `run` or dropped in a nightly folder. It is read as `import-scores` reads it — the
 * answers attach to stored responses or wait for them, and no response is created without its feedback.
 */
function isScoresFile(map: ColumnMap): boolean {
  return map.id !== undefined && map.score !== undefined && map.text === undefined && map.date === undefined &&
    map.language === undefined && map.segments.length === 0;
}

const SCORES_NOTE =
  'no comment, date or segment column: read as NPS answers by id, as `heartline import-scores` does (comments already stored are kept)';
