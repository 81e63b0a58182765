import type { Database } from './database.js';

/** One `import_runs` row, as `heartline status` shows it. */
export interface RunRow {
  id: number;
  kind: string;
  file: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  forgotten_by: number | null;
  error: string | null;
}

/** The last `count` import runs of the ledger, newest first. */
export function recentRuns(db: Database, count: number): RunRow[] {
  return db.prepare('SELECT * FROM import_runs ORDER BY id DESC LIMIT ?').all(count) as RunRow[];
}

/** How many responses each lexicon version analysed (`null`: not analysed yet), most used first. */
export function lexiconVersionCounts(db: Database): { version: string | null; responses: number }[] {
  return db
    .prepare('SELECT lexicon_version AS version, COUNT(*) AS responses FROM responses GROUP BY lexicon_version ORDER BY responses DESC')
    .all() as { version: string | null; responses: number }[];
}
