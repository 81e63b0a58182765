import { Command } from 'commander';
import { checkEncoding } from '../../ingest/decode-text.js';
import type { Format } from '../../ingest/table.js';
import { scoresImport } from '../../pipeline/scores-import.js';
import { dbOption, inputOptions, logFormatOption, positiveNumber, redactOption, waitOption, waitSeconds } from '../common-options.js';
import type { ExitCode } from '../exit-codes.js';
import { importFiles } from '../import-files.js';
import { type LogFormat, RunReporter } from '../run-reporter.js';
import { withImportStore } from '../with-database.js';

interface ScoresFlags {
  db: string;
  source: string;
  format?: Format;
  encoding?: string;
  sheet?: string;
  idColumn?: string;
  scoreColumn?: string;
  maxBytes: string;
  wait?: string | boolean;
  logFormat: LogFormat;
  summary: boolean;
  redact?: boolean;
}

export function importScoresCommand(): Command {
  const command = new Command('import-scores')
    .description(
      'attach NPS answers delivered in a separate file (id + score columns) to responses by id; ' +
        'answers for ids not imported yet wait and link when their feedback arrives',
    )
    .argument('<files...>', 'score files, read in the order given')
    .addOption(dbOption());
  for (const option of inputOptions()) command.addOption(option);
  return command.addOption(redactOption('in rejected rows and messages before they are stored or printed'))
    .addOption(waitOption())
    .addOption(logFormatOption())
    .option('--no-summary', 'do not print the database summary after the import').action(async (files: string[], flags: ScoresFlags) => {
    process.exitCode = await importScores(files, flags);
  });
}

async function importScores(files: string[], flags: ScoresFlags): Promise<ExitCode> {
  if (flags.encoding) checkEncoding(flags.encoding);
  const options = {
    source: flags.source,
    format: flags.format,
    encoding: flags.encoding,
    sheet: flags.sheet,
    columns: { id: flags.idColumn, score: flags.scoreColumn },
    maxBytes: positiveNumber(flags.maxBytes, '--max-bytes'),
    redact: flags.redact ?? false,
  };
  return withImportStore(flags.db, 'import-scores', waitSeconds(flags.wait), (store, invocation, signal) =>
    importFiles(store, store.name, files, scoresImport, { ...options, invocation, signal }, flags.summary, new RunReporter(flags.logFormat)),
  );
}
