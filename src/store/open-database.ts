import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { HeartlineError } from '../errors.js';
import { databaseError } from './database-error.js';
import type { Database } from './database.js';
import { displayUrl, isPostgresUrl } from './pg/postgres-url.js';

/** Migrations live beside the sources as plain SQL, numbered; `PRAGMA user_version` is the last applied. */
const MIGRATIONS_DIR = new URL('../../src/store/migrations/', import.meta.url);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(new URL(name, dir), 'utf8') }));
}

/** WAL pages (4 KiB each) between automatic checkpoints. */
const CHECKPOINT_PAGES = 16_384;

export interface OpenOptions {
  readonly?: boolean;
}

/** 'HRLN', in the SQLite header's application id (migration 9): this file is a Heartline database. */
export const HEARTLINE_APPLICATION_ID = 1213353038;

/**
 * Opens (creating if needed) a Heartline database in WAL mode and brings its schema up to date. Read-only,
 * it never creates or changes a file — except a Heartline database written by an older Heartline, which is
 * brought up to date once. A file that is not a Heartline database is refused before anything is written.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  // Another process creating, migrating or checkpointing the same file can make a step of opening answer
  // SQLITE_BUSY at once (a read-only connection during WAL recovery does not wait on the busy timeout): try
  // again for a while before calling the database locked.
  const deadline = Date.now() + OPEN_RETRY_MS;
  for (let pause = 50; ; pause = Math.min(pause * 2, 1_000)) {
    try {
      return openOnce(path, options);
    } catch (error) {
      if (error instanceof HeartlineError) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code) && Date.now() + pause <= deadline) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
        continue;
      }
      const known = databaseError(error, path, 'cannot open the database');
      if (known instanceof HeartlineError) throw known;
      throw new HeartlineError('E_DATABASE', `cannot open the database: ${(error as Error).message}`, { file: path });
    }
  }
}

/** How long opening keeps trying while another connection holds the file busy. */
const OPEN_RETRY_MS = 30_000;

function openOnce(path: string, options: OpenOptions): Database {
  checkPath(path);
  checkFolder(path);
  if (options.readonly && !existsSync(path)) {
    throw new HeartlineError('E_IO', 'no such database', { file: path }, 'run `heartline run FILE… --db PATH` first');
  }
  let db: Database | undefined;
  try {
    const found = existsSync(path) ? inspect(path) : { kind: 'new' as const };
    if (options.readonly && found.kind === 'new') {
      throw new HeartlineError('E_DATABASE', 'the file holds no Heartline data yet (an empty database)', { file: path },
        'import into it first: heartline run FILE… --db PATH');
    }
    if (options.readonly && found.kind === 'heartline' && found.pending) {
      // A database written by an older Heartline: bring it up to date once, then read it as asked.
      openDatabase(path).close();
    }
    db = new BetterSqlite3(path, { readonly: options.readonly ?? false }) as unknown as Database;
    db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode survives a killed process; only an OS crash can lose the last commits.
      db.pragma('synchronous = NORMAL');
      // Checkpoints copy the WAL into the database and sync both. SQLite's default (every 4 MB of WAL) made
      // commits ~10% of a large import; at 64 MB pages rewritten by many batches are copied once.
      db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
    }
    db.pragma('foreign_keys = ON');
    migrate(db, loadMigrations(), options.readonly ?? false);
  } catch (error) {
    db?.close();
    throw error;
  }
  return db;
}

/**
 * `--db ''` and `--db :memory:` open a database SQLite throws away at exit: an import would print "inserted
 * 150" and keep nothing. A folder is not a database file (SQLite's own message blames the disk).
 */
function checkPath(path: string): void {
  if (isPostgresUrl(path)) {
    throw new HeartlineError('E_USAGE', `a SQLite file was expected here, not a PostgreSQL URL (${displayUrl(path)})`, {},
      'every command that uses a database takes a PostgreSQL URL (docs/postgres.md); this one reached the SQLite store by mistake');
  }
  if (path.trim() === '' || path === ':memory:') {
    throw new HeartlineError('E_USAGE', `--db needs a file path, not ${path === '' ? 'an empty one' : `'${path}'`}: SQLite would keep the data in memory and throw it away at exit`);
  }
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // Missing (created later) or unreachable (checkFolder says which).
  }
  if (isFolder) {
    throw new HeartlineError('E_DATABASE', 'this is a folder, not a database file', { file: path },
      `name a file in it, e.g. --db ${join(path, 'heartline.db')}`);
  }
}

/** What an existing file is: a Heartline database (with migrations to apply?), a new one, or neither (refused). */
function inspect(path: string): { kind: 'new' } | { kind: 'heartline'; pending: boolean } {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true }) as unknown as Database;
  try {
    // One read transaction, so the header and the table list are one snapshot: read apart, a process
    // migrating a new file between them showed version 0 beside migration 1's tables ("another application's").
    return db.transaction(() => classify(db, path))();
  } finally {
    db.close();
  }
}

function classify(db: Database, path: string): { kind: 'new' } | { kind: 'heartline'; pending: boolean } {
  const id = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const pending = version < (loadMigrations().at(-1)?.version ?? 0);
  if (id === HEARTLINE_APPLICATION_ID) return { kind: 'heartline', pending };
  const tables = db
    .prepare<{ name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%' ORDER BY name")
    .all()
    .map((t) => t.name);
  if (tables.length === 0 && version === 0) return { kind: 'new' };
  // Heartline databases written before migration 9 have no application id: they have its ledger.
  if (id === 0 && version >= 1 && ['import_runs', 'responses', 'run_lock'].every((t) => tables.includes(t))) {
    return { kind: 'heartline', pending };
  }
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? `, … (${tables.length} in all)` : '');
  throw new HeartlineError(
    'E_DATABASE',
    `not a Heartline database: it is another application's SQLite file${tables.length > 0 ? ` (tables ${shown})` : ''}`,
    { file: path },
    'check the --db path; Heartline never writes into another application\'s database (give a new file name to start one)',
  );
}

/** The database's folder must exist and be reachable; SQLite's own message would only say "cannot open". */
function checkFolder(path: string): void {
  const dir = dirname(resolve(path));
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      throw new HeartlineError('E_IO', `the database folder ${dir} cannot be reached (${code})`, { file: path },
        'let this user enter every folder on the path, or choose another --db');
    }
  }
  if (!isDirectory) {
    throw new HeartlineError('E_IO', `the database folder ${dir} does not exist`, { file: path },
      `create it first (mkdir -p ${dir}), or choose another --db`);
  }
}

export function migrate(db: Database, migrations: Migration[], readonly = false): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new HeartlineError(
      'E_DATABASE',
      `the database has schema version ${current}, newer than this Heartline knows (${latest})`,
      { file: db.name },
      'upgrade Heartline',
    );
  }
  if (!migrations.some((m) => m.version > current)) return;
  if (readonly) {
    throw new HeartlineError('E_DATABASE', 'the database schema is out of date', { file: db.name }, 'run an import first');
  }
  for (const m of migrations) {
    // IMMEDIATE, and the version read again inside: two processes opening a new database at once must not
    // both apply a migration (the second would fail on "table already exists").
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
