import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

describe('heartline forget', () => {
  it('lists what it would change, changes nothing without --yes, then forgets the run and the ledger says so', () => {
    const db = join(tmp.dir(), 'h.db');
    const monday = tmp.file('monday.csv', 'id,nps,comment\nt1,9,Tack så mycket!\nt2,3,Aldrig mer.\n');
    const wrong = tmp.file('wrong.csv', 'id,nps,comment\nt2,10,Fel fil.\nt3,10,Fel fil igen.\nt4,eleven,x\n');
    runCli(['run', monday, '--db', db, '--no-summary', '--import-only']);
    runCli(['run', wrong, '--db', db, '--no-summary', '--import-only']);

    const dry = runCli(['forget', '--run', '2', '--db', db]);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    const runLine = /  run #2 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d feedback .*wrong\.csv \[default\] rejects, read 3\n/;
    expect(dry.stdout).toMatch(runLine);
    expect(dry.stdout.replace(runLine, '')).toBe(
      [
        'forget run #2: a dry run, nothing was changed; it would:',
        '  responses: delete 1, restore 1 to the version the run replaced, kept 0 that later runs read again',
        '  rejects: delete 1; warnings: delete 0',
        '  delete, e.g.: t3',
        '  restore, e.g.: t2',
        '  pass --yes to do it',
        '',
      ].join('\n'),
    );
    expect(runCli(['summary', '--db', db]).stdout).toContain('3 responses');

    const done = runCli(['forget', '--run', '2', '--db', db, '--yes']);
    expect(done.status).toBe(0);
    expect(done.stdout.replace(runLine, '')).toBe(
      [
        'forgot run #2 (forget #1):',
        '  responses: deleted 1, restored 1 to the version the run replaced, kept 0 that later runs read again',
        '  rejects: deleted 1; warnings: deleted 0',
        '  deleted, e.g.: t3',
        '  restored, e.g.: t2',
        '  the ledger keeps the run, marked forgotten (heartline status)',
        '',
      ].join('\n'),
    );
    expect(runCli(['summary', '--db', db]).stdout).toContain('2 responses');
    const status = runCli(['status', '--db', db]).stdout;
    expect(status).toMatch(/#1 .*monday\.csv \[default\] ok in [\d.]+s: read 2 = inserted 2 \+ updated 0 \+ unchanged 0 \+ rejected 0\n/);
    expect(status).toMatch(/#2 .*wrong\.csv \[default\] rejects in [\d.]+s: read 3 = inserted 1 \+ updated 1 \+ unchanged 0 \+ rejected 1 — forgotten \(forget #1\)\n/);
  });

  it.each([
    [['forget'], 2, '[E_USAGE] name what to forget: --run N or --source NAME (one of them)'],
    [['forget', '--run', '1', '--source', 'x'], 2, '[E_USAGE] name what to forget'],
    [['forget', '--run', '7'], 2, '[E_USAGE] there is no import run #7'],
  ])('%j exits %i with a clear message', (args, code, message) => {
    const db = join(tmp.dir(), 'h.db');
    runCli(['run', tmp.file('a.csv', 'id,nps\n1,9\n'), '--db', db, '--no-summary', '--import-only']);
    const result = runCli([...args, '--db', db]);
    expect(result.status).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('never creates a database', () => {
    const result = runCli(['forget', '--source', 'x', '--db', join(tmp.dir(), 'missing.db')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no such database');
  });
});
