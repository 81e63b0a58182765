import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import type { RunRow } from '../../src/store/status-queries.js';

/** The ledger columns the invariant is about (the store's `RunRow`, as `heartline status` reads it). */
export type LedgerRow = Pick<RunRow, 'id' | 'status' | 'rows_read' | 'inserted' | 'updated' | 'unchanged' | 'rejected'>;

/**
 * What must hold after any failure: SQLite finds no corruption, and every ledger row adds up
 * (rows_read = inserted + updated + unchanged + rejected). Opens the file directly, read-only, so checking
 * never migrates or otherwise changes what it checks. Returns the ledger for further expectations.
 */
export function expectHealthy(path: string): LedgerRow[] {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const ledger = db
      .prepare('SELECT id, status, rows_read, inserted, updated, unchanged, rejected FROM import_runs ORDER BY id')
      .all() as LedgerRow[];
    for (const run of ledger) {
      expect(run.inserted + run.updated + run.unchanged + run.rejected, `import_runs row ${run.id}`).toBe(run.rows_read);
    }
    return ledger;
  } finally {
    db.close();
  }
}

/** One value from a read-only connection, or undefined while the file does not exist or is being created. */
export function peek<T>(path: string, sql: string): T | undefined {
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).pluck().get() as T | undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined; // not created yet, or the schema is still being written
  }
}
