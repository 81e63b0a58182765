import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { LEASE_MS, RENEW_MS, acquireRunLock, readRunLock, removeRunLock } from '../../src/store/run-lock.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

afterEach(() => {
  vi.useRealTimers();
});

function deadPid(): number {
  // A process that has exited: its pid is free (reuse within a test run is vanishingly unlikely).
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

/** A lock row as another heartline would have written it; the lease runs out `leaseMs` from now (null: none). */
function lockHeldBy(db: Database, pid: number, host: string, leaseMs: number | null): void {
  const lease = leaseMs === null ? null : new Date(Date.now() + leaseMs).toISOString();
  db.prepare(
    `INSERT OR REPLACE INTO run_lock (id, pid, host, command, started_at, token, renewed_at, lease_until)
     VALUES (1, ?, ?, 'run', '2020-01-01T00:00:00.000Z', 'their-token', '2020-01-01T00:00:00.000Z', ?)`,
  ).run(pid, host, lease);
}

function runningRun(db: Database): void {
  db.prepare(
    "INSERT INTO import_runs (invocation, kind, file, source, started_at, status) VALUES ('x', 'feedback', 'a.csv', 'default', '2020-01-01', 'running')",
  ).run();
}

describe('acquireRunLock', () => {
  it('refuses while a live process holds the lock with a current lease, naming it and its lease', async () => {
    const db = openTestDb(tmp.dir());
    lockHeldBy(db, process.ppid, hostname(), LEASE_MS);
    await expect(acquireRunLock(db, 'run')).rejects.toMatchObject({
      code: 'E_LOCKED',
      message: expect.stringMatching(new RegExp(`pid ${process.ppid} on ${hostname()}, since 2020-01-01.*; its lease runs until 20`)),
    });
  });

  it('refuses a lock held from another host while its lease is current', async () => {
    const db = openTestDb(tmp.dir());
    lockHeldBy(db, 4242, 'other-host', LEASE_MS);
    await expect(acquireRunLock(db, 'run')).rejects.toMatchObject({ code: 'E_LOCKED', message: expect.stringContaining('on other-host') });
  });

  it.each([
    ['a killed process on this host', (): number => deadPid(), hostname(), LEASE_MS],
    ['another host, lease run out', (): number => 4242, 'other-host', -1000],
    ['a pid reused after a reboot (alive, lease run out)', (): number => process.ppid, hostname(), -1000],
    ['a lock written before leases (no lease)', (): number => process.ppid, 'other-host', null],
  ] as const)('takes over a stale lock (%s) and marks its run interrupted', async (_, pid, host, lease) => {
    const db = openTestDb(tmp.dir());
    lockHeldBy(db, pid(), host, lease);
    runningRun(db);
    expect(readRunLock(db)?.stale).not.toBeNull();
    const lock = await acquireRunLock(db, 'run');
    expect(rows(db, 'SELECT pid, host FROM run_lock')).toEqual([{ pid: process.pid, host: hostname() }]);
    expect(rows(db, 'SELECT status FROM import_runs')).toEqual([{ status: 'interrupted' }]);
    lock.release();
    expect(rows(db, 'SELECT COUNT(*) AS n FROM run_lock')).toEqual([{ n: 0 }]);
  });

  it('waits for the holder when asked to', async () => {
    const db = openTestDb(tmp.dir());
    lockHeldBy(db, process.ppid, hostname(), LEASE_MS);
    setTimeout(() => db.prepare('DELETE FROM run_lock').run(), 300);
    const lock = await acquireRunLock(db, 'run', { waitSeconds: 5 });
    expect(rows(db, 'SELECT pid FROM run_lock')).toEqual([{ pid: process.pid }]);
    lock.release();
  });

  it('renews its lease while held, and says so when the lock is taken from it', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-01T00:00:00Z') });
    const db = openTestDb(tmp.dir());
    const lock = await acquireRunLock(db, 'nightly');
    expect(readRunLock(db)).toMatchObject({ leaseUntil: new Date(Date.now() + LEASE_MS).toISOString(), stale: null });
    vi.advanceTimersByTime(5 * RENEW_MS);
    expect(readRunLock(db)).toMatchObject({ renewedAt: '2026-03-01T00:00:50.000Z', leaseUntil: '2026-03-01T00:01:50.000Z', stale: null });
    expect(lock.lost.aborted).toBe(false);
    // heartline unlock --yes removes it: the next renewal finds it gone.
    expect(removeRunLock(db)).toMatchObject({ pid: process.pid, command: 'nightly' });
    vi.advanceTimersByTime(RENEW_MS);
    expect(lock.lost.aborted).toBe(true);
    lock.release();
  });
});
