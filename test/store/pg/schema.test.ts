import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/open-database.js';
import { openPostgres } from '../../../src/store/pg/postgres.js';
import { postgresAvailable, useEngines } from '../../helpers/engines.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tmp = useTempDir();
const engines = useEngines();

/** What only a shared server has: the workers, their leases, and its own schema version table. */
const POSTGRES_ONLY = ['analysis_leases', 'heartline_schema', 'workers'];

describe.skipIf(!postgresAvailable())('the PostgreSQL schema', () => {
  it('has the same tables, views and columns as SQLite\'s migrations make, in the same order', async () => {
    const path = join(tmp.dir(), 'schema.db');
    const sqlite = openDatabase(path);
    const sqliteColumns = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%' ORDER BY name").all() as { name: string }[])
      .map(({ name }) => `${name}: ${(sqlite.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name).join(', ')}`);
    sqlite.close();

    const url = await engines[1]!.fresh(tmp.dir());
    const pg = await openPostgres(url);
    const rows = (await pg.pool.query<{ table_name: string; columns: string }>(
      `SELECT table_name, string_agg(column_name, ', ' ORDER BY ordinal_position) AS columns FROM information_schema.columns
       WHERE table_schema = current_schema() GROUP BY table_name ORDER BY table_name COLLATE "C"`,
    )).rows;
    await pg.close();
    const pgColumns = rows.filter((r) => !POSTGRES_ONLY.includes(r.table_name)).map((r) => `${r.table_name}: ${r.columns}`);
    expect(pgColumns).toEqual(sqliteColumns);
    expect(rows.map((r) => r.table_name).filter((t) => POSTGRES_ONLY.includes(t))).toEqual(POSTGRES_ONLY);
  });

  it('is created once when several processes open a new database at once', async () => {
    const url = await engines[1]!.fresh(tmp.dir());
    const opened = await Promise.all([1, 2, 3, 4].map(() => openPostgres(url)));
    const versions = (await opened[0]!.pool.query<{ version: number }>('SELECT version FROM heartline_schema')).rows;
    await Promise.all(opened.map((pg) => pg.close()));
    expect(versions).toEqual([{ version: 1 }]);
  });
});
