import { join } from 'node:path';
import type { Database } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/open-database.js';

export function openTestDb(dir: string, name = 'test.db'): Database {
  return openDatabase(join(dir, name));
}

export function rows<T = Record<string, unknown>>(db: Database, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[];
}
