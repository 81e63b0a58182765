import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/analysis/mulberry32.js';
import { expectHealthy, peek } from '../helpers/database-health.js';
import { fiveLanguageDump } from '../helpers/five-language-dump.js';
import { runCli, startCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const ROWS = 100_000;
const BATCH = '500';
/** The kill points are drawn from this seed: a failure names it, and the same seed replays the same run. */
const SEED = 20_260_107;

/** Where to kill a run: when the file position its ledger row has committed reaches `at`, or after `ms`. */
type KillPoint = { label: string; at: (committed: number) => number } | { label: string; ms: number };

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Rows the newest ledger row (newer than `afterRun`) has committed: the run's position in the file. */
function position(db: string, afterRun: number): number {
  return peek<number>(db, `SELECT rows_read FROM import_runs WHERE id > ${afterRun} ORDER BY id DESC LIMIT 1`) ?? 0;
}

describe('kill -9 during an import', () => {
  it(`five kills at random points (seed ${SEED}), then a re-run: every row once, with the tags a clean run gives`, async () => {
    const file = tmp.file('five-languages.csv', fiveLanguageDump(ROWS));
    const db = join(tmp.dir(), 'crashed.db');
    const clean = join(tmp.dir(), 'clean.db');
    // The reference: one uninterrupted run of the same file, on the other core while the kills go on.
    const reference = startCli(['run', file, '--db', clean, '--batch-size', BATCH, '--no-summary']);

    const random = mulberry32(SEED);
    const between = (low: number, high: number) => Math.floor(low + random() * (high - low));
    const kills: KillPoint[] = [
      { label: 'during the first batches', at: () => between(1_000, 3_000) },
      { label: 'mid-file', at: () => between(40_000, 60_000) },
      // The re-run is still passing over rows the last run committed: it has inserted nothing yet.
      { label: 'during a re-run, before it reaches new rows', at: (committed) => between(committed * 0.25, committed * 0.75) },
      { label: 'near the end', at: () => between(94_000, 98_000) },
      // Anywhere: opening, migrating, taking the lock, or importing.
      { label: 'at a random moment', ms: between(100, 2_500) },
    ];

    for (const kill of kills) {
      const committed = peek<number>(db, 'SELECT COUNT(*) FROM responses') ?? 0;
      const lastRun = peek<number>(db, 'SELECT COALESCE(MAX(id), 0) FROM import_runs') ?? 0;
      const child = startCli(['run', file, '--db', db, '--batch-size', BATCH, '--no-summary']);
      if ('ms' in kill) await sleep(kill.ms);
      else {
        const target = kill.at(committed);
        while (position(db, lastRun) < target && child.exitCode === null) await sleep(50);
      }
      expect(child.exitCode, `the run finished before the kill ${kill.label}`).toBeNull();
      child.kill('SIGKILL');
      await exited(child);
      // After every kill: no corruption, and the ledger adds up.
      expectHealthy(db);
    }

    const final = runCli(['run', file, '--db', db, '--batch-size', BATCH, '--no-summary']);
    expect(final.stderr).toBe('');
    expect(final.status).toBe(0);
    const before = Number(/unchanged (\d+)/.exec(final.stdout)?.[1]);
    expect(final.stdout).toContain(`read ${ROWS} = inserted ${ROWS - before} + updated 0 + unchanged ${before} + rejected 0`);
    expect(await exited(reference)).toBe(0);

    const ledger = expectHealthy(db);
    expect(ledger.at(-1)?.status).toBe('ok');
    // Every killed run that got as far as its ledger row is marked interrupted, none left running.
    expect(ledger.slice(0, -1).every((run) => run.status === 'interrupted')).toBe(true);
    expect(ledger.length).toBeGreaterThanOrEqual(kills.length); // the random-moment kill may come before its row
    // The kill during a re-run happened while that run was only confirming committed rows.
    expect(ledger.some((run) => run.status === 'interrupted' && run.inserted === 0 && run.unchanged > 0)).toBe(true);
    expect(ledger.reduce((sum, run) => sum + run.inserted, 0)).toBe(ROWS);

    const handle = new BetterSqlite3(db, { readonly: true });
    try {
      handle.exec(`ATTACH DATABASE '${clean.replaceAll("'", "''")}' AS clean`);
      const count = (sql: string) => handle.prepare(sql).pluck().get();
      expect(count('SELECT COUNT(*) FROM responses')).toBe(ROWS);
      expect(count('SELECT COUNT(DISTINCT external_id) FROM responses')).toBe(ROWS);
      expect(count('SELECT COUNT(*) FROM responses WHERE lexicon_version IS NULL OR language IS NULL')).toBe(0);
      expect(count('SELECT COUNT(*) FROM run_lock')).toBe(0);
      // Every response has at least one tag (the texts are chosen so), and exactly the tags a clean run gives.
      expect(count('SELECT COUNT(*) FROM responses WHERE id NOT IN (SELECT response_id FROM emotion_tags)')).toBe(0);
      const analysis = (schema: string) =>
        `SELECT r.external_id, r.text, r.score, r.language, r.polarity, r.lexicon_version
           FROM ${schema}.responses AS r`;
      const tags = (schema: string) =>
        `SELECT r.external_id, t.emotion, t.score, t.evidence, t.lexicon_version
           FROM ${schema}.emotion_tags AS t JOIN ${schema}.responses AS r ON r.id = t.response_id`;
      expect(count('SELECT COUNT(*) FROM clean.emotion_tags')).toBeGreaterThan(ROWS);
      expect(count('SELECT COUNT(*) FROM main.emotion_tags')).toBe(count('SELECT COUNT(*) FROM clean.emotion_tags'));
      for (const [a, b] of [['main', 'clean'], ['clean', 'main']] as const) {
        expect(count(`SELECT COUNT(*) FROM (${analysis(a)} EXCEPT ${analysis(b)})`), `responses in ${a}, not ${b}`).toBe(0);
        expect(count(`SELECT COUNT(*) FROM (${tags(a)} EXCEPT ${tags(b)})`), `tags in ${a}, not ${b}`).toBe(0);
      }
    } finally {
      handle.close();
    }
  }, 300_000);
});
