import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { HeartlineError } from '../../errors.js';
import { feedbackImport } from '../../pipeline/feedback-import.js';
import type { Format } from '../../ingest/table.js';
import { checkEncoding } from '../../ingest/decode-text.js';
import { dbOption, inputOptions, logFormatOption, positiveNumber, redactOption, waitOption, waitSeconds } from '../common-options.js';
import type { ExitCode } from '../exit-codes.js';
import { importFiles } from '../import-files.js';
import { type LogFormat, RunReporter } from '../run-reporter.js';
import { validLexiconDirs, lexiconDirOption } from '../lexicon-options.js';
import { withImportStore } from '../with-database.js';

interface RunFlags {
  db: string;
  source: string;
  format?: Format;
  encoding?: string;
  sheet?: string;
  idColumn?: string;
  scoreColumn?: string;
  textColumn?: string;
  dateColumn?: string;
  segmentColumn: string[];
  dateFormat?: string;
  batchSize?: string;
  maxBytes: string;
  wait?: string | boolean;
  logFormat: LogFormat;
  lexiconDir: string[];
  reanalyze?: boolean;
  importOnly?: boolean;
  redact?: boolean;
  workers: string;
  summary: boolean;
}

export function runCommand(): Command {
  const command = new Command('run')
    .description(
      'import feedback dumps into the database (CSV, TSV, JSON Lines, JSON, Excel .xlsx; gzip; - for stdin), ' +
        'then print what was imported',
    )
    .argument('<files...>', 'dump files, read in the order given')
    .addOption(dbOption());
  for (const option of inputOptions()) command.addOption(option);
  return command
    .addOption(new Option('--text-column <name>', 'column with the comment (default: comment, feedback, text, verbatim, reason)'))
    .addOption(new Option('--date-column <name>', 'column with the response date (default: date, submitted_at, created_at, RecordedDate)'))
    .addOption(
      new Option('--segment-column <name>', 'keep this column as a segment, e.g. channel or country (repeatable)')
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([]),
    )
    .addOption(
      new Option(
        '--date-format <pattern>',
        'read dates with this date-fns pattern, e.g. dd/MM/yyyy (default: ISO and common layouts; n/n/yyyy day or month first as the column settles)',
      ),
    )
    .addOption(new Option('--batch-size <n>', 'rows per transaction (default 1000; 5000 with --import-only)'))
    .addOption(lexiconDirOption())
    .addOption(new Option('--workers <n>', 'worker threads for language detection and tagging (0: the main thread)').default(String(defaultWorkers())))
    .option('--import-only', 'import without language detection and emotion tagging (analyse later with reanalyze)')
    .option('--reanalyze', 'also re-analyse unchanged responses tagged with other lexicons (see heartline reanalyze)')
    .addOption(redactOption('in comments, segment values, rejected rows and messages before they are stored or printed'))
    .addOption(waitOption())
    .addOption(logFormatOption())
    .option('--no-summary', 'do not print the database summary after the import')
    .action(async (files: string[], flags: RunFlags) => {
      process.exitCode = await run(files, flags);
    });
}

async function run(files: string[], flags: RunFlags): Promise<ExitCode> {
  if (flags.encoding) checkEncoding(flags.encoding);
  const options = {
    source: flags.source,
    format: flags.format,
    encoding: flags.encoding,
    sheet: flags.sheet,
    columns: {
      id: flags.idColumn,
      score: flags.scoreColumn,
      text: flags.textColumn,
      date: flags.dateColumn,
      segments: flags.segmentColumn,
    },
    dateFormat: flags.dateFormat,
    batchSize: flags.batchSize === undefined ? undefined : positiveNumber(flags.batchSize, '--batch-size'),
    maxBytes: positiveNumber(flags.maxBytes, '--max-bytes'),
    lexiconDirs: validLexiconDirs(flags.lexiconDir),
    reanalyze: flags.reanalyze ?? false,
    importOnly: flags.importOnly ?? false,
    redact: flags.redact ?? false,
    workers: workerCount(flags.workers),
  };
  return withImportStore(flags.db, 'run', waitSeconds(flags.wait), (store, invocation, signal) =>
    importFiles(store, store.name, files, feedbackImport, { ...options, invocation, signal }, flags.summary, new RunReporter(flags.logFormat)),
  );
}

/**
 * Worker threads analyse while this thread reads, validates and writes; with one worker this thread also
 * detects the languages and the worker tags (feedback-import.ts), so both cores analyse. On 2 cores one worker: 150,000
 * responses took 34 s (39 s on the main thread alone) at 330–390 MB peak RSS; two workers were faster
 * (23–28 s) but each holds its own lexicons and language data, and the peak rose to 400–500 MB, past the
 * 400 MB we promise. With more cores, one per core besides the main thread. One core: the main thread alone.
 */
export function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.max(1, cores - 1);
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new HeartlineError('E_USAGE', `--workers needs a whole number 0–64, not '${value}'`);
  return n;
}
