import type { TagResult } from '../../emotion/tag-result.js';
import type { TextLanguage } from '../../language/detection.js';
import { languageColumns } from '../analysis-writer.js';
import { now } from '../import-ledger.js';
import type { ResponseToAnalyse } from '../reanalysis-reader.js';
import { insertTags } from './pg-response-writer.js';
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
      const lang = analysed.map((a) => languageColumns(a.language));
      await client.query(
        `UPDATE responses AS r SET language = u.language, language_confidence = u.confidence, language_supported = u.supported,
           language_segments = u.language_segments, polarity = u.polarity, lexicon_version = $1
         FROM unnest($2::int[], $3::text[], $4::float8[], $5::int[], $6::text[], $7::float8[])
           AS u(id, language, confidence, supported, language_segments, polarity)
         WHERE r.id = u.id`,
        [this.lexicons.version, analysed.map((a) => a.id), lang.map((l) => l[0]), lang.map((l) => l[1]), lang.map((l) => l[2]), lang.map((l) => l[3]),
          analysed.map((a) => a.emotions.polarity)],
      );
      await client.query('DELETE FROM emotion_tags WHERE response_id = ANY($1::int[])', [analysed.map((a) => a.id)]);
      await insertTags(client, analysed.map((a) => [a.id, a.emotions] as const), this.lexicons.version);
    });
  }
}
