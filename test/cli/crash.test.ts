import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { rows } from '../helpers/open-test-db.js';
import { runCli, startCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const ROWS = 40_000;

function committedRows(db: string): number {
  try {
    const handle = openDatabase(db, { readonly: true });
    try {
      return (rows<{ n: number }>(handle, 'SELECT COALESCE(SUM(rows_read), 0) AS n FROM import_runs')[0]!).n;
    } finally {
      handle.close();
    }
  } catch {
    return 0; // not created yet
  }
}

describe('kill -9 during an import', () => {
  it('a re-run finishes the job with no duplicates and no missing rows', async () => {
    const texts = ['Спасибо, всё супер', 'Fick ringa tre gånger', '太慢了，失望', 'Köszönöm szépen', 'Never again'];
    const lines = ['id,nps,comment'];
    for (let i = 0; i < ROWS; i++) lines.push(`${i},${i % 11},"${texts[i % 5]} ${i}"`);
    const file = tmp.file('big.csv', lines.join('\n'));
    const db = join(tmp.dir(), 'crash.db');

    const child = startCli(['run', file, '--db', db, '--batch-size', '500']);
    for (let waited = 0; committedRows(db) === 0 && waited < 20_000; waited += 20) await sleep(20);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const before = committedRows(db);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(ROWS);

    const rerun = runCli(['run', file, '--db', db]);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`read ${ROWS} = inserted ${ROWS - before} \\+ updated 0 \\+ unchanged ${before} \\+ rejected 0`));

    const handle = openDatabase(db, { readonly: true });
    expect(rows(handle, 'SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS d FROM responses')).toEqual([{ n: ROWS, d: ROWS }]);
    expect(rows(handle, 'SELECT status FROM import_runs ORDER BY id')).toEqual([{ status: 'interrupted' }, { status: 'ok' }]);
    expect(handle.pragma('integrity_check', { simple: true })).toBe('ok');
    handle.close();
  }, 180_000);
});
