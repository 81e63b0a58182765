import { randomUUID } from 'node:crypto';
import { HeartlineError, Interrupted } from '../errors.js';
import { databaseError } from '../store/database-error.js';
import type { Database } from '../store/database.js';
import { openDatabase } from '../store/open-database.js';
import { acquireRunLock } from '../store/run-lock.js';
import { EXIT } from './exit-codes.js';

/**
 * Opens the database for the duration of `work`, and closes it whatever happens. SQLite's refusals while
 * working (a corrupt page, a full disk) come out as the same E_DATABASE errors as when opening.
 */
export async function withDatabase<T>(path: string, work: (db: Database) => Promise<T> | T, readonly = false): Promise<T> {
  const db = openDatabase(path, { readonly });
  try {
    return await work(db);
  } catch (error) {
    const known = error instanceof HeartlineError ? error : databaseError(error, path, readonly ? 'cannot read the database' : 'cannot write the database');
    throw known;
  } finally {
    db.close();
  }
}

type StopSignal = 'SIGINT' | 'SIGTERM';

/**
 * As withDatabase, holding the run lock: the way every command that writes starts. SIGINT and SIGTERM stop
 * `work` through the signal it is given (it ends its batch and marks its run interrupted); then the lock is
 * released and Interrupted is thrown (exit 130 or 143). A second signal ends the process at once. A lock
 * lost to another process (its lease ran out unrenewed, or `heartline unlock`) stops the work the same way.
 */
export async function withWriteLock<T>(
  path: string,
  command: string,
  waitSeconds: number,
  work: (db: Database, invocation: string, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const stop = new AbortController();
  const onSignal = (name: StopSignal) => {
    if (stop.signal.aborted) process.exit(EXIT[name]);
    stop.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await withDatabase(path, async (db) => {
      const lock = await acquireRunLock(db, command, { waitSeconds, signal: stop.signal }).catch((error: unknown) => {
        throw stop.signal.aborted ? stopped(stop.signal.reason) : error;
      });
      const onLost = () => stop.abort('lock-lost');
      lock.lost.addEventListener('abort', onLost);
      try {
        const result = await work(db, randomUUID(), stop.signal);
        if (stop.signal.aborted) throw stopped(stop.signal.reason);
        return result;
      } finally {
        lock.lost.removeEventListener('abort', onLost);
        lock.release();
      }
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function stopped(reason: unknown): HeartlineError {
  if (reason === 'SIGINT' || reason === 'SIGTERM') return new Interrupted(reason);
  return new HeartlineError(
    'E_LOCKED',
    'this run lost the database lock (its lease ran out unrenewed, or heartline unlock removed it) and stopped; batches committed before are kept',
    {},
    'make sure only one heartline writes to this database at a time, then run the same command again',
  );
}
