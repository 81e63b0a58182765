import PQueue from 'p-queue';
import { HeartlineError } from '../errors.js';
import type { ColumnMap, ColumnOverrides } from '../ingest/column-map.js';
import { MAX_BATCH_CHARS } from '../ingest/limits.js';
import type { DateOptions } from '../ingest/parse-date.js';
import type { DateOrderDecision } from '../ingest/settle-date-order.js';
import type { Format, SourceRecord } from '../ingest/table.js';
import type { Database } from '../store/database.js';
import { databaseError } from '../store/database-error.js';
import { type Counts, ImportLedger, type RunStatus, zeroCounts } from '../store/import-ledger.js';
import { openDump } from './open-dump.js';
import type { Stage } from './stage.js';

/** Rows per transaction: large enough to be fast, small enough that a crash loses little work. */
export const DEFAULT_BATCH_SIZE = 1000;

export interface ImportOptions {
  invocation: string;
  source: string;
  format?: Format;
  encoding?: string;
  /** The Excel sheet to read (--sheet). */
  sheet?: string;
  columns: ColumnOverrides;
  dateFormat?: string;
  batchSize?: number;
  maxBytes?: number;
  /** User lexicon folders layered over the built-in lexicons (--lexicon-dir). */
  lexiconDirs?: string[];
  /** Re-analyse unchanged rows whose analysis used another lexicon version (run --reanalyze). */
  reanalyze?: boolean;
  /** Skip language detection and emotion tagging (the benchmark's floor). */
  importOnly?: boolean;
  /**
   * Mask e-mail addresses, phone numbers, card numbers and IBANs before anything is stored (--redact): in
   * comments, and in the raw lines and reasons of rejected rows.
   */
  redact?: boolean;
  /** Worker threads for language detection and tagging; 0 analyses on the main thread. */
  workers?: number;
  /** Told after each batch is written: rows so far and raw bytes read (of the file's size, when known). */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  file: string;
  rows: number;
  bytesRead: number;
  bytesTotal: number | undefined;
}

/** What an import of one file needs to know about the kind of rows it reads. */
export interface ImportKind<Item extends { line: number; raw: string }, C extends Counts> {
  kind: 'feedback' | 'scores';
  /** The item a source record starts as (its fields, or the reader's reject). */
  toItem(record: SourceRecord): Item;
  stages(map: ColumnMap, options: ImportOptions, db: Database, source: string, dates: DateOptions): Stage<Item>[];
  writer(db: Database, runId: number, source: string, file: string, options: ImportOptions): { write(items: Item[]): C };
  empty(): C;
}

export interface FileOutcome<C extends Counts = Counts> {
  file: string;
  runId: number;
  status: RunStatus;
  counts: C;
  format?: string;
  encoding?: string;
  /** Why `--encoding auto` chose the encoding. */
  encodingEvidence?: string;
  /** The delimiter, sheet or JSON key the rows came from. */
  layout?: string;
  notes: string[];
  /** Which columns were read as what, and those left unused: printed once per file. */
  map?: ColumnMap;
  unused?: string[];
  dateOrder?: DateOrderDecision;
  error?: HeartlineError;
}

/** Imports one file: read → stages → batched writes with ledger counts; any failure ends in the ledger. */
export async function importFile<Item extends { line: number; raw: string }, C extends Counts>(
  db: Database,
  path: string,
  kind: ImportKind<Item, C>,
  options: ImportOptions,
): Promise<FileOutcome<C>> {
  const ledger = new ImportLedger(db);
  const label = path === '-' ? '<stdin>' : path;
  const runId = ledger.start({ invocation: options.invocation, kind: kind.kind, file: label, source: options.source, redacted: options.redact ?? false });
  const counts = kind.empty();
  const outcome: FileOutcome<C> = { file: label, runId, status: 'running', counts, notes: [] };
  /** Batches launched and not yet written, in input order. */
  const inFlight: Promise<Item[]>[] = [];
  try {
    const dump = await openDump(path, kind.kind, options, ({ table }) => {
      Object.assign(outcome, { format: table.format, encoding: table.encoding, encodingEvidence: table.encodingEvidence, layout: table.layout });
      outcome.notes.push(...table.notes);
      ledger.describe(runId, table.format, table.encoding);
    });
    const { input, map } = dump;
    Object.assign(outcome, { map, unused: dump.unused, dateOrder: dump.dateOrder });
    const stages = kind.stages(map, options, db, options.source, dump.dates);
    const writer = kind.writer(db, runId, options.source, label, options);
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    // Batches go through the stages concurrently (analysis in worker threads), bounded by p-queue so memory
    // stays flat, and are written strictly in input order by this thread, the single SQLite writer.
    // One batch more than there are workers: while the workers analyse, this thread validates the next batch
    // and writes the last, so a worker never waits for it (with just one per worker, they took turns).
    // Without analysis (--import-only) there is nothing to overlap with: one batch at a time.
    const workers = options.importOnly ? 0 : (options.workers ?? 0);
    const concurrency = workers > 0 ? workers + 1 : 1;
    const queue = new PQueue({ concurrency });
    const launch = (items: Item[]) => {
      inFlight.push(
        queue.add(async () => {
          for (const stage of stages) await stage.run(items);
          return items;
        }) as Promise<Item[]>,
      );
    };
    const drain = async (keep: number) => {
      while (inFlight.length > keep) {
        const items = await inFlight.shift()!;
        addCounts(counts, writer.write(items));
        // p-queue 9 keeps the closures of up to ~100 finished tasks (and so the batches they returned) until
        // it compacts its queue, which it never empties while batches keep coming: let the written rows go.
        items.length = 0;
        const { read, total } = input.progress();
        options.onProgress?.({ file: label, rows: counts.read, bytesRead: read, bytesTotal: total });
      }
    };
    let batch: Item[] = [];
    let batchChars = 0;
    try {
      for await (const record of dump.records) {
        batch.push(kind.toItem(record));
        batchChars += record.size;
        // Bounded by characters too: a batch of 1,000 rows of 900,000 characters would not fit in memory.
        if (batch.length >= batchSize || batchChars >= MAX_BATCH_CHARS) {
          launch(batch);
          batch = [];
          batchChars = 0;
          await drain(2 * concurrency);
        }
      }
    } finally {
      // Rows read before a mid-file error are good rows: keep them.
      if (batch.length > 0) launch(batch);
      await drain(0);
    }
    outcome.status = counts.rejected > 0 ? 'rejects' : 'ok';
    ledger.finish(runId, outcome.status, input.checksum());
  } catch (error) {
    // Batches still in the workers when the write failed: let them finish (unwritten), or closing the
    // workers would fail them with nobody listening.
    await Promise.allSettled(inFlight);
    outcome.status = 'failed';
    try {
      outcome.error = asHeartlineError(error, label, db.name);
    } catch (bug) {
      // A bug: the ledger says the run failed (never left `running`), then it surfaces with its stack.
      try {
        ledger.finish(runId, 'failed', null, `internal error: ${(bug as Error).message}`);
      } catch {
        // as below
      }
      throw bug;
    }
    try {
      ledger.finish(runId, 'failed', null, outcome.error.format());
    } catch {
      // The database refused this write too (full disk): the row stays 'running' until the next run takes
      // the lock and marks it interrupted. The user sees the error above either way.
    }
  }
  return outcome;
}

function addCounts<C extends Counts>(total: C, add: C): void {
  for (const key of Object.keys(add) as (keyof C)[]) {
    (total[key] as number) += add[key] as number;
  }
}

function asHeartlineError(error: unknown, file: string, dbPath: string): HeartlineError {
  if (error instanceof HeartlineError) return error;
  const known = databaseError(error, dbPath, `cannot import ${file}`);
  if (known instanceof HeartlineError) return known;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE')) {
    return new HeartlineError('E_DATABASE', `SQLite: ${(error as Error).message} (${code})`, { file });
  }
  throw error; // a bug: let it surface with its stack
}
