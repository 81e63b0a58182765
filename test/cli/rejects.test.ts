import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { expectHealthy, peek } from '../helpers/database-health.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

/**
 * Issue #11, item 17: running a file with bad rows again keeps one reject per (source, file checksum, line),
 * and `rejects --all` marks the rejects whose line a later run of the same file imported.
 */
const tmp = useTempDir();

const header = 'id,date,nps,comment';
const rows = (bad: boolean) => [
  '1,2025-03-01,10,Превзошли все ожидания!',
  `2,2025-03-02,${bad ? '11' : '10'},Fantastisk service.`,
  '3,2025-03-03,9,客服很耐心，谢谢',
  `4,2025-02-28,${bad ? ',' : '0,Soha többé.'}`,
  `5,2025-03-05,${bad ? 'N/A' : '8'},"Fine, thanks."`,
];

describe('rejects are kept once per line of a file', () => {
  it('the same file three times keeps three rejects, not nine; each run still counts its own', () => {
    const db = join(tmp.dir(), 'h.db');
    const file = tmp.file('export.csv', [header, ...rows(true)].join('\n'));
    for (let i = 0; i < 3; i++) expect(runCli(['run', file, '--db', db, '--no-summary']).status).toBe(3);
    expect(peek<number>(db, 'SELECT COUNT(*) FROM rejects')).toBe(3);
    expect(expectHealthy(db).map((r) => r.rejected)).toEqual([3, 3, 3]);
    // The latest run holds them: the default listing (the latest import) shows all three.
    const listed = runCli(['rejects', '--db', db]).stdout;
    expect(listed).toContain(`${file}:3: R_SCORE: NPS answer 11 is outside 0–10\n`);
    expect(listed.endsWith('3 rejects\n')).toBe(true);
  });

  it('rejects --all marks the lines a later run of the fixed file imported', () => {
    const db = join(tmp.dir(), 'h.db');
    const file = tmp.file('export.csv', [header, ...rows(true)].join('\n'));
    expect(runCli(['run', file, '--db', db, '--no-summary']).status).toBe(3);
    tmp.file('export.csv', [header, ...rows(false)].join('\n'));
    expect(runCli(['run', file, '--db', db, '--no-summary']).status).toBe(0);
    expect(runCli(['rejects', '--all', '--db', db]).stdout).toBe(
      [
        `${file}:3: R_SCORE: NPS answer 11 is outside 0–10 (imported since by run #2)`,
        '    2,2025-03-02,11,Fantastisk service.',
        `${file}:5: R_EMPTY: the row has neither an NPS answer nor a comment (imported since by run #2)`,
        '    4,2025-02-28,,',
        `${file}:6: R_SCORE: NPS answer 'N/A' is not a number from 0 to 10 (imported since by run #2)`,
        '    5,2025-03-05,N/A,"Fine, thanks."',
        '3 rejects',
        '',
      ].join('\n'),
    );
    const json = runCli(['rejects', '--all', '--json', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json.map((r) => [r['line'], r['imported_by']])).toEqual([[3, 2], [5, 2], [6, 2]]);
  });

  it('a killed run leaves no duplicate rejects once the same file is run to the end', () => {
    const db = join(tmp.dir(), 'h.db');
    const file = tmp.file('export.csv', [header, ...rows(true)].join('\n'));
    // What a run killed after its first batch leaves: an interrupted ledger row (no checksum) and its rejects.
    const handle = openDatabase(db);
    handle.prepare(
      `INSERT INTO import_runs (id, invocation, kind, file, source, started_at, status, rows_read, inserted, rejected)
       VALUES (1, 'killed', 'feedback', ?, 'default', '2025-03-01', 'interrupted', 2, 1, 1)`,
    ).run(file);
    handle.prepare("INSERT INTO rejects (run_id, file, line, code, reason, raw) VALUES (1, ?, 3, 'R_SCORE', 'NPS answer 11 is outside 0–10', '2,2025-03-02,11,Fantastisk service.')").run(file);
    handle.close();
    expect(runCli(['run', file, '--db', db, '--no-summary']).status).toBe(3);
    expect(peek<number>(db, 'SELECT COUNT(*) FROM rejects')).toBe(3);
    expect(peek<number>(db, 'SELECT COUNT(*) FROM rejects WHERE run_id = 1')).toBe(0);
  });
});
