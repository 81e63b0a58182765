import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from '../../src/store/run-lock.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

function deadPid(): number {
  // A process that has exited: its pid is free (reuse within a test run is vanishingly unlikely).
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('acquireRunLock', () => {
  it('refuses while a live process holds the lock, naming it', async () => {
    const db = openTestDb(tmp.dir());
    db.prepare('INSERT INTO run_lock VALUES (1, ?, ?, ?, ?)').run(process.ppid, hostname(), 'run', '2026-01-01T00:00:00Z');
    await expect(acquireRunLock(db, 'run')).rejects.toMatchObject({
      code: 'E_LOCKED',
      message: expect.stringContaining(`pid ${process.ppid}`),
    });
  });

  it('takes over a lock left by a killed process and marks its run interrupted', async () => {
    const db = openTestDb(tmp.dir());
    db.prepare('INSERT INTO run_lock VALUES (1, ?, ?, ?, ?)').run(deadPid(), hostname(), 'run', '2026-01-01T00:00:00Z');
    db.prepare(
      "INSERT INTO import_runs (invocation, kind, file, source, started_at, status) VALUES ('x', 'feedback', 'a.csv', 'default', '2026-01-01', 'running')",
    ).run();
    const release = await acquireRunLock(db, 'run');
    expect(rows(db, 'SELECT pid FROM run_lock')).toEqual([{ pid: process.pid }]);
    expect(rows(db, 'SELECT status FROM import_runs')).toEqual([{ status: 'interrupted' }]);
    release();
    expect(rows(db, 'SELECT COUNT(*) AS n FROM run_lock')).toEqual([{ n: 0 }]);
  });

  it('waits for the holder when asked to', async () => {
    const db = openTestDb(tmp.dir());
    db.prepare('INSERT INTO run_lock VALUES (1, ?, ?, ?, ?)').run(process.ppid, hostname(), 'run', '2026-01-01T00:00:00Z');
    setTimeout(() => db.prepare('DELETE FROM run_lock').run(), 300);
    const release = await acquireRunLock(db, 'run', { waitSeconds: 5 });
    expect(rows(db, 'SELECT pid FROM run_lock')).toEqual([{ pid: process.pid }]);
    release();
  });
});
