import type { Database } from './database.js';

/** A rejected row as `heartline rejects` lists it. */
export interface RejectRow {
  runId: number;
  file: string;
  line: number;
  code: string;
  reason: string;
  raw: string;
  /** A later run of the same file name that read this line and did not reject it (the file was fixed). */
  importedBy: number | null;
}

/** A row imported with a warning (W_DATE: stored without its date), as `heartline rejects` lists it after the rejects. */
export interface WarningRow {
  run_id: number;
  file: string;
  line: number;
  code: string;
  reason: string;
  value: string;
}

/** Which rejects to list: one run's, the latest command's (the default), or all. */
export type RejectScope = { run: number } | 'latest' | 'all';

interface StoredReject {
  run_id: number;
  file: string;
  line: number;
  code: string;
  reason: string;
  raw: string;
  imported_by: number | null;
}

const WHERE: Record<'run' | 'latest' | 'all', string> = {
  run: 'j.run_id = @run',
  latest: 'j.run_id IN (SELECT id FROM import_runs WHERE invocation = (SELECT invocation FROM import_runs ORDER BY id DESC LIMIT 1))',
  all: '1 = 1',
};

/** The `rejects` table: rows read but not imported, one per (source, file checksum, line). */
export class RejectLog {
  constructor(private readonly db: Database) {}

  /**
   * After a run read its whole file. The rejects that earlier runs of the same bytes stored for lines this
   * run rejected again are deleted, so running a file with 100,000 bad rows again keeps 100,000 rejects, not
   * 200,000; an earlier run that never finished (killed, failed) has no checksum, so its rejects go when the
   * same file name gave the same line again. Rejects of earlier runs of the same file name whose line this
   * run read and did not reject are marked as imported by it (the file was fixed and run again).
   */
  settle(runId: number, lastLine: number): void {
    this.db
      .prepare(
        `DELETE FROM rejects WHERE run_id IN (
           SELECT p.id FROM import_runs AS p JOIN import_runs AS r ON r.id = @run
           WHERE p.id <> r.id AND p.source = r.source AND (p.checksum = r.checksum OR (p.checksum IS NULL AND p.file = r.file)))
         AND EXISTS (
           SELECT 1 FROM rejects AS n JOIN import_runs AS p ON p.id = rejects.run_id
           WHERE n.run_id = @run AND n.line = rejects.line AND (p.checksum IS NOT NULL OR n.raw = rejects.raw))`,
      )
      .run({ run: runId });
    this.db
      .prepare(
        `UPDATE rejects SET imported_by = @run
         WHERE imported_by IS NULL AND line <= @lastLine
           AND run_id IN (
             SELECT p.id FROM import_runs AS p JOIN import_runs AS r ON r.id = @run
             WHERE p.id < r.id AND p.source = r.source AND p.file = r.file AND r.file <> '<stdin>')
           AND NOT EXISTS (SELECT 1 FROM rejects AS n WHERE n.run_id = @run AND n.line = rejects.line)`,
      )
      .run({ run: runId, lastLine });
  }

  count(scope: RejectScope): number {
    const { where, params } = scoped(scope);
    return this.db.prepare<{ n: number }>(`SELECT COUNT(*) AS n FROM rejects AS j WHERE ${where}`).get(params)?.n ?? 0;
  }

  countWarnings(scope: RejectScope): number {
    const { where, params } = scoped(scope);
    return this.db.prepare<{ n: number }>(`SELECT COUNT(*) AS n FROM import_warnings AS j WHERE ${where}`).get(params)?.n ?? 0;
  }

  /** Rows imported with a warning, in run and line order. */
  warnings(scope: RejectScope, limit: number): WarningRow[] {
    const { where, params } = scoped(scope);
    return this.db
      .prepare<WarningRow>(
        `SELECT j.run_id, j.file, j.line, j.code, j.reason, j.value FROM import_warnings AS j WHERE ${where} ORDER BY j.run_id, j.line LIMIT @limit`,
      )
      .all({ ...params, limit });
  }

  /** Rejects in run and line order. */
  list(scope: RejectScope, limit: number): RejectRow[] {
    const { where, params } = scoped(scope);
    return this.db
      .prepare<StoredReject>(
        `SELECT j.run_id, j.file, j.line, j.code, j.reason, j.raw, j.imported_by
         FROM rejects AS j WHERE ${where} ORDER BY j.run_id, j.line LIMIT @limit`,
      )
      .all({ ...params, limit })
      .map((r) => ({ runId: r.run_id, file: r.file, line: r.line, code: r.code, reason: r.reason, raw: r.raw, importedBy: r.imported_by }));
  }
}

function scoped(scope: RejectScope): { where: string; params: Record<string, number> } {
  if (typeof scope === 'object') return { where: WHERE.run, params: { run: scope.run } };
  return { where: WHERE[scope], params: {} };
}
