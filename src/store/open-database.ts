import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { HeartlineError } from '../errors.js';
import { databaseError } from './database-error.js';
import type { Database } from './database.js';

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

/** Opens (creating if needed) a Heartline database in WAL mode and brings its schema up to date. */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  checkFolder(path);
  if (options.readonly && !existsSync(path)) {
    throw new HeartlineError('E_IO', 'no such database', { file: path }, 'run `heartline run FILE… --db PATH` first');
  }
  let db: Database;
  try {
    if (options.readonly && pendingMigrations(path)) {
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
    if (error instanceof HeartlineError) throw error;
    const known = databaseError(error, path, 'cannot open the database');
    if (known instanceof HeartlineError) throw known;
    throw new HeartlineError('E_DATABASE', `cannot open the database: ${(error as Error).message}`, { file: path });
  }
  return db;
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

function pendingMigrations(path: string): boolean {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    return current < (loadMigrations().at(-1)?.version ?? 0);
  } finally {
    db.close();
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
