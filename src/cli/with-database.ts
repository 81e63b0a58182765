import { randomUUID } from 'node:crypto';
import { HeartlineError, Interrupted } from '../errors.js';
import { databaseError } from '../store/database-error.js';
import type { Database } from '../store/database.js';
import { openDatabase } from '../store/open-database.js';
import { PgImportStore } from '../store/pg/pg-import-store.js';
import type { Postgres } from '../store/pg/postgres.js';
import { isPostgresUrl, postgresError } from '../store/pg/postgres-url.js';
import { type RunLock, acquireRunLock } from '../store/run-lock.js';
import { SqliteImportStore } from '../store/sqlite-import-store.js';
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

/**
 * As withDatabase, on a PostgreSQL database (`postgres://…`): a database without Heartline's schema is refused,
 * as an empty SQLite file is to a reading command — unless `write` (unlock), which may create it.
 */
export async function withPostgres<T>(url: string, work: (pg: Postgres) => Promise<T>, options: { write?: boolean } = {}): Promise<T> {
  const { openPostgres } = await import('../store/pg/postgres.js');
  const pg = await openPostgres(url, { readonly: !options.write });
  try {
    return await work(pg);
  } catch (error) {
    throw postgresError(error, pg.name, 'cannot read the database');
  } finally {
    await pg.close();
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
  return withStopSignals((stop) =>
    withDatabase(path, (db) => underLock(stop, acquireRunLock(db, command, { waitSeconds, signal: stop.signal }), (signal) => work(db, randomUUID(), signal))),
  );
}

/**
 * As withWriteLock, on either engine: a SQLite file, or a PostgreSQL database (`postgres://…`), where the
 * lock is a session advisory lock and errors of the server come out as E_DATABASE.
 */
export async function withImportStore<T>(
  target: string,
  command: string,
  waitSeconds: number,
  work: (store: SqliteImportStore | PgImportStore, invocation: string, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (!isPostgresUrl(target)) return withWriteLock(target, command, waitSeconds, (db, invocation, signal) => work(new SqliteImportStore(db), invocation, signal));
  return withStopSignals(async (stop) => {
    // The driver loads only for a URL: a SQLite run never pays for it.
    const [{ openPostgres }, { acquirePgRunLock }] = await Promise.all([import('../store/pg/postgres.js'), import('../store/pg/pg-run-lock.js')]);
    const pg = await openPostgres(target);
    try {
      return await underLock(stop, acquirePgRunLock(target, pg.name, command, { waitSeconds, signal: stop.signal }), (signal) =>
        work(new PgImportStore(pg), randomUUID(), signal));
    } catch (error) {
      throw postgresError(error, pg.name, 'cannot write the database');
    } finally {
      await pg.close();
    }
  });
}

/** Runs `work` holding the lock; a lost lock or a stop ends it as the caller's signal says. */
async function underLock<T>(stop: AbortController, acquiring: Promise<RunLock>, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const lock = await acquiring.catch((error: unknown) => {
    throw stop.signal.aborted ? stopped(stop.signal.reason) : error;
  });
  const onLost = () => stop.abort('lock-lost');
  lock.lost.addEventListener('abort', onLost);
  try {
    const result = await work(stop.signal);
    if (stop.signal.aborted) throw stopped(stop.signal.reason);
    return result;
  } finally {
    lock.lost.removeEventListener('abort', onLost);
    lock.release();
  }
}

/** SIGINT and SIGTERM abort the controller `work` is given; a second signal ends the process at once. */
export async function withStopSignals<T>(work: (stop: AbortController) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const onSignal = (name: StopSignal) => {
    if (stop.signal.aborted) process.exit(EXIT[name]);
    stop.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(stop);
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
