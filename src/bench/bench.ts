/**
 * `npm run bench [-- --sizes 100000,1000000]`: builds a realistic multilingual dump by recombining the
 * sentences of corpora/, then measures in one go: end-to-end `heartline run`; the floor (parse + validate +
 * insert, `--import-only`); franc alone on the same texts; and `heartline report` on the result.
 * Prints responses/s, peak RSS and the ratios end-to-end/floor and end-to-end/franc-alone. `--workers N` also
 * times the run with N worker threads.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { franc } from 'franc';
import { mulberry32 } from '../analysis/mulberry32.js';
import { LanguageDetector } from '../language/detect-language.js';
import { LANG_CODES, isSupported } from '../lang/registry.js';
import { ROOT } from '../eval/eval-data.js';
import { loadTaxonomy } from '../emotion/taxonomy.js';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import { type PostgresFigures, benchPostgres, benchSyntheticReport, formatPostgres } from './bench-postgres.js';

interface PostgresOptions {
  url: string;
  workers: number[];
}

const BIN = join(ROOT, 'bin/heartline.js');
const CHANNELS = ['web', 'app', 'phone', 'chat', 'email', 'store', 'delivery'];

function corpusSentences(): string[] {
  const texts: string[] = [];
  const csvText = (file: string) => readFileSync(join(ROOT, 'corpora', file), 'utf8');
  for (const line of csvText('support-tickets.jsonl').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { feedback: string }).feedback);
  // Quoted CSV fields: good enough to harvest comment sentences for a benchmark.
  for (const file of ['survey-qualtrics.csv', 'email-survey.csv']) {
    for (const m of csvText(file).matchAll(/"((?:[^"]|"")*)"|[^,;\n]{25,}/g)) {
      const t = (m[1] ?? m[0]).replace(/""/g, '"');
      if (/\p{L}{3}/u.test(t) && !t.includes('ImportId') && t.length > 8) texts.push(t);
    }
  }
  return texts.flatMap((t) => t.split(/(?<=[.!?。！？])\s*/u)).map((s) => s.trim()).filter((s) => s.length >= 4);
}

/** Corpus sentences by detected language: a synthetic response keeps to one language, as real ones mostly do. */
function sentencesByLanguage(): string[][] {
  const detector = new LanguageDetector();
  const buckets = new Map<string, string[]>();
  for (const sentence of corpusSentences()) {
    const lang = detector.detect(sentence).lang;
    const key = isSupported(lang) ? lang : 'other';
    let list = buckets.get(key);
    if (!list) buckets.set(key, (list = []));
    list.push(sentence);
  }
  return [...buckets.values()];
}

export async function writeDump(path: string, n: number): Promise<string[]> {
  const buckets = sentencesByLanguage();
  const random = mulberry32(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out = createWriteStream(path);
  const sample: string[] = [];
  out.write('response_id,submitted_at,channel,nps,comment\n');
  for (let i = 0; i < n; i++) {
    const parts = 1 + Math.floor(random() * 3);
    const language = pick(buckets);
    let text = '';
    for (let p = 0; p < parts; p++) {
      // One response in thirty switches language for a sentence, as bilingual customers do.
      const from = random() < 1 / 30 ? pick(buckets) : language;
      text += (p ? ' ' : '') + pick(from);
    }
    const score = random() < 0.05 ? '' : String(Math.floor(random() * 11));
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const line = `B${i},2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${CHANNELS[i % 7]},${score},"${text.replace(/"/g, '""')}"\n`;
    if (i < 50_000) sample.push(text);
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return sample;
}

interface Timed {
  seconds: number;
  maxRssMb: number;
  stdout: string;
}

function timed(args: string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, HEARTLINE_STATS: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const stats = /heartline-stats (\{.*\})/.exec(stderr);
      if (code !== 0 && code !== 3) return reject(new Error(`heartline ${args[0]} exited ${code}: ${stderr}`));
      const maxRssKb = stats ? (JSON.parse(stats[1]!) as { maxRssKb: number }).maxRssKb : 0;
      resolve({ seconds, maxRssMb: maxRssKb / 1024, stdout });
    });
  });
}

interface SizeFigures {
  n: number;
  e2eRate: number;
  e2eSeconds: number;
  e2eRssMb: number;
  floorRate: number;
  rerunRate: number;
  francRate: number;
  reportSeconds: number;
  reportRssMb: number;
  threadedRate?: number;
  threadedRssMb?: number;
  pg?: PostgresFigures;
}

async function benchSize(n: number, workers: number | undefined, postgres?: PostgresOptions): Promise<SizeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'heartline-bench-'));
  try {
    const dump = join(dir, 'dump.csv');
    const sample = await writeDump(dump, n);
    const full = await timed(['run', dump, '--db', join(dir, 'full.db'), '--no-summary']);
    const threaded = workers === undefined ? undefined : await timed(['run', dump, '--db', join(dir, 'threaded.db'), '--no-summary', '--workers', String(workers)]);
    const floor = await timed(['run', dump, '--db', join(dir, 'floor.db'), '--no-summary', '--import-only']);
    const again = await timed(['run', dump, '--db', join(dir, 'full.db'), '--no-summary']);
    const report = await timed(['report', '--db', join(dir, 'full.db'), '--format', 'json', '--out', join(dir, 'report.json')]);
    const francStart = process.hrtime.bigint();
    for (const text of sample) franc(text, { only: [...LANG_CODES] });
    const francRate = sample.length / (Number(process.hrtime.bigint() - francStart) / 1e9);
    const rate = n / full.seconds;
    const pg = postgres ? await benchPostgres(postgres.url, dump, n, postgres.workers) : undefined;
    return {
      ...(pg ? { pg } : {}),
      n,
      e2eRate: Math.round(rate),
      e2eSeconds: full.seconds,
      e2eRssMb: Math.round(full.maxRssMb),
      floorRate: Math.round(n / floor.seconds),
      rerunRate: Math.round(n / again.seconds),
      francRate: Math.round(francRate),
      reportSeconds: report.seconds,
      reportRssMb: Math.round(report.maxRssMb),
      ...(threaded ? { threadedRate: Math.round(n / threaded.seconds), threadedRssMb: Math.round(threaded.maxRssMb) } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--sizes');
  const sizes = (at > 0 ? process.argv[at + 1]! : '100000,1000000').split(',').map(Number);
  // --workers N: also time the run with N worker threads, to compare with the default on this machine.
  const w = process.argv.indexOf('--workers');
  const workers = w > 0 ? Number(process.argv[w + 1]) : undefined;
  // --postgres URL: the same dump on PostgreSQL too (URL: a database where this user may create databases);
  // --pg-workers 1,2,4: the worker processes to time; --synthetic N: a report on N server-made responses.
  const option = (name: string) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const url = option('--postgres');
  const postgres = url ? { url, workers: (option('--pg-workers') ?? '1,2,4').split(',').map(Number) } : undefined;
  const synthetic = option('--synthetic');
  console.log(`Heartline benchmark — ${sizes.join(', ')} responses recombined from corpora/ sentences; one process, this machine`);
  const results = [];
  for (const n of sizes) {
    const r = await benchSize(n, workers, postgres);
    results.push(r);
    console.log(
      `\n${n.toLocaleString('en')} responses:\n` +
        `  end-to-end heartline run      ${r.e2eRate!.toLocaleString('en')} responses/s (${r.e2eSeconds!.toFixed(1)} s), peak RSS ${r.e2eRssMb} MB\n` +
        (r.threadedRate ? `  end-to-end, --workers ${workers}      ${r.threadedRate.toLocaleString('en')} responses/s, peak RSS ${r.threadedRssMb} MB\n` : '') +
        `  floor (--import-only)         ${r.floorRate!.toLocaleString('en')} responses/s\n` +
        `  re-run, nothing changed       ${r.rerunRate!.toLocaleString('en')} responses/s\n` +
        `  franc alone (restricted)      ${r.francRate!.toLocaleString('en')} texts/s\n` +
        `  report (json)                 ${r.reportSeconds!.toFixed(2)} s, peak RSS ${r.reportRssMb} MB\n` +
        `  end-to-end / floor            ${(r.e2eRate! / r.floorRate!).toFixed(2)}\n` +
        `  end-to-end / franc alone      ${(r.e2eRate! / r.francRate!).toFixed(2)}` +
        (r.pg ? `\n${formatPostgres(r.pg)}` : ''),
    );
  }
  if (postgres && synthetic) {
    for (const m of synthetic.split(',').map(Number)) {
      const { seconds, generateSeconds } = await benchSyntheticReport(postgres.url, m, loadTaxonomy([BUILTIN_LEXICON_DIR]).ids);
      console.log(`\nPostgreSQL report on ${m.toLocaleString('en')} synthetic responses: ${seconds.toFixed(2)} s (made by the server in ${generateSeconds.toFixed(0)} s)`);
    }
  }
  if (results.length > 1) {
    const [small, big] = [results[0]!, results.at(-1)!];
    console.log(`\nmemory flatness: peak RSS ${big.e2eRssMb} MB at ${big.n} vs ${small.e2eRssMb} MB at ${small.n} (${((100 * (big.e2eRssMb! - small.e2eRssMb!)) / small.e2eRssMb!).toFixed(0)}%)`);
  }
  // Issue #16's targets, for 1M responses on 2 cores with default settings (docs/operations.md, "Throughput").
  console.log('\ntargets (1M, 2 cores, defaults): ≥ 10,000 responses/s end-to-end; floor ≥ 60,000 rows/s; report ≤ 3 s; peak RSS ≤ 400 MB, 1M within 15% of 100k');
  if (postgres) console.log('PostgreSQL: 1M end-to-end with 1 and 2 worker processes; report on 1M and 10M synthetic responses ≤ 10 s');
}

if (process.argv[1]?.endsWith('bench.js')) await main();
