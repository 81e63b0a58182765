import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Command, Option } from 'commander';
import { buildReport } from '../../analysis/build-report.js';
import { feedbackImport } from '../../pipeline/feedback-import.js';
import { type FileOutcome, type ImportProgress, importFile } from '../../pipeline/import-file.js';
import { datedPath, filesOf, loadNightlyConfig, type NightlyConfig, type NightlyInput } from '../../pipeline/nightly-config.js';
import { scoresImport } from '../../pipeline/scores-import.js';
import { RENDERERS } from '../../report/renderers.js';
import type { Database } from '../../store/database.js';
import { type Counts, ImportLedger } from '../../store/import-ledger.js';
import { EXIT, type ExitCode, exitCodeFor, worstExit } from '../exit-codes.js';
import { formatOutcome } from '../print-import.js';
import { logFormatOption } from '../common-options.js';
import { type LogFormat, RunReporter } from '../run-reporter.js';
import { withWriteLock } from '../with-database.js';
import { writeOutput } from '../write-output.js';

export function nightlyCommand(): Command {
  return new Command('nightly')
    .description(
      'the cron job: import every new dump named in a config file (files already imported, by checksum, are skipped), ' +
        'then write the configured reports; exits with the documented codes',
    )
    .addOption(new Option('--config <file>', 'the configuration (docs/operations.md)').default('heartline.config.json'))
    .addOption(logFormatOption())
    .action(async (flags: { config: string; logFormat: LogFormat }) => {
      const reporter = new RunReporter(flags.logFormat);
      const config = loadNightlyConfig(flags.config);
      process.exitCode = await withWriteLock(config.database, 'nightly', config.wait, async (db, invocation) => {
        const codes: ExitCode[] = [];
        let imported = 0;
        let skipped = 0;
        for (const input of config.inputs) {
          for (const file of filesOf(input)) {
            const previous = await alreadyImported(db, file, input);
            if (previous !== undefined) {
              skipped++;
              reporter.log({ event: 'file-skipped', file, previousRun: previous });
              process.stdout.write(`${file}: already imported (run #${previous}, same checksum), skipped\n`);
              continue;
            }
            reporter.fileStarted(file);
            const outcome = await importOne(db, file, input, invocation, config, reporter);
            reporter.fileDone(outcome);
            imported++;
            process.stdout.write(`${formatOutcome(outcome, config.redact)}\n`);
            if (outcome.error) {
              process.stderr.write(`heartline: ${outcome.error.format()}\n`);
              codes.push(exitCodeFor(outcome.error.code));
            } else if (outcome.counts.rejected > 0) codes.push(EXIT.REJECTS);
          }
        }
        process.stdout.write(
          imported === 0
            ? `nothing new to import (${skipped} file${skipped === 1 ? '' : 's'} already imported)\n`
            : `imported ${imported} file${imported === 1 ? '' : 's'}, skipped ${skipped} already imported\n`,
        );
        for (const spec of config.reports) {
          const report = buildReport(db, { database: config.database, filters: {}, by: spec.by.length > 0 ? spec.by : ['lang'], redact: config.redact });
          const path = datedPath(spec.path);
          writeOutput(path, RENDERERS[spec.format](report), { createFolder: true });
          process.stdout.write(`wrote ${spec.format} report ${path}\n`);
        }
        return worstExit(codes);
      });
    });
}

function importOne(
  db: Database,
  file: string,
  input: NightlyInput,
  invocation: string,
  config: Pick<NightlyConfig, 'lexiconDirs' | 'redact'>,
  reporter: RunReporter,
): Promise<FileOutcome<Counts>> {
  const options = {
    onProgress: (p: ImportProgress) => reporter.progress(p),
    invocation,
    source: input.source,
    format: input.format,
    encoding: input.encoding,
    sheet: input.sheet,
    columns: input.columns,
    dateFormat: input.dateFormat,
    lexiconDirs: config.lexiconDirs,
    redact: config.redact,
  };
  return input.scores ? importFile(db, file, scoresImport, options) : importFile(db, file, feedbackImport, options);
}

/** The run that already imported this exact file for this source, if one finished. */
async function alreadyImported(db: Database, file: string, input: NightlyInput): Promise<number | undefined> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return new ImportLedger(db).importedBefore(hash.digest('hex'), input.source, input.scores ? 'scores' : 'feedback');
}
