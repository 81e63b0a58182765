import { cell, field, isReject } from '../ingest/validate-row.js';
import { parseScore } from '../ingest/parse-score.js';
import { reject } from '../ingest/reject.js';
import { zeroCounts } from '../store/import-ledger.js';
import { type ScoreCounts, type ScoreItem, ScoreWriter } from '../store/score-writer.js';
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
          const id = cell(field(fields, map.id!)).trim();
          const score = parseScore(field(fields, map.score!));
          if (id === '') item.reject = reject('R_ID_EMPTY', `the id column '${map.id}' is empty`);
          else if (isReject(score)) item.reject = score;
          else if (score === null) item.reject = reject('R_SCORE_MISSING', 'the row has no NPS answer');
          else item.row = { line: item.line, externalId: id, score };
        }
      },
    },
  ],
  writer: (db, runId, source, file, options) => new ScoreWriter(db, runId, source, file, options.redact),
  empty: () => ({ ...zeroCounts(), linked: 0 }),
};
