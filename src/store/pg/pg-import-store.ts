import type { Lexicons } from '../../emotion/lexicon.js';
import { type Counts, type RunStart, type RunStatus, now } from '../import-ledger.js';
import type { BatchWriter, ImportStore } from '../import-store.js';
import type { StoredAnalysis } from '../response-lookup.js';
import type { RowItem } from '../response-writer.js';
import type { ScoreCounts, ScoreItem } from '../score-writer.js';
import type { DatabaseSummary, NpsCounts } from '../summarise.js';
import { loadPgReportSource } from './pg-report-source.js';
import { PgResponseWriter } from './pg-response-writer.js';
import type { ReportSource } from '../report-source.js';
import { PgScoreWriter } from './pg-score-writer.js';
import type { Postgres } from './postgres.js';
import { inTransaction } from './transaction.js';

/** The import's store on a PostgreSQL server. */
export class PgImportStore implements ImportStore {
  readonly engine = 'postgres';
  readonly name: string;

  constructor(readonly pg: Postgres) {
    this.name = pg.name;
  }

  async startRun(run: RunStart): Promise<number> {
    const result = await this.pg.pool.query<{ id: number }>(
      `INSERT INTO import_runs (invocation, kind, file, source, redacted, started_at, status) VALUES ($1, $2, $3, $4, $5, $6, 'running') RETURNING id`,
      [run.invocation, run.kind, run.file, run.source, run.redacted ? 1 : 0, now()],
    );
    return result.rows[0]!.id;
  }

  async describeRun(runId: number, file: { kind: RunStart['kind']; format: string; encoding: string }): Promise<void> {
    await this.pg.pool.query('UPDATE import_runs SET kind = $1, format = $2, encoding = $3 WHERE id = $4', [file.kind, file.format, file.encoding, runId]);
  }

  async finishRun(runId: number, status: RunStatus, checksum: string | null, error?: string): Promise<void> {
    await this.pg.pool.query('UPDATE import_runs SET status = $1, checksum = $2, finished_at = $3, error = $4 WHERE id = $5', [status, checksum, now(), error ?? null, runId]);
  }

  /** As RejectLog.settle: rejects of earlier runs of the same file that this run read again are settled. */
  async completeRun(runId: number, status: RunStatus, checksum: string, lastLine: number): Promise<void> {
    await inTransaction(this.pg.pool, async (client) => {
      await client.query('UPDATE import_runs SET status = $1, checksum = $2, finished_at = $3, error = NULL WHERE id = $4', [status, checksum, now(), runId]);
      await client.query(
        `DELETE FROM rejects WHERE run_id IN (
           SELECT p.id FROM import_runs AS p JOIN import_runs AS r ON r.id = $1
           WHERE p.id <> r.id AND p.source = r.source AND (p.checksum = r.checksum OR (p.checksum IS NULL AND p.file = r.file)))
         AND EXISTS (
           SELECT 1 FROM rejects AS n JOIN import_runs AS p ON p.id = rejects.run_id
           WHERE n.run_id = $1 AND n.line = rejects.line AND (p.checksum IS NOT NULL OR n.raw = rejects.raw))`,
        [runId],
      );
      await client.query(
        `UPDATE rejects SET imported_by = $1
         WHERE imported_by IS NULL AND line <= $2
           AND run_id IN (
             SELECT p.id FROM import_runs AS p JOIN import_runs AS r ON r.id = $1
             WHERE p.id < r.id AND p.source = r.source AND p.file = r.file AND r.file <> '<stdin>')
           AND NOT EXISTS (SELECT 1 FROM rejects AS n WHERE n.run_id = $1 AND n.line = rejects.line)`,
        [runId, lastLine],
      );
    });
  }

  async storedAnalysis(source: string, externalIds: string[]): Promise<Map<string, StoredAnalysis>> {
    const found = new Map<string, StoredAnalysis>();
    if (externalIds.length === 0) return found;
    const result = await this.pg.pool.query<{ external_id: string; text: string; lexicon_version: string | null }>(
      'SELECT external_id, text, lexicon_version FROM responses WHERE source = $1 AND external_id = ANY($2::text[])',
      [source, externalIds],
    );
    for (const r of result.rows) found.set(r.external_id, { text: r.text, lexiconVersion: r.lexicon_version });
    return found;
  }

  feedbackWriter(runId: number, source: string, file: string, lexicons: Pick<Lexicons, 'version' | 'dirs'>, redact: boolean): BatchWriter<RowItem, Counts> {
    return new PgResponseWriter(this.pg.pool, runId, source, file, lexicons, redact);
  }

  scoresWriter(runId: number, source: string, file: string, redact: boolean): BatchWriter<ScoreItem, ScoreCounts> {
    return new PgScoreWriter(this.pg.pool, runId, source, file, redact);
  }

  async importedBefore(checksum: string, source: string): Promise<number | undefined> {
    const result = await this.pg.pool.query<{ id: number }>(
      `SELECT id FROM import_runs WHERE checksum = $1 AND source = $2 AND status IN ('ok', 'rejects')
         AND forgotten_by IS NULL ORDER BY id DESC LIMIT 1`,
      [checksum, source],
    );
    return result.rows[0]?.id;
  }

  reportSource(withSegments: boolean, verbatimsPer: number): Promise<ReportSource> {
    return loadPgReportSource(this.pg, {}, withSegments, verbatimsPer);
  }

  async summary(): Promise<DatabaseSummary> {
    const q = async <T extends object>(sql: string) => (await this.pg.pool.query<T>(sql)).rows;
    const grouped = async (sql: string) => Object.fromEntries((await q<{ k: string; n: number }>(sql)).map((r) => [r.k, r.n]));
    const [counts] = await q<{ responses: number; withScore: number; withText: number; withBoth: number } & NpsCounts>(
      `SELECT count(*)::int AS responses, count(score)::int AS "withScore",
              count(*) FILTER (WHERE trim(text) <> '')::int AS "withText",
              count(score) FILTER (WHERE trim(text) <> '')::int AS "withBoth",
              count(*) FILTER (WHERE score >= 9)::int AS promoters, count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives,
              count(*) FILTER (WHERE score <= 6)::int AS detractors
       FROM responses`,
    );
    const [waiting] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM nps_scores s
       WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.source = s.source AND r.external_id = s.external_id)`,
    );
    return {
      responses: counts!.responses,
      bySource: await grouped('SELECT source AS k, count(*)::int AS n FROM responses GROUP BY source ORDER BY n DESC, source COLLATE "C"'),
      byDeclaredLanguage: await grouped(
        `SELECT declared_language AS k, count(*)::int AS n FROM responses WHERE declared_language IS NOT NULL
         GROUP BY declared_language ORDER BY n DESC, declared_language COLLATE "C"`,
      ),
      byLanguage: await grouped(`SELECT COALESCE(language, '?') AS k, count(*)::int AS n FROM responses GROUP BY 1 ORDER BY n DESC, COALESCE(language, '?') COLLATE "C"`),
      withScore: counts!.withScore,
      withText: counts!.withText,
      withBoth: counts!.withBoth,
      waitingScores: waiting!.n,
      nps: { promoters: counts!.promoters, passives: counts!.passives, detractors: counts!.detractors },
    };
  }
}
