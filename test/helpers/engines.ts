import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll } from 'vitest';
import { connectionConfig, databaseName, withDatabaseName } from '../../src/store/pg/postgres-url.js';

/**
 * The PostgreSQL server the engine tests use: HEARTLINE_TEST_PG (a URL naming a database the tests may
 * create databases from; .ci/run starts Debian's cluster and sets it), else the local cluster's socket when
 * there is one. Without either, the PostgreSQL half of the suite is skipped, and says so.
 */
export const TEST_PG_URL: string | undefined =
  process.env['HEARTLINE_TEST_PG'] ?? (existsSync('/var/run/postgresql/.s.PGSQL.5432') ? 'postgres:///postgres?host=/var/run/postgresql' : undefined);

/** A database on the test server, by name. */
const databaseUrl = (name: string) => withDatabaseName(TEST_PG_URL!, name);

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(connectionConfig(TEST_PG_URL!));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  /** A new, empty database for this test: a file path or a URL. */
  fresh(dir: string): Promise<string>;
  /** Rows of a query on that database (for checks; the store's own SQL is what is tested). */
  query<T = Record<string, unknown>>(db: string, sql: string): Promise<T[]>;
  /** Removes a database made by `fresh` at once (a file's folder is removed with the test's temporary folder). */
  drop(db: string): Promise<void>;
}

const created: string[] = [];

// Counts come back from PostgreSQL as bigint, which pg gives as strings: the checks compare numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

const sqlite: Engine = {
  name: 'sqlite',
  fresh: async (dir) => join(dir, `h-${randomBytes(4).toString('hex')}.db`),
  query: async <T>(db: string, sql: string) => {
    const conn = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare(sql).all() as T[];
    } finally {
      conn.close();
    }
  },
  drop: async () => undefined,
};

const postgres: Engine = {
  name: 'postgres',
  fresh: async () => {
    const name = `heartline_test_${randomBytes(6).toString('hex')}`;
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    created.push(name);
    return databaseUrl(name);
  },
  query: async <T>(db: string, sql: string) => {
    const client = new pg.Client(connectionConfig(db));
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  },
  drop: async (db) => {
    const name = databaseName(db);
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const at = created.indexOf(name);
    if (at >= 0) created.splice(at, 1);
  },
};

/** Both engines when a PostgreSQL server is at hand (drops the databases it made once the file is done). */
export function useEngines(): Engine[] {
  afterAll(async () => {
    if (created.length === 0) return;
    await admin(async (client) => {
      for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  });
  return TEST_PG_URL ? [sqlite, postgres] : [sqlite];
}

export const postgresAvailable = () => TEST_PG_URL !== undefined;

