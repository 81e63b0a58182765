import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type LedgerRow, expectHealthy } from '../helpers/database-health.js';
import { type Engine, useEngines } from '../helpers/engines.js';
import { fiveLanguageDump } from '../helpers/five-language-dump.js';
import { type CliResult, startCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const engines = useEngines();

/** One count from the database, or 0 while it is still being created. */
async function count(engine: Engine, db: string, sql: string): Promise<number> {
  try {
    const [row] = await engine.query<{ n: number }>(db, sql);
    return Number(row?.n ?? 0);
  } catch {
    return 0;
  }
}

/** The ledger adds up (and, on SQLite, the file passes its integrity check); returns the runs. */
async function healthy(engine: Engine, db: string): Promise<LedgerRow[]> {
  if (engine.name === 'sqlite') return expectHealthy(db);
  const runs = await engine.query<LedgerRow>(
    db, 'SELECT id, status, rows_read, inserted, updated, unchanged, rejected FROM import_runs ORDER BY id');
  for (const run of runs) expect(run.inserted + run.updated + run.unchanged + run.rejected, `import_runs row ${run.id}`).toBe(run.rows_read);
  return runs;
}

/** Waits for a started CLI and collects what it printed. */
function finished(child: ChildProcess): Promise<CliResult & { pid: number }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr, pid: child.pid! })));
}

const LOCKED = {
  sqlite: /^heartline: \[E_LOCKED\] .+: another heartline run \(pid (\d+) on .+, since .+\) is using this database; its lease runs until .+\n {2}hint: wait for it to finish, or pass --wait SECONDS; a lock whose holder is gone frees itself when its lease runs out \(see heartline unlock\)\n$/,
  postgres: /^heartline: \[E_LOCKED\] .+: another heartline run \(pid (\d+) on .+, since .+\) is using this database\n {2}hint: wait for it to finish, or pass --wait SECONDS; the lock is freed as soon as its process ends, even when killed\n$/,
};

describe.each(engines)('runs at once, on $name', (engine) => {
  it('four on a new database: one imports, the others exit 4 naming the one that holds the lock', async () => {
    const ROWS = 10_000;
    const file = tmp.file('dump.csv', fiveLanguageDump(ROWS));
    const db = await engine.fresh(tmp.dir());
    const args = ['run', file, '--db', db, '--no-summary'];
    // Four, not two: they also race to create and migrate the new database.
    const results = await Promise.all([1, 2, 3, 4].map(() => finished(startCli(args))));

    expect(results.map((r) => r.status).sort()).toEqual([0, 4, 4, 4]);
    const winner = results.find((r) => r.status === 0)!;
    expect(winner.stderr).toBe('');
    expect(winner.stdout).toContain(`read ${ROWS} = inserted ${ROWS} + updated 0 + unchanged 0 + rejected 0`);
    for (const loser of results.filter((r) => r !== winner)) {
      expect(loser.stdout).toBe('');
      expect(loser.stderr).toMatch(LOCKED[engine.name]);
      expect(Number(LOCKED[engine.name].exec(loser.stderr)![1])).toBe(winner.pid);
    }

    // The losers touched nothing: one ledger row, every response once, the lock released.
    expect(await healthy(engine, db)).toEqual([expect.objectContaining({ status: 'ok', rows_read: ROWS, inserted: ROWS })]);
    expect(await count(engine, db, 'SELECT COUNT(*) AS n FROM responses')).toBe(ROWS);
    expect(await count(engine, db, 'SELECT COUNT(DISTINCT external_id) AS n FROM responses')).toBe(ROWS);
    expect(await count(engine, db, 'SELECT COUNT(*) AS n FROM run_lock')).toBe(0);
  }, 120_000);

  it('with --wait, the second waits for the first, then finds every row already there', async () => {
    const ROWS = 5_000;
    const file = tmp.file('dump.csv', fiveLanguageDump(ROWS));
    const db = await engine.fresh(tmp.dir());
    const args = ['run', file, '--db', db, '--no-summary', '--wait', '300'];
    const results = await Promise.all([finished(startCli(args)), finished(startCli(args))]);

    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
    const outputs = results.map((r) => r.stdout.split('\n')[0]!.replace(/^.*: /, '').trim()).sort();
    expect(outputs).toEqual([
      `read ${ROWS} = inserted 0 + updated 0 + unchanged ${ROWS} + rejected 0`,
      `read ${ROWS} = inserted ${ROWS} + updated 0 + unchanged 0 + rejected 0`,
    ]);
    expect((await healthy(engine, db)).map((run) => run.status)).toEqual(['ok', 'ok']);
    expect(await count(engine, db, 'SELECT COUNT(*) AS n FROM responses')).toBe(ROWS);
    expect(await count(engine, db, 'SELECT COUNT(DISTINCT external_id) AS n FROM responses')).toBe(ROWS);
  }, 120_000);
});

interface JsonReport {
  responses: number;
  scored: number;
  analysed: number;
  nps: { n: number; promoters: number; passives: number; detractors: number };
  languages: { code: string; name: string; responses: number }[];
  emotions: { emotion: string; mentions: number }[];
  segments: { by: string; groups: { value: string; responses: number }[] }[];
}

describe.each(engines)('a report during an import, on $name', (engine) => {
  it('reads one committed snapshot: whole batches, each with its analysis and tags', async () => {
    const ROWS = 30_000; // a multiple of the batch size and of the 10 texts, so every batch holds each text equally
    const BATCH = 500;
    const file = tmp.file('dump.csv', fiveLanguageDump(ROWS));
    const db = await engine.fresh(tmp.dir());
    const importing = startCli(['run', file, '--db', db, '--no-summary', '--batch-size', String(BATCH)]);
    const imported = finished(importing);
    while ((await count(engine, db, 'SELECT COUNT(*) AS n FROM responses')) === 0) await sleep(50);

    const reports: JsonReport[] = [];
    while (importing.exitCode === null) {
      const report = await finished(startCli(['report', '--db', db, '--format', 'json']));
      expect(report.stderr).toBe('');
      expect(report.status).toBe(0);
      reports.push(JSON.parse(report.stdout) as JsonReport);
    }
    expect((await imported).status).toBe(0);
    const after = await finished(startCli(['report', '--db', db, '--format', 'json']));
    const final = JSON.parse(after.stdout) as JsonReport;
    expect(final.responses).toBe(ROWS);
    expect(reports.some((r) => r.responses < ROWS), 'no report ran while the import was still writing').toBe(true);

    const finalMentions = new Map(final.emotions.map((e) => [e.emotion, e.mentions]));
    for (const report of reports) {
      const n = report.responses;
      // Only whole batches: a batch's rows, tags and ledger counts commit in one transaction.
      expect(n % BATCH).toBe(0);
      expect(n).toBeGreaterThan(0);
      // Every committed row is analysed and scored, and the parts add up to the whole.
      expect([report.scored, report.analysed, report.nps.n]).toEqual([n, n, n]);
      expect(report.nps.promoters + report.nps.passives + report.nps.detractors).toBe(n);
      expect(report.languages.reduce((a, l) => a + l.responses, 0)).toBe(n);
      const byLang = report.segments.find((s) => s.by === 'lang')!;
      expect(byLang.groups.reduce((a, g) => a + g.responses, 0)).toBe(n);
      // Tags came with their rows: each emotion is mentioned in the same share of responses as in the end.
      for (const [emotion, mentions] of finalMentions) {
        const seen = report.emotions.find((e) => e.emotion === emotion)?.mentions ?? 0;
        expect(seen, emotion).toBe((mentions * n) / ROWS);
      }
    }
    await healthy(engine, db);
  }, 240_000);
});
