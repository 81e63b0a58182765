import { randomUUID } from 'node:crypto';
import type { Database } from '../store/database.js';
import { openDatabase } from '../store/open-database.js';
import { acquireRunLock } from '../store/run-lock.js';

/** Opens the database for the duration of `work`, and closes it whatever happens. */
export async function withDatabase<T>(path: string, work: (db: Database) => Promise<T> | T, readonly = false): Promise<T> {
  const db = openDatabase(path, { readonly });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** As withDatabase, holding the run lock: the way every command that writes starts. */
export async function withWriteLock<T>(
  path: string,
  command: string,
  waitSeconds: number,
  work: (db: Database, invocation: string) => Promise<T>,
): Promise<T> {
  return withDatabase(path, async (db) => {
    const release = await acquireRunLock(db, command, { waitSeconds });
    const onSignal = () => {
      release();
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      return await work(db, randomUUID());
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      release();
    }
  });
}
