import { isReject } from '../ingest/validate-row.js';
import { validateScoreRow } from '../ingest/validate-score-row.js';
import { zeroCounts } from '../store/import-ledger.js';
import type { ScoreCounts, ScoreItem } from '../store/score-writer.js';
import type { ImportKind } from './import-file.js';

export interface ScoresFileItem extends ScoreItem {
  fields?: Record<string, unknown>;
}

/** Scores files: `id,score` rows that attach NPS answers to responses, now or when they arrive. */
export const scoresImport: ImportKind<ScoresFileItem, ScoreCounts> = {
  kind: 'scores',
  toItem: (record) => ({ line: record.line, raw: record.raw, fields: record.fields, reject: record.reject }),
  stages: (map) => [
    {
      name: 'validate',
      run(items) {
        for (const item of items) {
          const fields = item.fields;
          if (!fields) continue;
          item.fields = undefined;
          const result = validateScoreRow(fields, item.line, map);
          if (isReject(result)) item.reject = result;
          else item.row = result;
        }
      },
    },
  ],
  writer: (store, runId, source, file, options) => store.scoresWriter(runId, source, file, options.redact ?? false),
  empty: () => ({ ...zeroCounts(), linked: 0 }),
};
