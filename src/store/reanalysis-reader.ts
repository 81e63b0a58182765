import type { Database } from './database.js';

export interface ResponseToAnalyse {
  id: number;
  text: string;
  lexicon_version: string | null;
}

/**
 * Pages through the responses `reanalyze` must analyse again: those not analysed with `version` (or every
 * one with `all`), in id order, `limit` at a time after the id `after`.
 */
export function responsesToReanalyse(db: Database, version: string, all: boolean, limit: number) {
  const select = db.prepare(
    `SELECT id, text, lexicon_version FROM responses
     WHERE id > ? AND (? = 1 OR lexicon_version IS NULL OR lexicon_version <> ?) ORDER BY id LIMIT ?`,
  );
  return (after: number) => select.all(after, all ? 1 : 0, version, limit) as ResponseToAnalyse[];
}
