import type { ColumnMap } from './column-map.js';
import { parseScore } from './parse-score.js';
import { type Reject, reject } from './reject.js';
import { cell, field, isReject } from './validate-row.js';

/** A validated row of a scores file. */
export interface ScoreRow {
  line: number;
  externalId: string;
  score: number;
}

/** A scores-file row's id and answer, or why it cannot be imported. */
export function validateScoreRow(fields: Record<string, unknown>, line: number, map: ColumnMap): ScoreRow | Reject {
  const id = cell(field(fields, map.id!)).trim();
  const score = parseScore(field(fields, map.score!));
  if (id === '') return reject('R_ID_EMPTY', `the id column '${map.id}' is empty`);
  if (isReject(score)) return score;
  if (score === null) return reject('R_SCORE_MISSING', 'the row has no NPS answer');
  return { line, externalId: id, score };
}
