import type { RunRow } from '../status-queries.js';
import type { Postgres } from './postgres.js';

/** The last `count` import runs of the ledger, newest first (as recentRuns on SQLite). */
export async function pgRecentRuns(pg: Postgres, count: number): Promise<RunRow[]> {
  return (await pg.pool.query<RunRow>('SELECT * FROM import_runs ORDER BY id DESC LIMIT $1', [count])).rows;
}

/** How many responses each lexicon version analysed (`null`: not analysed yet), most used first. */
export async function pgLexiconVersionCounts(pg: Postgres): Promise<{ version: string | null; responses: number }[]> {
  return (await pg.pool.query<{ version: string | null; responses: number }>(
    'SELECT lexicon_version AS version, count(*)::int AS responses FROM responses GROUP BY lexicon_version ORDER BY responses DESC',
  )).rows;
}
