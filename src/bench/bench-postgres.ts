/**
 * The PostgreSQL half of `npm run bench`: `npm run bench -- --postgres URL` (URL names a database on a server
 * where this user may create databases, e.g. postgres:///postgres?host=/var/run/postgresql). On the same dump
 * as the SQLite figures it times, each on a new database: `run` end-to-end (analysis in the importing
 * process); `run --import-only` followed by 1, 2 and 4 `heartline worker --exit-when-idle` processes; and
 * `report` on the result.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectionConfig, withDatabaseName } from '../store/pg/postgres-url.js';
import { ROOT } from '../eval/eval-data.js';
import { LANG_CODES } from '../lang/registry.js';

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
  try {
    return await work(withDatabaseName(adminUrl, name));
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
    rmSync(`${dump}.pg-report.json`, { force: true });
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

/**
 * The report on `n` synthetic responses made by the server itself (generate_series: scores, five languages,
 * dates, channels, polarity and one to three emotion tags each), for sizes no dump on this machine would be
 * imported at in time: how long `heartline report --db` takes, and its peak RSS.
 */
export async function benchSyntheticReport(adminUrl: string, n: number, emotions: readonly string[]): Promise<{ seconds: number; generateSeconds: number }> {
  return withNewDatabase(adminUrl, async (url) => {
    // An import of one row creates the schema and a ledger run for the synthetic rows to point to.
    const seed = join(ROOT, 'corpora/email-survey.csv');
    await heartline(['run', seed, '--db', url, '--no-summary', '--workers', '0']);
    const client = new pg.Client(connectionConfig(url));
    await client.connect();
    const started = process.hrtime.bigint();
    try {
      await client.query(
        `INSERT INTO responses (source, external_id, text, score, score_origin, responded_at, segments, row_hash, file, line,
           first_run_id, last_run_id, imported_at, updated_at, language, language_confidence, language_supported, polarity, lexicon_version)
         SELECT 'synthetic', 'S' || g, 'synthetic response ' || g, ((g::bigint * 7919) % 11)::int, 'inline',
                to_char(date '2025-01-01' + (g % 365), 'YYYY-MM-DD'), '{"channel":"' || ($2::text[])[1 + g % 4] || '"}',
                md5(g::text), 'synthetic', g, 1, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z',
                ($3::text[])[1 + g % array_length($3::text[], 1)], 0.9, 1, (((g::bigint * 31) % 21) - 10) / 10.0,
                (SELECT lexicon_version FROM responses WHERE lexicon_version IS NOT NULL LIMIT 1)
         FROM generate_series(1, $1) AS g`,
        [n, ['web', 'app', 'phone', 'chat'], [...LANG_CODES]],
      );
      await client.query(
        `INSERT INTO emotion_tags (response_id, emotion, score, evidence, lexicon_version)
         SELECT r.id, ($1::text[])[1 + (r.id * k + r.score) % array_length($1::text[], 1)], 0.5 + (r.id % 5) / 10.0, '[]', r.lexicon_version
         FROM responses AS r, generate_series(1, 3) AS k
         WHERE r.source = 'synthetic' AND k <= 1 + r.id % 3
         ON CONFLICT DO NOTHING`,
        [emotions],
      );
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    const generateSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const out = join(tmpdir(), `heartline-bench-report-${process.pid}.json`);
    try {
      const seconds = await heartline(['report', '--db', url, '--format', 'json', '--out', out]);
      return { seconds, generateSeconds };
    } finally {
      rmSync(out, { force: true });
    }
  });
}
