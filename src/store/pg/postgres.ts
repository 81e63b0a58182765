import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { connectionConfig, displayUrl, postgresError } from './postgres-url.js';
import { HeartlineError } from '../../errors.js';

/**
 * A Heartline database on a PostgreSQL server: a small pool of connections to it, its schema brought up to
 * date on opening. `name` is the URL without its password, for messages.
 */
export interface Postgres {
  readonly pool: pg.Pool;
  readonly name: string;
  close(): Promise<void>;
}




const MIGRATIONS_DIR = new URL('../../../src/store/pg/migrations/', import.meta.url);
/** Any constant: the advisory lock key that serialises migrating a database (`HRLN` as an int). */
const MIGRATE_LOCK = 1213353038;

export function loadPgMigrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8') }));
}

/**
 * Connects and migrates. A database that holds other tables and no Heartline schema is refused, as a
 * foreign SQLite file is; several processes opening a new database at once migrate it once (advisory lock).
 */
export async function openPostgres(url: string, options: { readonly?: boolean; max?: number } = {}): Promise<Postgres> {
  const name = displayUrl(url);
  const pool = new pg.Pool({ ...connectionConfig(url), max: options.max ?? 4 });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await migrate(client, name, options.readonly ?? false);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresError(error, name, 'cannot open the database');
  }
  return { pool, name, close: () => pool.end() };
}

async function migrate(client: pg.PoolClient, name: string, readonly: boolean): Promise<void> {
  const migrations = loadPgMigrations();
  const latest = migrations.at(-1)?.version ?? 0;
  const version = async () => {
    const found = await client.query<{ present: boolean }>("SELECT to_regclass('heartline_schema') IS NOT NULL AS present");
    if (!found.rows[0]!.present) return 0;
    return (await client.query<{ version: number }>('SELECT max(version)::int AS version FROM heartline_schema')).rows[0]!.version ?? 0;
  };
  let current = await version();
  if (current > latest) {
    throw new HeartlineError('E_DATABASE', `the database has schema version ${current}, newer than this Heartline knows (${latest})`, { file: name }, 'upgrade Heartline');
  }
  if (current === latest) return;
  if (readonly && current > 0) {
    throw new HeartlineError('E_DATABASE', 'the database schema is out of date', { file: name }, 'import into it first: heartline run FILE… --db URL');
  }
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
  try {
    // Read again under the lock: another process may have created the schema meanwhile.
    current = await version();
    if (current === 0) {
      const tables = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()",
      );
      if (tables.rows[0]!.n > 0) {
        throw new HeartlineError('E_DATABASE', `not a Heartline database: its schema holds ${tables.rows[0]!.n} tables of another application`, { file: name },
          'check the --db URL; Heartline never writes into another application\'s database (create an empty database for it: createdb heartline)');
      }
      if (readonly) {
        throw new HeartlineError('E_DATABASE', 'the database holds no Heartline data yet', { file: name }, 'import into it first: heartline run FILE… --db URL');
      }
    }
    for (const m of migrations.filter((m) => m.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        if (m.version === 1) await client.query('CREATE TABLE heartline_schema (version integer PRIMARY KEY, applied_at text NOT NULL)');
        await client.query('INSERT INTO heartline_schema (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]);
  }
}

