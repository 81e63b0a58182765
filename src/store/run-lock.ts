import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { HeartlineError } from '../errors.js';
import type { Database } from './database.js';
import { now } from './import-ledger.js';

/**
 * How long a lock holds without being renewed. The holder renews it every RENEW_MS while it works (between
 * batches, which take well under a second), so a lock whose lease ran out belongs to a process that is gone
 * — killed, on another host, or on this one before a reboot that reused its pid — and is taken over.
 */
export const LEASE_MS = 60_000;
export const RENEW_MS = 10_000;

/** The run holding the lock, as `status` and `unlock` show it. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
  /** When the holder last renewed its lease, and when the lease runs out (null: a lock from before leases). */
  renewedAt: string | null;
  leaseUntil: string | null;
  /** Why it no longer counts, if it does not: its lease ran out, or its process is gone from this host. */
  stale: 'lease expired' | 'process gone' | null;
  /** On PostgreSQL: held by a database session (an advisory lock), freed by the server when the process ends. */
  session?: boolean;
}

interface LockRow {
  pid: number;
  host: string;
  command: string;
  started_at: string;
  token: string | null;
  renewed_at: string | null;
  lease_until: string | null;
}

export interface LockOptions {
  /** Seconds to wait for another run to finish; 0 fails at once. */
  waitSeconds?: number;
  /** Stops waiting (SIGINT, SIGTERM while waiting for another run). */
  signal?: AbortSignal;
}

export interface RunLock {
  /** Gives the lock up (only if it is still ours). */
  release(): void;
  /** Fires if the lock stops being ours: another process took it over, or `heartline unlock` removed it. */
  lost: AbortSignal;
}

/**
 * One writer at a time. The lock is a row in the database, so it travels with the file; it holds a lease the
 * holder renews while it works. A row whose lease ran out, or left by a process that no longer exists on this
 * host (kill -9, power loss), is taken over.
 */
export async function acquireRunLock(db: Database, command: string, options: LockOptions = {}): Promise<RunLock> {
  const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
  const token = randomUUID();
  for (;;) {
    const holder = tryAcquire(db, command, token);
    if (!holder) return holdLock(db, token);
    if (Date.now() >= deadline) {
      const lease = holder.leaseUntil ? `; its lease runs until ${holder.leaseUntil}` : '';
      throw new HeartlineError(
        'E_LOCKED',
        `another heartline ${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}) is using this database${lease}`,
        { file: db.name },
        'wait for it to finish, or pass --wait SECONDS; a lock whose holder is gone frees itself when its lease runs out (see heartline unlock)',
      );
    }
    await sleep(250, undefined, options.signal ? { signal: options.signal } : {});
  }
}

/** The lock row as it stands, live or stale; undefined when no run holds it. */
export function readRunLock(db: Database): LockHolder | undefined {
  const row = selectLock(db);
  return row && holderOf(row);
}

/**
 * Removes the lock whoever holds it (`heartline unlock --yes`), marking the runs it left `running` as
 * interrupted. A holder that is still alive notices at its next renewal and stops.
 */
export function removeRunLock(db: Database): LockHolder | undefined {
  return db.transaction(() => {
    const row = selectLock(db);
    if (!row) return undefined;
    db.prepare('DELETE FROM run_lock WHERE id = 1').run();
    markInterrupted(db, 'the lock was removed by heartline unlock; rows committed before are kept');
    return holderOf(row);
  }).immediate();
}

function selectLock(db: Database): LockRow | undefined {
  return db
    .prepare<LockRow>('SELECT pid, host, command, started_at, token, renewed_at, lease_until FROM run_lock WHERE id = 1')
    .get();
}

function holderOf(row: LockRow): LockHolder {
  return {
    pid: row.pid,
    host: row.host,
    command: row.command,
    startedAt: row.started_at,
    renewedAt: row.renewed_at,
    leaseUntil: row.lease_until,
    stale: staleness(row),
  };
}

/** Why a lock row no longer counts. A row without a lease was written before leases: nobody renews it. */
function staleness(row: LockRow): LockHolder['stale'] {
  if (row.host === hostname() && !isAlive(row.pid)) return 'process gone';
  if (row.lease_until === null || Date.parse(row.lease_until) < Date.now()) return 'lease expired';
  return null;
}

function tryAcquire(db: Database, command: string, token: string): LockHolder | undefined {
  // A live holder is answered from a plain read, at once, without waiting for its batch to commit.
  const held = selectLock(db);
  if (held && held.token !== token && staleness(held) === null) return holderOf(held);
  // IMMEDIATE, and read again: two runs starting at once must not both see "free" and both write the row.
  return db.transaction(() => {
    const row = selectLock(db);
    if (row && row.token !== token && staleness(row) === null) return holderOf(row);
    const at = now();
    db.prepare(
      `INSERT OR REPLACE INTO run_lock (id, pid, host, command, started_at, token, renewed_at, lease_until)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(process.pid, hostname(), command, at, token, at, leaseEnd());
    // Whatever a dead holder left running is over: say so in the ledger.
    markInterrupted(db, 'the process stopped before the end (killed or crashed); rows it committed are kept');
    return undefined;
  }).immediate();
}

function markInterrupted(db: Database, why: string): void {
  db.prepare("UPDATE import_runs SET status = 'interrupted', finished_at = ?, error = ? WHERE status = 'running'").run(now(), why);
}

const leaseEnd = () => new Date(Date.now() + LEASE_MS).toISOString();

/** The lock, renewed every RENEW_MS until released; `lost` fires if a renewal finds it is no longer ours. */
function holdLock(db: Database, token: string): RunLock {
  const lost = new AbortController();
  const renew = db.prepare('UPDATE run_lock SET renewed_at = ?, lease_until = ? WHERE id = 1 AND token = ?');
  const timer = setInterval(() => {
    try {
      if (renew.run(now(), leaseEnd(), token).changes === 0) {
        clearInterval(timer);
        lost.abort('lock-lost');
      }
    } catch {
      // Busy or a full disk: try again at the next tick; the lease has time to spare.
    }
  }, RENEW_MS);
  // The timer must not keep a finished process alive.
  timer.unref();
  return {
    lost: lost.signal,
    release: () => {
      clearInterval(timer);
      try {
        db.prepare('DELETE FROM run_lock WHERE id = 1 AND token = ?').run(token);
      } catch {
        // The disk refused even this (full, read-only): the row stays, its lease runs out, and the next run
        // takes it over. The error that brought us here is the one to report, not this.
      }
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
