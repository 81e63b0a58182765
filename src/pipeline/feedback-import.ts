import { validateRow, isReject } from '../ingest/validate-row.js';
import { LanguageDetector } from '../language/detect-language.js';
import { languageStage } from '../language/language-stage.js';
import { type Counts, zeroCounts } from '../store/import-ledger.js';
import { ResponseWriter, type RowItem } from '../store/response-writer.js';
import type { ImportKind } from './import-file.js';

export interface FeedbackItem extends RowItem {
  fields?: Record<string, unknown>;
}

let shared: LanguageDetector | undefined;
/** Loading the word lists takes a moment: once per process. */
const detector = () => (shared ??= new LanguageDetector());

/** Feedback dumps: comments, NPS answers, dates and segments into `responses`. */
export const feedbackImport: ImportKind<FeedbackItem, Counts> = {
  kind: 'feedback',
  toItem: (record) => ({ line: record.line, raw: record.raw, fields: record.fields, reject: record.reject }),
  stages: (map, options) => [
    {
      name: 'validate',
      run(items) {
        for (const item of items) {
          if (!item.fields) continue;
          const result = validateRow(item.fields, item.line, map, { dateFormat: options.dateFormat });
          if (isReject(result)) item.reject = result;
          else item.row = result;
          item.fields = undefined;
        }
      },
    },
    languageStage(detector()),
  ],
  writer: (db, runId, source, file) => new ResponseWriter(db, runId, source, file),
  empty: zeroCounts,
};
