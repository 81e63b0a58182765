import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../helpers/database-health.js';
import { type Engine, postgresAvailable, useEngines } from '../helpers/engines.js';
import { fiveLanguageDump } from '../helpers/five-language-dump.js';
import { type CliResult, runCli, startCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const engines = useEngines();
const CORPORA = ['corpora/email-survey.csv', 'corpora/survey-qualtrics.csv', 'corpora/support-tickets.jsonl'];

function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}


/** The ledger, checked: every row adds up. */
async function ledger(engine: Engine, db: string): Promise<LedgerRow[]> {
  const rows = await engine.query<LedgerRow>(db, 'SELECT id, status, rows_read, inserted, updated, unchanged, rejected FROM import_runs ORDER BY id');
  for (const r of rows) expect(r.inserted + r.updated + r.unchanged + r.rejected, `import_runs row ${r.id}`).toBe(r.rows_read);
  return rows;
}

/** What the store holds, engine-neutral: each response and its tags, by external id. */
async function contents(engine: Engine, db: string): Promise<string[]> {
  const responses = await engine.query<Record<string, unknown>>(db,
    `SELECT source, external_id, text, score, responded_at, segments, language, lexicon_version, polarity,
            (SELECT COUNT(*) FROM emotion_tags AS t WHERE t.response_id = r.id) AS tags
     FROM responses AS r ORDER BY id`);
  const tags = await engine.query<Record<string, unknown>>(db,
    'SELECT r.external_id, t.emotion, t.score, t.evidence FROM emotion_tags AS t JOIN responses AS r ON r.id = t.response_id ORDER BY r.id, t.emotion');
  return [...responses, ...tags].map((row) => JSON.stringify(row));
}

/** A report with what differs by nature (when it was made, and where) taken out. */
function comparable(json: string): unknown {
  const report = JSON.parse(json) as Record<string, unknown>;
  delete report['generatedAt'];
  delete report['database'];
  return report;
}

describe.each(engines)('on $name', (engine) => {
  it('imports, and a re-run changes nothing: every row once, the ledger adds up', async () => {
    const db = await engine.fresh(tmp.dir());
    const first = runCli(['run', ...CORPORA, '--db', db, '--no-summary', '--workers', '0']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const again = runCli(['run', ...CORPORA, '--db', db, '--no-summary', '--workers', '0']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('read 744 = inserted 0 + updated 0 + unchanged 744 + rejected 0');
    expect((await ledger(engine, db)).map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(await engine.query(db, 'SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS d FROM responses')).toEqual([{ n: 744, d: 744 }]);
  });

  it('counts a changed row as updated, a bad one as rejected, and keeps the rejected row', async () => {
    const db = await engine.fresh(tmp.dir());
    runCli(['run', tmp.file('a.csv', 'id,nps,comment\n1,9,Great service\n2,3,Slow delivery\n'), '--db', db, '--no-summary', '--workers', '0']);
    const second = runCli(['run', tmp.file('a.csv', 'id,nps,comment\n1,9,Great service\n2,4,Slow delivery again\n3,11,Out of range\n'), '--db', db, '--no-summary', '--workers', '0']);
    expect(second.status).toBe(3);
    expect(second.stdout).toContain('read 3 = inserted 0 + updated 1 + unchanged 1 + rejected 1');
    expect(await engine.query(db, "SELECT code, raw FROM rejects")).toEqual([{ code: 'R_SCORE', raw: '3,11,Out of range' }]);
    expect(await engine.query(db, "SELECT text, score FROM responses WHERE external_id = '2'")).toEqual([{ text: 'Slow delivery again', score: 4 }]);
    expect(await engine.query(db, 'SELECT COUNT(*) AS n FROM response_versions')).toEqual([{ n: 1 }]);
  });

  it('links NPS answers delivered apart, before or after their responses arrive', async () => {
    const db = await engine.fresh(tmp.dir());
    const scores = runCli(['import-scores', tmp.file('s.csv', 'id,nps\nT-1,9\nT-2,3\n'), '--db', db, '--no-summary']);
    expect(scores.stdout).toContain('read 2 = inserted 2 + updated 0 + unchanged 0 + rejected 0');
    runCli(['run', tmp.file('f.csv', 'id,comment\nT-1,Lovely staff\nT-2,Never again\nT-3,Fine\n'), '--db', db, '--no-summary', '--workers', '0']);
    // A scores file given to run is read as one; an answer in the feedback row itself is never overridden.
    const more = runCli(['run', tmp.file('s2.csv', 'id,nps\nT-3,7\nT-2,4\n'), '--db', db, '--no-summary']);
    expect(more.stdout).toContain('read 2 = inserted 1 + updated 1 + unchanged 0 + rejected 0');
    expect(await engine.query(db, 'SELECT external_id, score, score_origin, text FROM responses ORDER BY external_id')).toEqual([
      { external_id: 'T-1', score: 9, score_origin: 'scores-file', text: 'Lovely staff' },
      { external_id: 'T-2', score: 4, score_origin: 'scores-file', text: 'Never again' },
      { external_id: 'T-3', score: 7, score_origin: 'scores-file', text: 'Fine' },
    ]);
    expect(await engine.query(db, 'SELECT COUNT(*) AS n FROM nps_score_versions')).toEqual([{ n: 1 }]);
  });

  it('nightly: imports the configured dumps, skips them the next night, writes the same reports', async () => {
    const db = await engine.fresh(tmp.dir());
    const dir = tmp.dir();
    const config = tmp.file('nightly.json', JSON.stringify({
      database: db,
      inputs: [
        { path: `${process.cwd()}/corpora/support-tickets.jsonl`, source: 'helpdesk', columns: { segments: ['channel'] } },
        { path: `${process.cwd()}/corpora/support-scores.csv`, source: 'helpdesk', scores: true },
      ],
      reports: [{ format: 'json', path: `${dir}/night.json`, by: ['lang', 'channel'] }],
    }));
    const first = runCli(['nightly', '--config', config]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('imported 2 files, skipped 0 already imported');
    const second = runCli(['nightly', '--config', config]);
    expect(second.stdout).toContain('nothing new to import (2 files already imported)');
    const report = JSON.parse(readFileSync(`${dir}/night.json`, 'utf8')) as { responses: number; scored: number };
    expect([report.responses, report.scored]).toEqual([247, 235]);
  });

  it('rejects, summary, status and unlock read the same on either engine', async () => {
    const db = await engine.fresh(tmp.dir());
    const file = tmp.file('r.csv', 'id,nps,comment\n1,9,Great\n2,eleven,Bad score\n3,5,"Late, cold food"\n');
    runCli(['run', file, '--db', db, '--no-summary', '--workers', '0']);
    expect(runCli(['rejects', '--db', db]).stdout).toBe(`${file}:3: R_SCORE: NPS answer 'eleven' is not a number from 0 to 10\n    2,eleven,Bad score\n1 reject\n`);
    expect(runCli(['summary', '--db', db]).stdout).toContain(`database ${db}: 2 responses`);
    expect(runCli(['status', '--db', db]).stdout).toMatch(/#1 .* feedback .*r\.csv \[default\] rejects in .*: read 3 = inserted 2 \+ updated 0 \+ unchanged 0 \+ rejected 1\n/);
    expect(runCli(['unlock', '--db', db]).stdout).toBe(`no run holds the lock on ${db}\n`);
  });

  it('reanalyze analyses what run --import-only stored, as a run with analysis would have', async () => {
    const db = await engine.fresh(tmp.dir());
    const reference = await engine.fresh(tmp.dir());
    runCli(['run', ...CORPORA, '--db', db, '--no-summary', '--import-only']);
    runCli(['run', ...CORPORA, '--db', reference, '--no-summary']);
    const result = runCli(['reanalyze', '--db', db]);
    expect(result.stdout).toMatch(/^re-analysed 744 responses with lexicon \w+ \(744 from none\)\n$/);
    expect(await contents(engine, db)).toEqual(await contents(engine, reference));
  });

  it('forget takes an import back: its new rows deleted, the rows it changed put back with their tags', async () => {
    const db = await engine.fresh(tmp.dir());
    const before = await engine.fresh(tmp.dir());
    const first = tmp.file('a.csv', 'id,nps,comment\n1,9,Wonderful staff\n2,3,Terrible wait\n3,7,Fine\n');
    for (const target of [db, before]) runCli(['run', first, '--db', target, '--no-summary', '--workers', '0']);
    runCli(['run', tmp.file('b.csv', 'id,nps,comment\n2,8,Actually the wait was fine and I love it\n4,0,Never again\n'), '--db', db, '--no-summary', '--workers', '0']);
    runCli(['import-scores', tmp.file('s.csv', 'id,nps\n3,10\n'), '--db', db, '--no-summary']);
    const dry = runCli(['forget', '--run', '2', '--db', db]);
    expect(dry.status).toBe(0);
    expect(await engine.query(db, 'SELECT COUNT(*) AS n FROM responses')).toEqual([{ n: 4 }]);
    expect(runCli(['forget', '--run', '3', '--db', db, '--yes']).status).toBe(0);
    expect(runCli(['forget', '--run', '2', '--db', db, '--yes']).status).toBe(0);
    const state = async (target: string) =>
      (await contents(engine, target)).map((row) => row.replace(/"(?:last_run_id|updated_at)":[^,}]*,?/g, ''));
    expect(await state(db)).toEqual(await state(before));
    expect(runCli(['forget', '--source', 'default', '--db', db, '--yes']).status).toBe(0);
    expect(await engine.query(db, 'SELECT COUNT(*) AS n FROM responses')).toEqual([{ n: 0 }]);
    expect(await engine.query(db, 'SELECT COUNT(*) AS n FROM forgets')).toEqual([{ n: 3 }]);
  });

  it('with --redact, stores no e-mail address or card number', async () => {
    const db = await engine.fresh(tmp.dir());
    const file = tmp.file('p.csv', 'id,nps,comment\n1,2,"Write to anna@example.se, card 4111 1111 1111 1111"\n2,x,"bad row from bob@example.com"\n');
    runCli(['run', file, '--db', db, '--no-summary', '--redact', '--workers', '0']);
    const stored = JSON.stringify([...await engine.query(db, 'SELECT text FROM responses'), ...await engine.query(db, 'SELECT raw, reason FROM rejects')]);
    expect(stored).toContain('[EMAIL]');
    expect(stored).not.toMatch(/anna@|bob@|4111/);
  });

  it('kill -9 in the middle of an import, then a re-run: every row once, the killed run marked interrupted', async () => {
    const db = await engine.fresh(tmp.dir());
    const file = tmp.file('dump.csv', fiveLanguageDump(30_000));
    const child = startCli(['run', file, '--db', db, '--no-summary', '--workers', '0']);
    const done = finished(child);
    for (let i = 0; i < 600; i++) {
      await sleep(100);
      const [row] = await engine.query<{ n: number }>(db, 'SELECT COALESCE(MAX(rows_read), 0) AS n FROM import_runs').catch(() => [{ n: 0 }]);
      if (row && row.n >= 3000) break;
    }
    child.kill('SIGKILL');
    await done;
    const rerun = runCli(['run', file, '--db', db, '--no-summary', '--workers', '0']);
    expect(rerun.status).toBe(0);
    const runs = await ledger(engine, db);
    expect(runs.map((r) => r.status)).toEqual(['interrupted', 'ok']);
    expect(runs[0]!.rows_read).toBeGreaterThan(0);
    expect(await engine.query(db, 'SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS d FROM responses')).toEqual([{ n: 30_000, d: 30_000 }]);
    expect(await engine.query(db, 'SELECT COUNT(*) AS n FROM responses WHERE lexicon_version IS NULL')).toEqual([{ n: 0 }]);
  }, 180_000);
});

describe.skipIf(!postgresAvailable())('the same data on both engines', () => {
  const [sqlite, postgres] = engines as [Engine, Engine];

  it('stores the same responses and tags, and prints the same report in every format', async () => {
    const file = await sqlite.fresh(tmp.dir());
    const url = await postgres.fresh(tmp.dir());
    for (const db of [file, url]) expect(runCli(['run', ...CORPORA, '--db', db, '--no-summary', '--segment-column', 'Channel']).status).toBe(0);
    expect(await contents(postgres, url)).toEqual(await contents(sqlite, file));
    for (const format of ['json', 'table', 'md', 'csv', 'html']) {
      const [a, b] = [file, url].map((db) => runCli(['report', '--db', db, '--format', format, '--by', 'lang', '--by', 'channel']));
      expect(b!.stderr).toBe('');
      if (format === 'json') expect(comparable(b!.stdout)).toEqual(comparable(a!.stdout));
      else expect(b!.stdout.split(url).join('DB').replace(/generated .*\n/, '')).toEqual(a!.stdout.split(file).join('DB').replace(/generated .*\n/, ''));
    }
    const [a, b] = [file, url].map((db) => runCli(['report', '--db', db, '--format', 'csv', '--per-response', '--by', 'channel', '--lang', 'swe']));
    expect(b!.stdout.split('\n').length).toBeGreaterThan(100);
    expect(b!.stdout).toEqual(a!.stdout);
    const [c, d] = [file, url].map((db) => runCli(['suggest', '--db', db, '--format', 'json', '--min-count', '3']));
    expect(d!.stderr).toBe('');
    expect(comparable(d!.stdout)).toEqual(comparable(c!.stdout));
  }, 180_000);
});

describe.skipIf(!postgresAvailable())('heartline worker', () => {
  const [sqlite, postgres] = engines as [Engine, Engine];

  it('two workers analyse what run --import-only stored: each response once, the report as one process makes it', async () => {
    const file = await sqlite.fresh(tmp.dir());
    const url = await postgres.fresh(tmp.dir());
    expect(runCli(['run', ...CORPORA, '--db', file, '--no-summary']).status).toBe(0);
    expect(runCli(['run', ...CORPORA, '--db', url, '--no-summary', '--import-only']).status).toBe(0);
    expect(runCli(['status', '--db', url]).stdout).toContain('backlog: 744 responses not analysed yet');
    const workers = await Promise.all([1, 2].map(() => finished(startCli(['worker', '--db', url, '--exit-when-idle', '--batch-size', '40']))));
    const analysed = workers.map((w) => {
      expect(w.status).toBe(0);
      return Number(/analysed (\d+) responses/.exec(w.stdout)![1]);
    });
    expect(analysed[0]! + analysed[1]!).toBe(744);
    expect(analysed.every((n) => n > 0)).toBe(true);
    expect(await contents(postgres, url)).toEqual(await contents(sqlite, file));
    const [a, b] = [file, url].map((db) => runCli(['report', '--db', db, '--format', 'json']));
    expect(comparable(b!.stdout)).toEqual(comparable(a!.stdout));
    const status = runCli(['status', '--db', url]).stdout;
    expect(status).toContain('backlog: 0 responses not analysed yet');
    expect(status.match(/: stopped .*; analysed \d+/g)).toHaveLength(2);
  }, 180_000);

  it('workers analysing while an import changes comments: every response ends with the analysis of its current text', async () => {
    const ROWS = 12_000;
    const first = tmp.file('a.csv', fiveLanguageDump(ROWS));
    // The same ids, a third of them with another comment: an analysis claimed before the change must not stick.
    const lines = fiveLanguageDump(ROWS).split('\n');
    const changed = tmp.file('b.csv', lines.map((line, i) => (i > 0 && i % 3 === 0 && line ? line.replace(/,"/, ',"Changed: ') : line)).join('\n'));
    const url = await postgres.fresh(tmp.dir());
    expect(runCli(['run', first, '--db', url, '--no-summary', '--import-only']).status).toBe(0);
    const children = [1, 2].map(() => startCli(['worker', '--db', url, '--batch-size', '300']));
    const workers = children.map(finished);
    await sleep(1500);
    const reimport = await finished(startCli(['run', changed, '--db', url, '--no-summary', '--import-only']));
    expect(reimport.stderr).toBe('');
    expect(reimport.stdout).toContain(`read ${ROWS} = inserted 0 + updated 4000 + unchanged 8000 + rejected 0`);
    for (let i = 0; i < 1200; i++) {
      const [left] = await postgres.query<{ n: number }>(url, 'SELECT COUNT(*)::int AS n FROM responses WHERE lexicon_version IS NULL');
      if (left!.n === 0) break;
      await sleep(100);
    }
    for (const child of children) child.kill('SIGTERM');
    for (const worker of await Promise.all(workers)) expect(worker.status).toBe(143);
    // The same two files on SQLite, the second analysed in the importing process.
    const reference = await sqlite.fresh(tmp.dir());
    runCli(['run', first, '--db', reference, '--no-summary', '--import-only']);
    runCli(['run', changed, '--db', reference, '--no-summary']);
    expect(await contents(postgres, url)).toEqual(await contents(sqlite, reference));
  }, 240_000);

  it('a worker killed mid-batch loses nothing: its lease runs out and another takes the batch', async () => {
    const url = await postgres.fresh(tmp.dir());
    expect(runCli(['run', tmp.file('d.csv', fiveLanguageDump(6000)), '--db', url, '--no-summary', '--import-only']).status).toBe(0);
    const doomed = startCli(['worker', '--db', url, '--batch-size', '2000', '--lease', '3']);
    const gone = finished(doomed);
    for (let i = 0; i < 300; i++) {
      await sleep(50);
      const [row] = await postgres.query<{ n: number }>(url, 'SELECT COUNT(*)::int AS n FROM analysis_leases');
      if (row!.n > 0) break;
    }
    doomed.kill('SIGKILL');
    await gone;
    const rescuer = runCli(['worker', '--db', url, '--exit-when-idle', '--lease', '3']);
    expect(rescuer.status).toBe(0);
    expect(await postgres.query(url, 'SELECT COUNT(*)::int AS n FROM responses WHERE lexicon_version IS NULL')).toEqual([{ n: 0 }]);
    expect(await postgres.query(url, 'SELECT COUNT(*)::int AS n FROM analysis_leases')).toEqual([{ n: 0 }]);
    // Every response analysed, each once: as many tagged responses as a single-process run gives.
    const file = await sqlite.fresh(tmp.dir());
    runCli(['run', tmp.file('d.csv', fiveLanguageDump(6000)), '--db', file, '--no-summary']);
    expect(await contents(postgres, url)).toEqual(await contents(sqlite, file));
  }, 180_000);

  it('a worker stopped by SIGTERM gives its batch back at once and exits 143', async () => {
    const url = await postgres.fresh(tmp.dir());
    expect(runCli(['run', tmp.file('d.csv', fiveLanguageDump(20_000)), '--db', url, '--no-summary', '--import-only']).status).toBe(0);
    const worker = startCli(['worker', '--db', url, '--batch-size', '500', '--lease', '600']);
    const done = finished(worker);
    for (let i = 0; i < 300; i++) {
      await sleep(50);
      const [row] = await postgres.query<{ n: number }>(url, 'SELECT COUNT(*)::int AS n FROM responses WHERE lexicon_version IS NOT NULL');
      if (row!.n > 0) break;
    }
    worker.kill('SIGTERM');
    const result = await done;
    expect(result.status).toBe(143);
    expect(result.stdout).toMatch(/analysed \d+ responses before stopping; its unfinished batch is free for other workers/);
    expect(await postgres.query(url, 'SELECT COUNT(*)::int AS n FROM analysis_leases')).toEqual([{ n: 0 }]);
    expect(runCli(['status', '--db', url]).stdout).toMatch(/: stopped .*; analysed \d+/);
    // What it left is taken at once by the next worker, not after the 600 s lease.
    expect(runCli(['worker', '--db', url, '--exit-when-idle']).status).toBe(0);
    expect(await postgres.query(url, 'SELECT COUNT(*)::int AS n FROM responses WHERE lexicon_version IS NULL')).toEqual([{ n: 0 }]);
  }, 180_000);

  it('refuses a SQLite file, naming what to do instead', () => {
    const result = runCli(['worker', '--db', 'heartline.db']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^heartline: \[E_USAGE\] workers share a PostgreSQL database/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!postgresAvailable())('PostgreSQL URLs', () => {
  const postgres = engines[1]!;

  it('a server that does not answer: a clear error, no stack trace', () => {
    const result = runCli(['report', '--db', 'postgres://nobody@127.0.0.1:1/none']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^heartline: \[E_DATABASE\] postgres:\/\/nobody@127\.0\.0\.1:1\/none: cannot open the database: no PostgreSQL server answers/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('never prints the password of the URL', () => {
    const result = runCli(['status', '--db', 'postgres://someone:s3cret-pw@127.0.0.1:1/none']);
    expect(result.stderr).toContain('postgres://someone:***@127.0.0.1:1/none');
    expect(result.stderr).not.toContain('s3cret-pw');
  });

  it('refuses a database that holds another application\'s tables', async () => {
    const url = await postgres.fresh(tmp.dir());
    await postgres.query(url, 'CREATE TABLE invoices (id integer)');
    const result = runCli(['run', tmp.file('a.csv', 'id,nps,comment\n1,9,Great\n'), '--db', url]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\[E_DATABASE\] .*not a Heartline database/);
    expect(await postgres.query(url, "SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([{ n: 1 }]);
  });

  it('every command that reads or writes a database takes the URL, and none creates a file named like it', async () => {
    const url = await postgres.fresh(tmp.dir());
    const dir = tmp.dir();
    expect(runCli(['run', ...CORPORA.map((f) => `${process.cwd()}/${f}`), '--db', url, '--no-summary'], { cwd: dir }).status).toBe(0);
    const commands = [['status'], ['summary'], ['rejects', '--all'], ['report', '--format', 'md'], ['suggest', '--min-count', '3'], ['reanalyze'], ['unlock'],
      ['forget', '--source', 'nothing-here']];
    for (const args of commands) {
      const result = runCli([...args, '--db', url], { cwd: dir });
      expect(result.stderr.replace(/^heartline: \[E_USAGE\] nothing is stored for source 'nothing-here'\n.*\n$/, ''), args[0]).toBe('');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('HEARTLINE_DB names the database when --db is not given', async () => {
    const url = await postgres.fresh(tmp.dir());
    const run = runCli(['run', tmp.file('a.csv', 'id,nps,comment\n1,9,Great\n'), '--no-summary'], { env: { HEARTLINE_DB: url }, cwd: tmp.dir() });
    expect(run.status).toBe(0);
    expect(await postgres.query(url, 'SELECT COUNT(*)::int AS n FROM responses')).toEqual([{ n: 1 }]);
  });
});
