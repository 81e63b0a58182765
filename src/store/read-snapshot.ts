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
