import type pg from 'pg';
import type { RejectCode } from '../../ingest/reject.js';
import type { ScoreRow } from '../../ingest/validate-score-row.js';
import { redactReject } from '../../privacy/redact-reject.js';
import { now, zeroCounts } from '../import-ledger.js';
import type { BatchWriter } from '../import-store.js';
import type { ScoreCounts, ScoreItem } from '../score-writer.js';
import { inTransaction } from './transaction.js';

/**
 * NPS answers delivered apart from the feedback, on PostgreSQL: ScoreWriter's rules (keyed by source and
 * id, linked to the response when it exists, never overriding an answer given in the feedback row itself,
 * a different answer for an id seen earlier in the file rejected), a statement per row inside the batch's
 * transaction — scores files are small beside feedback dumps.
 */
export class PgScoreWriter implements BatchWriter<ScoreItem, ScoreCounts> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly runId: number,
    private readonly source: string,
    private readonly file: string,
    private readonly redact: boolean,
  ) {}

  async write(items: ScoreItem[]): Promise<ScoreCounts> {
    return inTransaction(this.pool, async (client) => {
      const counts: ScoreCounts = { ...zeroCounts(), linked: 0 };
      for (const item of items) {
        counts.read++;
        const row = item.row;
        if (!row) {
          await this.reject(client, item, item.reject!.code, item.reject!.reason);
          counts.rejected++;
          continue;
        }
        const outcome = await this.store(client, row, item);
        counts[outcome]++;
        if (outcome === 'rejected') continue;
        await client.query(
          `UPDATE responses SET score = $1, score_origin = 'scores-file', updated_at = $2
           WHERE source = $3 AND external_id = $4 AND (score_origin IS NULL OR score_origin = 'scores-file') AND score IS DISTINCT FROM $1`,
          [row.score, now(), this.source, row.externalId],
        );
        if ((await client.query('SELECT 1 FROM responses WHERE source = $1 AND external_id = $2', [this.source, row.externalId])).rowCount) counts.linked++;
      }
      await client.query(
        `UPDATE import_runs SET rows_read = rows_read + $1, inserted = inserted + $2, updated = updated + $3,
           unchanged = unchanged + $4, rejected = rejected + $5, warnings = warnings + $6 WHERE id = $7`,
        [counts.read, counts.inserted, counts.updated, counts.unchanged, counts.rejected, counts.warnings, this.runId],
      );
      return counts;
    });
  }

  private async store(client: pg.PoolClient, row: ScoreRow, item: ScoreItem): Promise<'inserted' | 'updated' | 'unchanged' | 'rejected'> {
    const key = [this.source, row.externalId];
    const existing = (await client.query<{ score: number; run_id: number; last_run_id: number | null }>(
      'SELECT score, run_id, last_run_id FROM nps_scores WHERE source = $1 AND external_id = $2', key)).rows[0];
    if (existing?.score === row.score) {
      if (existing.last_run_id !== this.runId) await client.query('UPDATE nps_scores SET last_run_id = $1 WHERE source = $2 AND external_id = $3', [this.runId, ...key]);
      return 'unchanged';
    }
    if (existing && (existing.run_id === this.runId || existing.last_run_id === this.runId)) {
      await this.reject(client, item, 'R_DUPLICATE_ID', `id '${row.externalId}' already has a different answer earlier in this file`);
      return 'rejected';
    }
    if (existing) {
      await client.query(
        `INSERT INTO nps_score_versions (source, external_id, replaced_by, score, run_id, received_at)
         SELECT source, external_id, $1, score, run_id, received_at FROM nps_scores WHERE source = $2 AND external_id = $3
         ON CONFLICT DO NOTHING`, [this.runId, ...key]);
      await client.query('UPDATE nps_scores SET score = $1, run_id = $2, received_at = $3, last_run_id = $2 WHERE source = $4 AND external_id = $5',
        [row.score, this.runId, now(), ...key]);
      return 'updated';
    }
    await client.query('INSERT INTO nps_scores (source, external_id, score, run_id, received_at, last_run_id) VALUES ($1, $2, $3, $4, $5, $4)',
      [...key, row.score, this.runId, now()]);
    return 'inserted';
  }

  private async reject(client: pg.PoolClient, item: ScoreItem, code: RejectCode, reason: string): Promise<void> {
    const stored = this.redact ? redactReject({ code, reason }, item.raw) : { reason, raw: item.raw };
    await client.query('INSERT INTO rejects (run_id, file, line, code, reason, raw) VALUES ($1, $2, $3, $4, $5, $6)',
      [this.runId, this.file, item.line, code, stored.reason, stored.raw]);
  }
}
