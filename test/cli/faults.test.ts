import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectHealthy, peek } from '../helpers/database-health.js';
import { fiveLanguageDump } from '../helpers/five-language-dump.js';
import { BIN, type CliResult, runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const ENV = { ...process.env, NO_COLOR: '1' };
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

function spawn(command: string, args: string[]): CliResult {
  const result = spawnSync(command, args, { encoding: 'utf8', env: ENV });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI as user `nobody`: these tests run as root (here and in CI), and root ignores file permissions. */
const asNobody = (args: string[]) => spawn('setpriv', [...NOBODY, process.execPath, BIN, ...args]);

/** The CLI with a file-size limit (RLIMIT_FSIZE, in KiB): writes past it fail as on a full disk. */
const withSizeLimit = (kib: number, args: string[]) =>
  spawn('bash', ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, BIN, ...args]);

/** setpriv exists, we may switch users, and `nobody` can reach the built CLI (not so if the clone is in /root). */
const canDropToNobody = spawn('setpriv', [...NOBODY, process.execPath, BIN, '--version']).status === 0;
const nobodyReason = 'needs root, setpriv, and a checkout user nobody can read';

/** Mounting a tiny tmpfs needs CAP_SYS_ADMIN: true on a root VM, usually not in a container. */
const canMount = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'heartline-mount-'));
  try {
    if (spawn('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status !== 0) return false;
    return spawn('umount', [dir]).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** A message for people: no stack trace, no "internal error". */
function expectNoStack(result: CliResult): void {
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

function ledger(db: string): { status: string; rows_read: number; inserted: number; error: string | null }[] {
  expectHealthy(db);
  const rows = peek<string>(db, "SELECT json_group_array(json_object('status', status, 'rows_read', rows_read, 'inserted', inserted, 'error', error)) FROM (SELECT * FROM import_runs ORDER BY id)");
  return JSON.parse(rows ?? '[]') as ReturnType<typeof ledger>;
}

function expectEveryRowOnce(db: string, rows: number): void {
  expect(peek(db, 'SELECT COUNT(*) FROM responses')).toBe(rows);
  expect(peek(db, 'SELECT COUNT(DISTINCT external_id) FROM responses')).toBe(rows);
}

/** `text` as a regular expression matching exactly itself. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const IOERR_HINT = 'check free space, the file-size limit (ulimit -f) and the disk, then run the same command again: rows already committed are kept';

describe('a missing database folder', () => {
  it('exits 1 naming the folder and how to create it; creates nothing; works once it exists', () => {
    const file = tmp.file('dump.csv', fiveLanguageDump(100));
    const dir = join(tmp.dir(), 'not', 'yet');
    const db = join(dir, 'h.db');
    const result = runCli(['run', file, '--db', db]);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: `heartline: [E_IO] ${db}: the database folder ${dir} does not exist\n  hint: create it first (mkdir -p ${dir}), or choose another --db\n`,
    });
    expect(existsSync(join(tmp.dir(), 'not'))).toBe(false);

    mkdirSync(dir, { recursive: true });
    expect(runCli(['run', file, '--db', db, '--no-summary']).status).toBe(0);
    expectEveryRowOnce(db, 100);
  }, 60_000);
});

describe('a read-only database folder', () => {
  it('/proc, read-only even for root: exits 1 saying the folder must be writable', () => {
    const result = runCli(['run', tmp.file('dump.csv', fiveLanguageDump(10)), '--db', '/proc/heartline.db']);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'heartline: [E_DATABASE] /proc/heartline.db: cannot open the database: the database file cannot be opened or created (SQLITE_CANTOPEN)\n' +
        '  hint: check that the folder /proc is writable by this user and that heartline.db is a file, or choose another --db\n',
    });
  }, 60_000);

  it.skipIf(!canDropToNobody)(`a new database where the user may not write: exits 1, creates nothing (${nobodyReason})`, () => {
    chmodSync(tmp.dir(), 0o755);
    const file = tmp.file('dump.csv', fiveLanguageDump(1_000));
    const dir = join(tmp.dir(), 'readonly');
    mkdirSync(dir, { mode: 0o555 });
    const db = join(dir, 'h.db');
    const result = asNobody(['run', file, '--db', db]);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        `heartline: [E_DATABASE] ${db}: cannot open the database: the database file cannot be opened or created (SQLITE_CANTOPEN)\n` +
        `  hint: check that the folder ${dir} is writable by this user and that h.db is a file, or choose another --db\n`,
    });
    expect(existsSync(db)).toBe(false);

    chmodSync(dir, 0o777);
    expect(asNobody(['run', file, '--db', db, '--no-summary']).status).toBe(0);
    expectEveryRowOnce(db, 1_000);
  }, 60_000);

  it.skipIf(!canDropToNobody)(`an existing database whose folder turned read-only: run and report exit 1, nothing changes (${nobodyReason})`, () => {
    chmodSync(tmp.dir(), 0o755);
    const dir = join(tmp.dir(), 'data');
    mkdirSync(dir);
    const db = join(dir, 'h.db');
    const all = tmp.file('all.csv', fiveLanguageDump(2_000));
    expect(runCli(['run', tmp.file('first.csv', fiveLanguageDump(1_000)), '--db', db, '--no-summary']).status).toBe(0);
    chmodSync(db, 0o666);
    chmodSync(dir, 0o555); // the file is writable, but SQLite cannot create h.db-wal and h.db-shm beside it
    const readonly =
      `cannot open the database: the database cannot be written (read-only file or folder) (SQLITE_READONLY_DIRECTORY)\n` +
      `  hint: let this user write h.db and its folder ${dir} (SQLite keeps -wal and -shm files beside the database), or choose another --db\n`;

    const run = asNobody(['run', all, '--db', db]);
    expect(run).toEqual({ status: 1, stdout: '', stderr: `heartline: [E_DATABASE] ${db}: ${readonly}` });
    const report = asNobody(['report', '--db', db]);
    expect(report).toEqual({ status: 1, stdout: '', stderr: `heartline: [E_DATABASE] ${db}: ${readonly}` });
    expect(ledger(db)).toEqual([expect.objectContaining({ status: 'ok', inserted: 1_000 })]);
    expectEveryRowOnce(db, 1_000);

    chmodSync(dir, 0o777);
    const rerun = asNobody(['run', all, '--db', db, '--no-summary']);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain('read 2000 = inserted 1000 + updated 0 + unchanged 1000 + rejected 0');
    expectEveryRowOnce(db, 2_000);
  }, 60_000);
});

describe('a file that is not a database', () => {
  it('exits 1 saying so and what to check; the file is left as it was', () => {
    const notes = tmp.file('notes.txt', 'not a database\n'.repeat(100));
    const result = runCli(['run', tmp.file('dump.csv', fiveLanguageDump(10)), '--db', notes]);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        `heartline: [E_DATABASE] ${notes}: not a Heartline database: the file is not an SQLite database at all (SQLITE_NOTADB)\n` +
        '  hint: check the --db path; Heartline creates the file itself when it does not exist\n',
    });
    expect(readFileSync(notes, 'utf8')).toBe('not a database\n'.repeat(100));
  }, 60_000);
});

describe('a full disk', () => {
  const ROWS = 4_000;
  const BATCH = 500;
  /** SQLite's extended code says which write failed (WRITE, SHMSIZE, TRUNCATE …): that varies, the advice not. */
  const ioError = (db: string, doing: string) =>
    new RegExp(
      `^${literal(`heartline: [E_DATABASE] ${db}: ${doing}: the disk refused a read or write (disk I/O error) (SQLITE_IOERR`)}` +
        `(_[A-Z]+)?${literal(`)\n  hint: ${IOERR_HINT}\n`)}$`,
    );

  /** After a failed import: nothing corrupt, whole batches kept, then a re-run with space completes them. */
  function expectResumable(file: string, db: string, failed: CliResult, error: RegExp): void {
    expect(failed.status).toBe(1);
    expectNoStack(failed);
    expect(failed.stderr).toMatch(error);
    expect(failed.stdout).toMatch(/— FAILED\n( {2}.*\n)*$/);
    const [run] = ledger(db);
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/^\[E_DATABASE\]/) });
    const kept = run!.inserted;
    expect(kept % BATCH).toBe(0);
    expect(kept).toBeLessThan(ROWS);
    expectEveryRowOnce(db, kept);

    const rerun = runCli(['run', file, '--db', db, '--no-summary', '--batch-size', String(BATCH)]);
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(`read ${ROWS} = inserted ${ROWS - kept} + updated 0 + unchanged ${kept} + rejected 0`);
    expect(ledger(db).map((r) => r.status)).toEqual(['failed', 'ok']);
    expectEveryRowOnce(db, ROWS);
  }

  it('a file-size limit hit mid-import: exits 1 naming the database and what to do; a re-run completes', () => {
    const file = tmp.file('dump.csv', fiveLanguageDump(ROWS));
    const db = join(tmp.dir(), 'h.db');
    const failed = withSizeLimit(1_000, ['run', file, '--db', db, '--no-summary', '--batch-size', String(BATCH)]);
    expectResumable(file, db, failed, ioError(db, `cannot import ${file}`));
  }, 120_000);

  it('no room to create the database: exits 1 with the same advice', () => {
    const db = join(tmp.dir(), 'h.db');
    const failed = withSizeLimit(8, ['run', tmp.file('dump.csv', fiveLanguageDump(10)), '--db', db]);
    expect(failed).toMatchObject({ status: 1, stdout: '' });
    expect(failed.stderr).toMatch(ioError(db, 'cannot open the database'));
  }, 60_000);

  it.skipIf(!canMount)('a real 1 MiB tmpfs fills up: exits 1 "the disk is full"; after growing it a re-run completes (needs mount)', () => {
    const file = tmp.file('dump.csv', fiveLanguageDump(ROWS));
    const disk = join(tmp.dir(), 'disk');
    mkdirSync(disk);
    expect(spawn('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]).status).toBe(0);
    try {
      const db = join(disk, 'h.db');
      const failed = runCli(['run', file, '--db', db, '--no-summary', '--batch-size', String(BATCH)]);
      const full =
        `heartline: [E_DATABASE] ${db}: cannot import ${file}: the disk is full (SQLITE_FULL)\n` +
        '  hint: free some space, then run the same command again: rows already committed are kept and not imported twice\n';
      expect(spawn('mount', ['-o', 'remount,size=64m', disk]).status).toBe(0);
      expectResumable(file, db, failed, new RegExp(`^${literal(full)}$`));
    } finally {
      spawn('umount', [disk]);
    }
  }, 120_000);
});

describe('a report that cannot be written', () => {
  it('into a missing folder or /proc: exits 1 naming the file and what to do, no stack', () => {
    const db = join(tmp.dir(), 'h.db');
    expect(runCli(['run', tmp.file('dump.csv', fiveLanguageDump(100)), '--db', db, '--no-summary']).status).toBe(0);
    const missing = join(tmp.dir(), 'reports', 'r.html');
    expect(runCli(['report', '--db', db, '--format', 'html', '--out', missing])).toEqual({
      status: 1,
      stdout: '',
      stderr: `heartline: [E_IO] ${missing}: cannot write the report (ENOENT)\n  hint: create the folder ${join(tmp.dir(), 'reports')} first, or write elsewhere\n`,
    });
    expect(runCli(['report', '--db', db, '--out', '/proc/r.txt'])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'heartline: [E_IO] /proc/r.txt: cannot write the report (ENOENT)\n  hint: let this user write there, or write elsewhere\n',
    });
  }, 60_000);
});

describe('an unreadable input file', () => {
  it('/proc/self/mem, unreadable even for root: exits 1, the run is recorded as failed', () => {
    const db = join(tmp.dir(), 'h.db');
    const result = runCli(['run', '/proc/self/mem', '--db', db, '--no-summary']);
    expect(result).toEqual({
      status: 1,
      stdout: '/proc/self/mem: read 0 = inserted 0 + updated 0 + unchanged 0 + rejected 0 — FAILED\n',
      stderr:
        'heartline: [E_IO] /proc/self/mem: cannot read input: EIO: i/o error, read\n' +
        '  hint: check that the file can be read (e.g. with cat) and that its disk is healthy\n',
    });
    expect(ledger(db)).toEqual([expect.objectContaining({ status: 'failed', rows_read: 0, error: expect.stringMatching(/^\[E_IO\]/) })]);
  }, 60_000);

  it.skipIf(!canDropToNobody)(`a file the user may not read: exits 1 saying so; readable again, it imports (${nobodyReason})`, () => {
    chmodSync(tmp.dir(), 0o755);
    const file = tmp.file('secret.csv', fiveLanguageDump(1_000));
    chmodSync(file, 0o000);
    const dir = join(tmp.dir(), 'data');
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    const db = join(dir, 'h.db');
    const result = asNobody(['run', file, '--db', db, '--no-summary']);
    expect(result).toEqual({
      status: 1,
      stdout: `${file}: read 0 = inserted 0 + updated 0 + unchanged 0 + rejected 0 — FAILED\n`,
      stderr:
        `heartline: [E_IO] ${file}: cannot read input: permission denied\n` +
        '  hint: let this user read the file (e.g. chmod a+r), or run heartline as a user who can\n',
    });
    expect(ledger(db)).toEqual([expect.objectContaining({ status: 'failed', rows_read: 0 })]);

    chmodSync(file, 0o644);
    expect(asNobody(['run', file, '--db', db, '--no-summary']).status).toBe(0);
    expect(ledger(db).map((r) => r.status)).toEqual(['failed', 'ok']);
    expectEveryRowOnce(db, 1_000);
  }, 60_000);
});
