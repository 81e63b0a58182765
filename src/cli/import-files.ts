import type { Database } from '../store/database.js';
import type { Counts } from '../store/import-ledger.js';
import type { ImportStore } from '../store/import-store.js';
import { importStoreOf } from '../store/sqlite-import-store.js';
import { type BaseItem, type FileOutcome, type ImportKind, type ImportOptions, importFile } from '../pipeline/import-file.js';
import { EXIT, type ExitCode, exitCodeFor, worstExit } from './exit-codes.js';
import { formatOutcome, formatSummary, formatTotal } from './print-import.js';
import { RunReporter } from './run-reporter.js';

/**
 * Imports files in order, printing each outcome as it ends, then the total and the database summary. Stops
 * before the next file once `options.signal` fires (the caller turns that into its exit code).
 */
export async function importFiles(
  target: Database | ImportStore,
  dbPath: string,
  files: string[],
  kind: ImportKind<BaseItem, Counts>,
  options: ImportOptions,
  printSummary = true,
  reporter = new RunReporter('text'),
): Promise<ExitCode> {
  const db = importStoreOf(target);
  const outcomes: FileOutcome[] = [];
  const codes: ExitCode[] = [];
  for (const file of files) {
    if (options.signal?.aborted) break;
    reporter.fileStarted(file === '-' ? '<stdin>' : file);
    const outcome = await importFile(db, file, kind, { ...options, onProgress: (p) => reporter.progress(p) });
    reporter.fileDone(outcome);
    outcomes.push(outcome);
    process.stdout.write(`${formatOutcome(outcome, options.redact)}\n`);
    if (outcome.error) {
      process.stderr.write(`heartline: ${outcome.error.format()}\n`);
      codes.push(exitCodeFor(outcome.error.code));
    } else if (outcome.counts.rejected > 0) codes.push(EXIT.REJECTS);
  }
  if (options.signal?.aborted) return worstExit(codes);
  if (files.length > 1) process.stdout.write(`${formatTotal(outcomes)}\n`);
  if (printSummary) process.stdout.write(`${formatSummary(dbPath, await db.summary())}\n`);
  return worstExit(codes);
}
