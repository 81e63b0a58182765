import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../src/store/database.js';
import { loadMigrations, migrate, openDatabase } from '../../src/store/open-database.js';
import { rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

describe('openDatabase', () => {
  it('creates the schema at the latest version, in WAL mode', () => {
    const db = openDatabase(join(tmp.dir(), 'new.db'));
    const latest = loadMigrations().at(-1)!.version;
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = rows<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type IN ('table','view') ORDER BY name");
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['import_runs', 'nps_scores', 'rejects', 'response_nps', 'responses', 'run_lock']),
    );
    db.close();
  });

  it('opens an existing database without re-running migrations', () => {
    const path = join(tmp.dir(), 'again.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM import_runs')).toEqual([{ n: 0 }]);
    db.close();
  });

  it('brings an older Heartline database up to date even when opened read-only', () => {
    const path = join(tmp.dir(), 'old.db');
    // A database as Heartline wrote it with migrations 1–4.
    const old = new BetterSqlite3(path) as unknown as Database;
    migrate(old, loadMigrations().filter((m) => m.version <= 4));
    old.close();
    const reader = openDatabase(path, { readonly: true });
    expect(reader.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)!.version);
    expect(rows(reader, "SELECT name FROM sqlite_master WHERE name = 'emotion_tags_emotion_score_response'")).toHaveLength(1);
    expect(rows(reader, "SELECT name FROM pragma_table_info('import_runs') WHERE name = 'redacted'")).toHaveLength(1);
    reader.close();
  });

  it('refuses a database written by a newer Heartline', () => {
    const path = join(tmp.dir(), 'future.db');
    const db = openDatabase(path);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(path)).toThrow(/schema version 999, newer than this Heartline knows/);
  });

  it('says so when the database folder does not exist', () => {
    expect(() => openDatabase(join(tmp.dir(), 'missing', 'x.db'))).toThrow(/does not exist/);
  });
});

describe('openDatabase, many processes at once on a new file', () => {
  // Regression: a process reading the file while another migrated it read the header and the table list as
  // two snapshots (version 0 beside migration 1's tables) and refused it as "another application's".
  const OPENER = `import { openDatabase } from ${JSON.stringify(new URL('../../dist/store/open-database.js', import.meta.url).href)};
openDatabase(process.argv[1]).close();`;

  function open(path: string): Promise<{ status: number | null; stderr: string }> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', OPENER, path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    return new Promise((done) => child.once('close', (status) => done({ status, stderr })));
  }

  it('every one opens it: none takes a half-migrated file for another application\'s', async () => {
    for (let round = 0; round < 12; round += 1) {
      const path = join(tmp.dir(), `race-${round}.db`);
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => open(path)));
      expect(results).toEqual(results.map(() => ({ status: 0, stderr: '' })));
    }
  }, 120_000);
});
