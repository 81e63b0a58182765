import type { Database, Statement } from './database.js';

export interface Counts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows imported with a warning (a date that cannot be read); already counted among the four above. */
  warnings: number;
}

export type RunStatus = 'running' | 'ok' | 'rejects' | 'failed' | 'interrupted';

export const zeroCounts = (): Counts => ({ read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });

export interface RunStart {
  invocation: string;
  kind: 'feedback' | 'scores';
  file: string;
  source: string;
  /** Imported with --redact: recorded so that readers of the stored text know it is meant to stay masked. */
  redacted: boolean;
}

/** The `import_runs` ledger: a row per file, opened before reading and closed with its outcome. */
export class ImportLedger {
  private readonly addCounts: Statement;

  constructor(private readonly db: Database) {
    this.addCounts = db.prepare(
      `UPDATE import_runs SET rows_read = rows_read + ?, inserted = inserted + ?, updated = updated + ?,
         unchanged = unchanged + ?, rejected = rejected + ?, warnings = warnings + ? WHERE id = ?`,
    );
  }

  start(run: RunStart): number {
    const result = this.db
      .prepare(
        `INSERT INTO import_runs (invocation, kind, file, source, redacted, started_at, status) VALUES (?, ?, ?, ?, ?, ?, 'running')`,
      )
      .run(run.invocation, run.kind, run.file, run.source, run.redacted ? 1 : 0, now());
    return Number(result.lastInsertRowid);
  }

  /** What the file turned out to be once its header was read (a scores file given to `run` is read as one). */
  describe(runId: number, file: { kind: RunStart['kind']; format: string; encoding: string }): void {
    this.db
      .prepare('UPDATE import_runs SET kind = ?, format = ?, encoding = ? WHERE id = ?')
      .run(file.kind, file.format, file.encoding, runId);
  }

  /** Called inside the transaction that writes the rows these counts describe. */
  add(runId: number, c: Counts): void {
    this.addCounts.run(c.read, c.inserted, c.updated, c.unchanged, c.rejected, c.warnings, runId);
  }

  /**
   * The last run that imported a file with these bytes for this source, finished and not forgotten, if one did
   * — as feedback or as scores: a scores file in a feedback drop folder is read as one (feedback-import.ts).
   */
  importedBefore(checksum: string, source: string): number | undefined {
    return this.db
      .prepare<{ id: number }>(
        `SELECT id FROM import_runs WHERE checksum = ? AND source = ? AND status IN ('ok', 'rejects')
           AND forgotten_by IS NULL ORDER BY id DESC LIMIT 1`,
      )
      .get(checksum, source)?.id;
  }

  finish(runId: number, status: RunStatus, checksum: string | null, error?: string): void {
    this.db
      .prepare('UPDATE import_runs SET status = ?, checksum = ?, finished_at = ?, error = ? WHERE id = ?')
      .run(status, checksum, now(), error ?? null, runId);
  }
}

export const now = () => new Date().toISOString();
