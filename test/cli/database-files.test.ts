import { readFileSync, mkdirSync, openSync, readdirSync, statSync, writeSync, closeSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { peek } from '../helpers/database-health.js';
import { fiveLanguageDump } from '../helpers/five-language-dump.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

/** Issue #11, items 7, 9, 12 and 13: what every command does with a database file that is not right. */
const tmp = useTempDir();

/** Every command that opens the database, with the arguments it needs besides --db. */
const COMMANDS: [string, (dump: string) => string[]][] = [
  ['run', (dump) => ['run', dump, '--no-summary']],
  ['import-scores', () => ['import-scores', tmp.file('scores.csv', 'id,nps\n1,9\n')]],
  ['reanalyze', () => ['reanalyze']],
  ['report', () => ['report']],
  ['status', () => ['status']],
  ['summary', () => ['summary']],
  ['rejects', () => ['rejects']],
  ['suggest', () => ['suggest']],
  ['forget', () => ['forget', '--run', '1']],
  ['unlock', () => ['unlock']],
];

const READERS = ['report', 'status', 'summary', 'rejects', 'suggest'];

/** A Heartline database whose every page but the first (the schema) is overwritten: reading any table fails. */
function corruptDatabase(): string {
  const path = join(tmp.dir(), 'corrupt.db');
  const heartline = openDatabase(path);
  const runId = heartline.prepare("INSERT INTO import_runs (invocation, kind, file, source, started_at, status) VALUES ('i', 'feedback', 'a.csv', 's', '2025-01-01', 'ok')").run().lastInsertRowid;
  const insert = heartline.prepare(
    `INSERT INTO responses (source, external_id, text, score, row_hash, file, line, first_run_id, last_run_id, imported_at, updated_at)
     VALUES ('s', ?, ?, 9, 'h', 'a.csv', 1, ?, ?, '2025-01-01', '2025-01-01')`,
  );
  heartline.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(String(i), `Спасибо, всё супер ${i}`, runId, runId);
  })();
  heartline.close();
  const db = new BetterSqlite3(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  for (let at = pageSize; at < size; at += pageSize) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, at);
  closeSync(fd);
  return path;
}

/** Another application's SQLite file: a users table, in rollback-journal mode. */
function foreignDatabase(): string {
  const path = join(tmp.dir(), 'crm.sqlite');
  const db = new BetterSqlite3(path);
  db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO users (email) VALUES ('anna@example.se')");
  db.close();
  return path;
}

describe('a corrupt database (item 7)', () => {
  it.each(COMMANDS)('%s answers with the same E_DATABASE message, no stack trace', (name, args) => {
    const db = corruptDatabase();
    const result = runCli([...args(tmp.file('more.csv', fiveLanguageDump(10))), '--db', db]);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // unlock reads only the lock row, which may still be readable; everything else meets the corruption.
    if (name === 'unlock' && result.status === 0) return;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `heartline: [E_DATABASE] ${db}: the database file is corrupt (SQLITE_CORRUPT)\n  hint: restore it from a backup, or import the dumps again into a new --db\n`,
    );
  }, 60_000);
});

describe('--db naming a folder (item 7)', () => {
  it.each(COMMANDS)('%s says it is a folder', (_, args) => {
    const folder = join(tmp.dir(), 'exports');
    mkdirSync(folder);
    const result = runCli([...args(tmp.file('dump.csv', fiveLanguageDump(10))), '--db', folder]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `heartline: [E_DATABASE] ${folder}: this is a folder, not a database file\n  hint: name a file in it, e.g. --db ${join(folder, 'heartline.db')}\n`,
    );
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);
});

describe("--db '' and --db :memory: (item 12)", () => {
  it.each([
    ['', "an empty one"],
    [':memory:', "':memory:'"],
  ])('%j is refused before anything is imported (exit 2)', (db, shown) => {
    const result = runCli(['run', tmp.file('dump.csv', fiveLanguageDump(150)), '--db', db], { cwd: tmp.dir() });
    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr: `heartline: [E_USAGE] --db needs a file path, not ${shown}: SQLite would keep the data in memory and throw it away at exit\n`,
    });
  });
});

describe("another application's SQLite file (item 13)", () => {
  it.each(COMMANDS)('%s refuses it, naming it, and leaves it byte for byte as it was', (_, args) => {
    const db = foreignDatabase();
    const before = readFileSync(db);
    const result = runCli([...args(tmp.file('dump.csv', fiveLanguageDump(10))), '--db', db]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `heartline: [E_DATABASE] ${db}: not a Heartline database: it is another application's SQLite file (tables orders, users)\n` +
        "  hint: check the --db path; Heartline never writes into another application's database (give a new file name to start one)\n",
    );
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  }, 60_000);

  it.each(READERS)('%s on a missing file creates nothing', (name) => {
    const db = join(tmp.dir(), 'typo.db');
    const result = runCli([name, '--db', db]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`[E_IO] ${db}: no such database`);
    expect(existsSync(db)).toBe(false);
  });

  it.each(READERS)('%s on an empty file says it holds no Heartline data, and leaves it empty', (name) => {
    const db = tmp.file('empty.db', '');
    const result = runCli([name, '--db', db]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`[E_DATABASE] ${db}: the file holds no Heartline data yet (an empty database)`);
    expect(statSync(db).size).toBe(0);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('a Heartline database is marked as one (application id) and read commands open it read-only', () => {
    const db = join(tmp.dir(), 'h.db');
    expect(runCli(['run', tmp.file('dump.csv', fiveLanguageDump(20)), '--db', db, '--no-summary']).status).toBe(0);
    expect(peek<number>(db, 'PRAGMA application_id')).toBe(Buffer.from('HRLN').readInt32BE(0));
    const handle = openDatabase(db, { readonly: true });
    expect(handle.readonly).toBe(true);
    handle.close();
  });
});

describe('heartline unlock and the lease in status (item 9)', () => {
  function lockedDatabase(pid: number, host: string, leaseMs: number): string {
    const db = join(tmp.dir(), 'h.db');
    const handle = openDatabase(db);
    handle
      .prepare(
        `INSERT INTO run_lock (id, pid, host, command, started_at, token, renewed_at, lease_until)
         VALUES (1, ?, ?, 'nightly', '2020-01-01T02:15:00.000Z', 'x', '2020-01-01T02:16:00.000Z', ?)`,
      )
      .run(pid, host, new Date(Date.now() + leaseMs).toISOString());
    handle.prepare("INSERT INTO import_runs (invocation, kind, file, source, started_at, status) VALUES ('x', 'feedback', 'a.csv', 's', '2020-01-01', 'running')").run();
    handle.close();
    return db;
  }

  it('shows the holder and removes the lock only with --yes', () => {
    const db = lockedDatabase(4242, 'batch-01', 3_600_000);
    const lease = peek<string>(db, 'SELECT lease_until FROM run_lock');
    const holder =
      `locked by heartline nightly (pid 4242 on batch-01, since 2020-01-01T02:15:00.000Z; lease renewed 2020-01-01T02:16:00.000Z, ` +
      `runs until ${lease}): its lease is current: that run looks alive\n`;
    expect(runCli(['status', '--db', db]).stdout).toContain(holder);
    expect(runCli(['run', tmp.file('more.csv', fiveLanguageDump(5)), '--db', db]).status).toBe(4);

    const asked = runCli(['unlock', '--db', db]);
    expect(asked).toEqual({ status: 2, stdout: `${holder}to remove it: heartline unlock --db ${db} --yes\n`, stderr: '' });
    expect(peek<number>(db, 'SELECT COUNT(*) FROM run_lock')).toBe(1);

    const done = runCli(['unlock', '--db', db, '--yes']);
    expect(done).toEqual({ status: 0, stdout: `${holder}removed the lock; runs it left running are marked interrupted\n`, stderr: '' });
    expect(peek<number>(db, 'SELECT COUNT(*) FROM run_lock')).toBe(0);
    expect(peek<string>(db, 'SELECT status FROM import_runs ORDER BY id DESC LIMIT 1')).toBe('interrupted');
    expect(runCli(['unlock', '--db', db])).toEqual({ status: 0, stdout: `no run holds the lock on ${db}\n`, stderr: '' });
    expect(runCli(['run', tmp.file('more.csv', fiveLanguageDump(5)), '--db', db, '--no-summary']).status).toBe(0);
  });

  it('a lock from another host whose lease ran out no longer blocks a run (it used to: exit 4 "since 2020" for good)', () => {
    const db = lockedDatabase(4242, 'batch-01', -60_000);
    expect(runCli(['status', '--db', db]).stdout).toContain('its lease ran out: the next run takes the lock over');
    const result = runCli(['run', tmp.file('more.csv', fiveLanguageDump(5)), '--db', db, '--no-summary']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(peek<number>(db, 'SELECT COUNT(*) FROM run_lock')).toBe(0);
  });

  it('a pid reused after a reboot (alive, same host) with a lapsed lease does not block either', () => {
    const db = lockedDatabase(process.pid, hostname(), -60_000);
    expect(runCli(['run', tmp.file('more.csv', fiveLanguageDump(5)), '--db', db, '--no-summary']).status).toBe(0);
  });
});
