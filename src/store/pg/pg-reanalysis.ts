import type { TagResult } from '../../emotion/tag-result.js';
import type { TextLanguage } from '../../language/detection.js';
import { now } from '../import-ledger.js';
import type { ResponseToAnalyse } from '../reanalysis-reader.js';
import { replaceAnalyses } from './pg-analysis-writer.js';
import type { Postgres } from './postgres.js';
import { inTransaction } from './transaction.js';

/** `reanalyze` on PostgreSQL: pages of responses to analyse again, and their new analyses written per page. */
export class PgReanalysis {
  constructor(
    private readonly pg: Postgres,
    private readonly lexicons: { version: string; dirs: readonly string[] },
    private readonly all: boolean,
  ) {}

  async page(after: number, limit: number): Promise<ResponseToAnalyse[]> {
    return (await this.pg.pool.query<ResponseToAnalyse>(
      `SELECT id, text, lexicon_version FROM responses
       WHERE id > $1 AND ($2 OR lexicon_version IS NULL OR lexicon_version <> $3) ORDER BY id LIMIT $4`,
      [after, this.all, this.lexicons.version, limit],
    )).rows;
  }

  async write(analysed: { id: number; language: TextLanguage; emotions: TagResult }[]): Promise<void> {
    await inTransaction(this.pg.pool, async (client) => {
      await client.query('INSERT INTO lexicon_versions (version, dirs, first_used) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [this.lexicons.version, JSON.stringify(this.lexicons.dirs), now()]);
      await replaceAnalyses(client, this.lexicons.version, analysed);
    });
  }
}
