import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { HeartlineError } from '../errors.js';
import type { Database } from './database.js';

interface LockRow {
  pid: number;
  host: string;
  command: string;
  started_at: string;
}

export interface LockOptions {
  /** Seconds to wait for another run to finish; 0 fails at once. */
  waitSeconds?: number;
}

/**
 * One writer at a time. The lock is a row in the database, so it travels with the file; a row left by a
 * process that no longer exists on this host (kill -9, power loss) is taken over.
 */
export async function acquireRunLock(db: Database, command: string, options: LockOptions = {}): Promise<() => void> {
  const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
  for (;;) {
    const holder = tryAcquire(db, command);
    if (!holder) return () => releaseRunLock(db);
    if (Date.now() >= deadline) {
      throw new HeartlineError(
        'E_LOCKED',
        `another heartline ${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.started_at}) is using this database`,
        { file: db.name },
        'wait for it to finish, or pass --wait SECONDS',
      );
    }
    await sleep(250);
  }
}

function tryAcquire(db: Database, command: string): LockRow | undefined {
  // A live holder is answered from a plain read, at once, without waiting for its batch to commit.
  const held = liveHolder(db);
  if (held) return held;
  // IMMEDIATE, and read again: two runs starting at once must not both see "free" and both write the row.
  return db.transaction(() => {
    const row = liveHolder(db);
    if (row) return row;
    db.prepare('INSERT OR REPLACE INTO run_lock (id, pid, host, command, started_at) VALUES (1, ?, ?, ?, ?)').run(
      process.pid,
      hostname(),
      command,
      new Date().toISOString(),
    );
    // Whatever a dead holder left running is over: say so in the ledger.
    db.prepare(
      "UPDATE import_runs SET status = 'interrupted', finished_at = ?, error = 'the process stopped before the end (killed or crashed); rows it committed are kept' WHERE status = 'running'",
    ).run(new Date().toISOString());
    return undefined;
  }).immediate();
}

/** The lock row, unless it is free, ours, or left by a process that no longer exists on this host. */
function liveHolder(db: Database): LockRow | undefined {
  const row = db.prepare('SELECT pid, host, command, started_at FROM run_lock WHERE id = 1').get() as LockRow | undefined;
  if (!row || (row.host === hostname() && (row.pid === process.pid || !isAlive(row.pid)))) return undefined;
  return row;
}

function releaseRunLock(db: Database): void {
  try {
    db.prepare('DELETE FROM run_lock WHERE id = 1 AND pid = ? AND host = ?').run(process.pid, hostname());
  } catch {
    // The disk refused even this (full, read-only): the row stays, names a process that is about to exit,
    // and the next run takes it over. The error that brought us here is the one to report, not this.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
