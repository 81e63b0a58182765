import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Command, Option } from 'commander';
import { buildReport } from '../../analysis/build-report.js';
import { HeartlineError } from '../../errors.js';
import { feedbackImport } from '../../pipeline/feedback-import.js';
import { type FileOutcome, type ImportProgress, importFile } from '../../pipeline/import-file.js';
import { datedPath, filesOf, type InputFiles, loadNightlyConfig, type NightlyConfig, type NightlyInput } from '../../pipeline/nightly-config.js';
import { scoresImport } from '../../pipeline/scores-import.js';
import { RENDERERS } from '../../report/renderers.js';
import type { ImportStore } from '../../store/import-store.js';
import { EXIT, type ExitCode, exitCodeFor, worstExit } from '../exit-codes.js';
import { formatOutcome } from '../print-import.js';
import { logFormatOption } from '../common-options.js';
import { validLexiconDirs } from '../lexicon-options.js';
import { type LogFormat, RunReporter } from '../run-reporter.js';
import { withImportStore } from '../with-database.js';
import { writeOutput } from '../write-output.js';

export function nightlyCommand(): Command {
  return new Command('nightly')
    .description(
      'the cron job: import every new dump named in a config file (files already imported, by checksum, are skipped), ' +
        'then write the configured reports; exits with the documented codes (3 only when a file has more rejected ' +
        'rows than maxRejectedShare, default 5%)',
    )
    .addOption(new Option('--config <file>', 'the configuration (docs/operations.md)').default('heartline.config.json'))
    .addOption(logFormatOption())
    .action(async (flags: { config: string; logFormat: LogFormat }) => {
      const reporter = new RunReporter(flags.logFormat);
      const config = loadNightlyConfig(flags.config);
      validLexiconDirs(config.lexiconDirs, 'lexiconDirs');
      process.exitCode = await withImportStore(config.database, 'nightly', config.wait, (store, invocation, signal) =>
        nightly(store, config, invocation, signal, reporter),
      );
    });
}

async function nightly(db: ImportStore, config: NightlyConfig, invocation: string, signal: AbortSignal, reporter: RunReporter): Promise<ExitCode> {
  const codes: ExitCode[] = [];
  let imported = 0;
  let skipped = 0;
  let rejected = 0;
  for (const [i, input] of config.inputs.entries()) {
    let found: InputFiles;
    try {
      found = filesOf(input, `inputs[${i}]`);
    } catch (error) {
      if (!(error instanceof HeartlineError)) throw error;
      // One missing drop folder fails the night (exit 1), but the other inputs are still imported.
      process.stderr.write(`heartline: ${error.format()}\n`);
      reporter.log({ event: 'input-failed', input: input.path, code: error.code });
      codes.push(exitCodeFor(error.code));
      continue;
    }
    for (const folder of found.folders) {
      process.stderr.write(`heartline: warning: ${folder} matches inputs[${i}].path but is a folder: skipped\n`);
      reporter.log({ event: 'folder-skipped', path: folder });
    }
    for (const file of found.files) {
      if (signal.aborted) return worstExit(codes);
      const sum = await checksum(file);
      const previous = sum === undefined ? undefined : await db.importedBefore(sum, input.source);
      if (previous !== undefined) {
        skipped++;
        reporter.log({ event: 'file-skipped', file, previousRun: previous });
        process.stdout.write(`${file}: already imported (run #${previous}, same checksum), skipped\n`);
        continue;
      }
      reporter.fileStarted(file);
      const outcome = await importOne(db, file, input, invocation, config, reporter, signal);
      reporter.fileDone(outcome);
      imported++;
      rejected += outcome.counts.rejected;
      process.stdout.write(`${formatOutcome(outcome, config.redact)}\n`);
      if (outcome.error) {
        process.stderr.write(`heartline: ${outcome.error.format()}\n`);
        codes.push(exitCodeFor(outcome.error.code));
      } else if (outcome.counts.rejected > config.maxRejectedShare * outcome.counts.read) codes.push(EXIT.REJECTS);
    }
  }
  // Stopped by a signal: no reports from a half-imported night (withWriteLock exits 130 or 143).
  if (signal.aborted) return worstExit(codes);
  process.stdout.write(
    imported === 0
      ? `nothing new to import (${skipped} file${skipped === 1 ? '' : 's'} already imported)\n`
      : `imported ${imported} file${imported === 1 ? '' : 's'}, skipped ${skipped} already imported` +
          (rejected > 0 ? `; ${rejected} row${rejected === 1 ? '' : 's'} rejected (heartline rejects)` : '') +
          '\n',
  );
  for (const spec of config.reports) {
    const by = spec.by.length > 0 ? spec.by : ['lang'];
    const source = await db.reportSource(by.some((b) => b !== 'lang'), 3);
    const report = buildReport(source, { database: db.name, filters: {}, by, redact: config.redact });
    const path = datedPath(spec.path);
    writeOutput(path, RENDERERS[spec.format](report), { createFolder: true });
    process.stdout.write(`wrote ${spec.format} report ${path}\n`);
  }
  return worstExit(codes);
}

function importOne(
  db: ImportStore,
  file: string,
  input: NightlyInput,
  invocation: string,
  config: Pick<NightlyConfig, 'lexiconDirs' | 'redact'>,
  reporter: RunReporter,
  signal: AbortSignal,
): Promise<FileOutcome> {
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
    signal,
  };
  return importFile(db, file, input.scores ? scoresImport : feedbackImport, options);
}

/** sha256 of the file's bytes, as the ledger stores it; undefined when it cannot be read (the import says why). */
async function checksum(file: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}
