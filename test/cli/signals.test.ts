import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { expectHealthy, peek } from '../helpers/database-health.js';
import { fiveLanguageDump } from '../helpers/five-language-dump.js';
import { runCli, startCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

/**
 * Issue #11, item 10: every long command stops soon after SIGINT or SIGTERM, keeps whole batches, marks its
 * run `interrupted`, releases the lock and exits 130 (SIGINT) or 143 (SIGTERM).
 */
const tmp = useTempDir();
const ROWS = 24_000;

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the signal to the exit. */
  after: number;
}

/** Starts `args`, waits until `ready` holds (polled), sends `signal`, and resolves when the process exits. */
async function interrupt(args: string[], ready: () => boolean, signal: NodeJS.Signals): Promise<Ended> {
  const child: ChildProcess = startCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`finished before the signal: ${stdout}${stderr}`);
    await sleep(50);
  }
  const sent = Date.now();
  child.kill(signal);
  const code = await exit;
  return { code, stdout, stderr, after: Date.now() - sent };
}

const committed = (db: string) => () => (peek<number>(db, 'SELECT COALESCE(SUM(rows_read), 0) FROM import_runs') ?? 0) >= 2_000;

function expectStopped(db: string, ended: Ended, code: number, signal: string): void {
  expect(ended.stderr).not.toContain('internal error');
  expect(ended.code).toBe(code);
  // "Within a second" on a quiet machine; this one is shared, so the bound is loose.
  expect(ended.after).toBeLessThan(5_000);
  expect(ended.stderr).toContain(`heartline: [E_INTERRUPTED] stopped by ${signal}: batches committed before it are kept\n`);
  const ledger = expectHealthy(db);
  expect(ledger.at(-1)!.status).toBe('interrupted');
  // Whole batches: the committed rows are a multiple of the batch size.
  expect(ledger.at(-1)!.rows_read % 500).toBe(0);
  expect(peek<number>(db, 'SELECT COUNT(*) FROM run_lock')).toBe(0);
  const status = runCli(['status', '--db', db]);
  expect(status.stdout).toContain('interrupted');
  expect(status.stdout).toContain('no run in progress');
}

describe('signals', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('run stops on %s, keeps whole batches, marks its run interrupted, exits %i', async (signal, code) => {
    const file = tmp.file('dump.csv', fiveLanguageDump(ROWS));
    const db = join(tmp.dir(), 'h.db');
    const ended = await interrupt(['run', file, '--db', db, '--batch-size', '500'], committed(db), signal);
    expectStopped(db, ended, code, signal);
    expect(ended.stdout).toMatch(/read \d+ = inserted \d+ \+ updated 0 \+ unchanged 0 \+ rejected 0 — INTERRUPTED\n/);
    if (signal === 'SIGINT') return;
    // The same command again imports the rest: every row once.
    const again = runCli(['run', file, '--db', db, '--batch-size', '500', '--no-summary']);
    expect(again.status).toBe(0);
    expect(peek<number>(db, 'SELECT COUNT(*) FROM responses')).toBe(ROWS);
  }, 120_000);

  it('run on the main thread (--workers 0) stops on SIGTERM too', async () => {
    const file = tmp.file('dump.csv', fiveLanguageDump(ROWS));
    const db = join(tmp.dir(), 'h.db');
    const ended = await interrupt(['run', file, '--db', db, '--batch-size', '500', '--workers', '0'], committed(db), 'SIGTERM');
    expectStopped(db, ended, 143, 'SIGTERM');
  }, 120_000);

  it('reanalyze stops on SIGINT between batches and exits 130; run again, it finishes', async () => {
    const file = tmp.file('dump.csv', fiveLanguageDump(ROWS));
    const db = join(tmp.dir(), 'h.db');
    expect(runCli(['run', file, '--db', db, '--import-only', '--no-summary']).status).toBe(0);
    const analysed = () => (peek<number>(db, 'SELECT COUNT(*) FROM responses WHERE lexicon_version IS NOT NULL') ?? 0) >= 2_000;
    const ended = await interrupt(['reanalyze', '--db', db], analysed, 'SIGINT');
    expect(ended.stderr).not.toContain('internal error');
    expect(ended.code).toBe(130);
    expect(ended.after).toBeLessThan(5_000);
    expect(ended.stdout).toMatch(/^re-analysed \d+ responses before stopping; run reanalyze again to finish\n$/);
    const done = peek<number>(db, 'SELECT COUNT(*) FROM responses WHERE lexicon_version IS NOT NULL')!;
    expect(done % 1000).toBe(0);
    expect(done).toBeLessThan(ROWS);
    expect(peek<number>(db, 'SELECT COUNT(*) FROM run_lock')).toBe(0);
    const again = runCli(['reanalyze', '--db', db]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`re-analysed ${ROWS - done} responses`);
  }, 180_000);

  it('nightly stops on SIGTERM, writes no report from a half-imported night, exits 143', async () => {
    const dir = tmp.dir();
    mkdirSync(join(dir, 'drop'));
    writeFileSync(join(dir, 'drop', '2025-03-01.csv'), fiveLanguageDump(ROWS));
    writeFileSync(join(dir, 'drop', '2025-03-02.csv'), fiveLanguageDump(100));
    const config = join(dir, 'heartline.config.json');
    writeFileSync(config, JSON.stringify({ database: 'h.db', inputs: [{ path: 'drop' }], reports: [{ format: 'md', path: 'reports/r.md' }] }));
    const db = join(dir, 'h.db');
    const ended = await interrupt(['nightly', '--config', config], committed(db), 'SIGTERM');
    expect(ended.stderr).not.toContain('internal error');
    expect(ended.code).toBe(143);
    expect(expectHealthy(db).map((r) => r.status)).toEqual(['interrupted']);
    expect(readdirSync(dir)).not.toContain('reports');
    expect(peek<number>(db, 'SELECT COUNT(*) FROM run_lock')).toBe(0);
  }, 120_000);
});
