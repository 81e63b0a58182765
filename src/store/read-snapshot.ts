import type { Database } from './database.js';

/**
 * Runs `read` in one read transaction, so everything it reads comes from one consistent snapshot even while
 * an import commits batches (WAL): a report never mixes two states of the database.
 */
export function readSnapshot<T>(db: Database, read: () => T): T {
  db.exec('BEGIN');
  try {
    return read();
  } finally {
    db.exec('COMMIT');
  }
}

/** As readSnapshot, for reading that awaits (the per-response export, written as it is read). */
export async function readSnapshotAsync<T>(db: Database, read: () => Promise<T>): Promise<T> {
  db.exec('BEGIN');
  try {
    return await read();
  } finally {
    db.exec('COMMIT');
  }
}
