/**
 * The PostgreSQL half of `npm run bench`: `npm run bench -- --postgres URL` (URL names a database on a server
 * where this user may create databases, e.g. postgres:///postgres?host=/var/run/postgresql). On the same dump
 * as the SQLite figures it times, each on a new database: `run` end-to-end (analysis in the importing
 * process); `run --import-only` followed by 1, 2 and 4 `heartline worker --exit-when-idle` processes; and
 * `report` on the result.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { connectionConfig } from '../store/pg/postgres.js';
import { ROOT } from '../eval/eval-data.js';

const BIN = join(ROOT, 'bin/heartline.js');

function heartline(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 3) return reject(new Error(`heartline ${args[0]} exited ${code}: ${stderr}`));
      resolve(Number(process.hrtime.bigint() - start) / 1e9);
    });
  });
}

async function withNewDatabase<T>(adminUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `heartline_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(connectionConfig(adminUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl.replace(/^postgres(ql)?:/, 'http:'));
  url.pathname = `/${name}`;
  try {
    return await work(url.toString().replace(/^http:/, 'postgres:'));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export interface PostgresFigures {
  e2eRate: number;
  importOnlyRate: number;
  /** Workers → responses/s of the analysis after the import-only run, and of both together. */
  workers: { count: number; analysisRate: number; totalRate: number }[];
  reportSeconds: number;
}

export async function benchPostgres(adminUrl: string, dump: string, n: number, workerCounts: readonly number[] = [1, 2, 4]): Promise<PostgresFigures> {
  const e2e = await withNewDatabase(adminUrl, async (url) => {
    const seconds = await heartline(['run', dump, '--db', url, '--no-summary']);
    const report = await heartline(['report', '--db', url, '--format', 'json', '--out', `${dump}.pg-report.json`]);
    return { seconds, report };
  });
  const workers: PostgresFigures['workers'] = [];
  let importOnly = 0;
  for (const count of workerCounts) {
    await withNewDatabase(adminUrl, async (url) => {
      const imported = await heartline(['run', dump, '--db', url, '--no-summary', '--import-only']);
      importOnly = Math.max(importOnly, n / imported);
      const started = process.hrtime.bigint();
      await Promise.all(Array.from({ length: count }, () => heartline(['worker', '--db', url, '--exit-when-idle'])));
      const analysis = Number(process.hrtime.bigint() - started) / 1e9;
      workers.push({ count, analysisRate: Math.round(n / analysis), totalRate: Math.round(n / (imported + analysis)) });
    });
  }
  return { e2eRate: Math.round(n / e2e.seconds), importOnlyRate: Math.round(importOnly), workers, reportSeconds: e2e.report };
}

export function formatPostgres(f: PostgresFigures): string {
  return (
    `  PostgreSQL end-to-end run     ${f.e2eRate.toLocaleString('en')} responses/s\n` +
    `  PostgreSQL --import-only      ${f.importOnlyRate.toLocaleString('en')} rows/s\n` +
    f.workers
      .map((w) => `  + ${w.count} worker process${w.count === 1 ? ' ' : 'es'}         analysis ${w.analysisRate.toLocaleString('en')} responses/s; import + analysis ${w.totalRate.toLocaleString('en')} responses/s\n`)
      .join('') +
    `  PostgreSQL report (json)      ${f.reportSeconds.toFixed(2)} s`
  );
}
