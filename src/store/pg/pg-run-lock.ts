import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { HeartlineError } from '../../errors.js';
import { now } from '../import-ledger.js';
import { connectionConfig } from './postgres-url.js';
import type { LockHolder, LockOptions, RunLock } from '../run-lock.js';

/** The advisory lock key of the run lock (any constant; 'HLRN'). */
const RUN_LOCK_KEY = 1212960334;

/**
 * One writer at a time on a PostgreSQL database: a session advisory lock, held on a connection of its own
 * for the whole run. The server frees it the moment that connection ends — a run killed with -9, or its
 * machine gone, blocks nobody, and no lease is needed. The `run_lock` row only says who holds it, for the
 * message of a run that has to wait. Workers never take it: they claim responses, not the database.
 */
export async function acquirePgRunLock(url: string, name: string, command: string, options: LockOptions = {}): Promise<RunLock> {
  const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
  // The driver loads here, not with the module: status and unlock on a SQLite file never need it.
  const { default: driver } = await import('pg');
  const client = new driver.Client(connectionConfig(url, 'heartline run lock'));
  const lost = new AbortController();
  client.on('error', () => lost.abort('lock-lost'));
  await client.connect();
  try {
    for (;;) {
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RUN_LOCK_KEY]);
      if (got.rows[0]!.ok) break;
      if (Date.now() >= deadline) {
        // The holder may have taken the lock a moment ago and not yet written who it is: give it a moment.
        const holder = await readPgRunLock(client, 2_000);
        const who = holder && holder.pid > 0 ? `another heartline ${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt})` : 'another heartline run';
        throw new HeartlineError('E_LOCKED', `${who} is using this database`, { file: name },
          'wait for it to finish, or pass --wait SECONDS; the lock is freed as soon as its process ends, even when killed');
      }
      await sleep(250, undefined, options.signal ? { signal: options.signal } : {});
    }
    const at = now();
    await client.query('BEGIN');
    // The token names the server session holding the advisory lock, so a reader matches the row to the lock
    // and never names the holder before this one (a row left by a killed run) as the holder.
    await client.query(
      `INSERT INTO run_lock (id, pid, host, command, started_at, token, renewed_at, lease_until)
       VALUES (1, $1, $2, $3, $4, 'pg-backend:' || pg_backend_pid(), $4, NULL)
       ON CONFLICT (id) DO UPDATE SET pid = $1, host = $2, command = $3, started_at = $4, token = 'pg-backend:' || pg_backend_pid(),
         renewed_at = $4, lease_until = NULL`,
      [process.pid, hostname(), command, at],
    );
    // Whatever a dead holder left running is over: say so in the ledger.
    await client.query("UPDATE import_runs SET status = 'interrupted', finished_at = $1, error = $2 WHERE status = 'running'",
      [at, 'the process stopped before the end (killed or crashed); rows it committed are kept']);
    await client.query('COMMIT');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    lost: lost.signal,
    release: () => {
      // The row first, then the session (which frees the advisory lock even if the delete fails).
      void client
        .query('DELETE FROM run_lock WHERE id = 1 AND pid = $1 AND host = $2', [process.pid, hostname()])
        .catch(() => undefined)
        .finally(() => client.end().catch(() => undefined));
    },
  };
}

/**
 * Who holds the run lock, if anyone: the row written by the session that holds the advisory lock. A holder
 * that has just taken the lock may not have written its row yet: wait up to `waitMs` for it.
 */
export async function readPgRunLock(client: pg.Client | pg.Pool, waitMs = 2_000): Promise<LockHolder | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const result = await client.query<{ backend: number | null; pid: number | null; host: string; command: string; started_at: string; renewed_at: string | null }>(
      `SELECT l.pid AS backend, r.pid, r.host, r.command, r.started_at, r.renewed_at
       FROM pg_locks AS l LEFT JOIN run_lock AS r ON r.id = 1 AND r.token = 'pg-backend:' || l.pid
       WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1 AND l.granted
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [RUN_LOCK_KEY],
    );
    const row = result.rows[0];
    if (!row) return undefined;
    if (row.pid !== null) {
      return { pid: row.pid, host: row.host, command: row.command, startedAt: row.started_at, renewedAt: row.renewed_at, leaseUntil: null, stale: null, session: true };
    }
    if (Date.now() >= deadline) {
      // Held, but the holder has not said who it is (pid 0): callers word it as a run that is starting.
      return { pid: 0, host: '', command: 'run', startedAt: '', renewedAt: null, leaseUntil: null, stale: null, session: true };
    }
    await sleep(50);
  }
}

/**
 * `heartline unlock --yes` on PostgreSQL: ends the database session that holds the run lock (its process then
 * stops as a run that lost its lock does) and marks the runs it left running as interrupted.
 */
export async function removePgRunLock(pool: pg.Pool): Promise<void> {
  await pool.query(
    `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [RUN_LOCK_KEY],
  );
  await pool.query('DELETE FROM run_lock WHERE id = 1');
  await pool.query("UPDATE import_runs SET status = 'interrupted', finished_at = $1, error = $2 WHERE status = 'running'",
    [now(), 'the lock was removed by heartline unlock; rows committed before are kept']);
}
