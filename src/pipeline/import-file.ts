import PQueue from 'p-queue';
import { HeartlineError } from '../errors.js';
import type { ColumnMap, ColumnOverrides } from '../ingest/column-map.js';
import { MAX_BATCH_CHARS } from '../ingest/limits.js';
import type { DateOptions } from '../ingest/parse-date.js';
import type { DateOrderDecision } from '../ingest/settle-date-order.js';
import type { Format, SourceRecord } from '../ingest/table.js';
import { redactError, redactOutcome } from '../privacy/redact-outcome.js';
import type { Database } from '../store/database.js';
import { databaseError } from '../store/database-error.js';
import type { Counts, RunStatus } from '../store/import-ledger.js';
import type { BatchWriter, ImportStore } from '../store/import-store.js';
import { postgresError } from '../store/pg/postgres-url.js';
import { importStoreOf } from '../store/sqlite-import-store.js';
import { openDump } from './open-dump.js';
import type { Stage } from './stage.js';

/** Rows per transaction: large enough to be fast, small enough that a crash loses little work. */
export const DEFAULT_BATCH_SIZE = 1000;
/**
 * Rows per transaction without analysis: such rows are small and quickly written, and each commit rewrites the
 * index pages its rows touched, so five times the rows per commit cut the import's time by about a sixth
 * (200,000 rows: 4.9 s → 4.1 s). With analysis, batches this large only held more analysed rows in memory.
 */
export const IMPORT_ONLY_BATCH_SIZE = 5000;

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
   * Mask e-mail addresses, phone numbers, card numbers and IBANs before anything is stored or printed
   * (--redact): in comments, segment values, the raw lines and reasons of rejected rows, notes and errors.
   */
  redact?: boolean;
  /** Worker threads for language detection and tagging; 0 analyses on the main thread. */
  workers?: number;
  /** Told after each batch is written: rows so far and raw bytes read (of the file's size, when known). */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Stops the import (SIGINT, SIGTERM, a lost lock): no row is read after it fires, batches not yet written
   * are dropped whole, and the run is recorded as `interrupted`. The abort reason is said in the ledger.
   */
  signal?: AbortSignal;
}

export interface ImportProgress {
  file: string;
  rows: number;
  bytesRead: number;
  bytesTotal: number | undefined;
}

/** What every kind of item carries: where it stood in the file. */
export interface BaseItem {
  line: number;
  raw: string;
}

/** An import of one file as another kind, and the note that tells the user so. */
export interface Diversion {
  kind: ImportKind<BaseItem, Counts>;
  note: string;
}

/** What an import of one file needs to know about the kind of rows it reads. */
export interface ImportKind<Item extends BaseItem, C extends Counts> {
  kind: 'feedback' | 'scores';
  /** Another kind that fits the file's columns better (ids and NPS answers given to `run` are a scores file). */
  divert?(map: ColumnMap): Diversion | undefined;
  /** The item a source record starts as (its fields, or the reader's reject). */
  toItem(record: SourceRecord): Item;
  stages(map: ColumnMap, options: ImportOptions, store: ImportStore, source: string, dates: DateOptions): Stage<Item>[];
  writer(store: ImportStore, runId: number, source: string, file: string, options: ImportOptions): BatchWriter<Item, C>;
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
export async function importFile(
  target: Database | ImportStore,
  path: string,
  requested: ImportKind<BaseItem, Counts>,
  options: ImportOptions,
): Promise<FileOutcome> {
  const store = importStoreOf(target);
  const label = path === '-' ? '<stdin>' : path;
  const runId = await store.startRun({
    invocation: options.invocation,
    kind: requested.kind,
    file: label,
    source: options.source,
    redacted: options.redact ?? false,
  });
  const outcome: FileOutcome = { file: label, runId, status: 'running', counts: requested.empty(), notes: [] };
  /** The ledger's note of the file's format, written while its header is read. */
  let described: Promise<void> | undefined;
  /** Batches launched and not yet written, in input order. */
  const inFlight: Promise<BaseItem[]>[] = [];
  /** The batch being written, if any (see `drain`). */
  let writing: Promise<void> = Promise.resolve();
  const signal = options.signal;
  try {
    let kind = requested;
    let diversion: Diversion | undefined;
    const dump = await openDump(
      path,
      (map) => {
        diversion = requested.divert?.(map);
        kind = diversion?.kind ?? requested;
        return kind.kind;
      },
      options,
      ({ table }) => {
        Object.assign(outcome, { format: table.format, encoding: table.encoding, encodingEvidence: table.encodingEvidence, layout: table.layout });
        outcome.notes.push(...table.notes);
        described = Promise.resolve(store.describeRun(runId, { kind: requested.kind, format: table.format, encoding: table.encoding }));
        // Awaited once the dump is open; if opening fails first, that error is the one to report.
        described.catch(() => undefined);
      },
    );
    await described;
    const { input, map } = dump;
    if (diversion) {
      outcome.notes.push(diversion.note);
      outcome.counts = kind.empty();
      await store.describeRun(runId, { kind: kind.kind, format: dump.table.format, encoding: dump.table.encoding });
    }
    const counts = outcome.counts;
    Object.assign(outcome, { map, unused: dump.unused, dateOrder: dump.dateOrder });
    const stages = kind.stages(map, options, store, options.source, dump.dates);
    const writer = kind.writer(store, runId, options.source, label, options);
    const batchSize = options.batchSize ?? (options.importOnly ? IMPORT_ONLY_BATCH_SIZE : DEFAULT_BATCH_SIZE);
    // Batches go through the stages concurrently (analysis in worker threads), bounded by p-queue so memory
    // stays flat, and are written strictly in input order by this thread, the single SQLite writer.
    // One batch more than there are workers: while the workers analyse, this thread validates the next batch
    // and writes the last, so a worker never waits for it (with just one per worker, they took turns).
    // Without analysis (--import-only) there is nothing to overlap with: one batch at a time.
    const workers = options.importOnly ? 0 : (options.workers ?? 0);
    const concurrency = workers > 0 ? workers + 1 : 1;
    const queue = new PQueue({ concurrency });
    const launch = (items: BaseItem[]) => {
      const analysed = queue.add(async () => {
        for (const stage of stages) {
          if (signal?.aborted) break;
          await stage.run(items);
        }
        return items;
      }) as Promise<BaseItem[]>;
      // Awaited in order by `drain`; a batch cancelled by a stop may reject before its turn comes.
      analysed.catch(() => undefined);
      inFlight.push(analysed);
    };
    // One write at a time, in input order. A server's write (PostgreSQL) is left running while the next batch
    // is read and validated, and awaited before the next write; SQLite's writes finish as they are made.
    const write = async (items: BaseItem[]) => {
      addCounts(counts, await writer.write(items));
      // p-queue 9 keeps the closures of up to ~100 finished tasks (and so the batches they returned) until
      // it compacts its queue, which it never empties while batches keep coming: let the written rows go.
      items.length = 0;
      const { read, total } = input.progress();
      options.onProgress?.({ file: label, rows: counts.read, bytesRead: read, bytesTotal: total });
    };
    const drain = async (keep: number) => {
      while (inFlight.length > keep && !signal?.aborted) {
        const items = await inFlight.shift()!;
        // Stopped while this batch was analysed: it is dropped whole, never written half-analysed.
        if (signal?.aborted) break;
        await writing;
        writing = write(items);
        // Awaited at the next write or the end; a failure meanwhile must not count as unhandled.
        writing.catch(() => undefined);
      }
      if (keep === 0) await writing;
    };
    let batch: BaseItem[] = [];
    let batchChars = 0;
    let lastLine = 0;
    try {
      for await (const record of dump.records) {
        if (signal?.aborted) break;
        lastLine = record.line;
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
      if (batch.length > 0 && !signal?.aborted) launch(batch);
      await drain(0);
    }
    await writing;
    if (signal?.aborted) {
      await Promise.allSettled(inFlight);
      outcome.status = 'interrupted';
      await store.finishRun(runId, 'interrupted', null, interruptedBecause(signal));
    } else {
      outcome.status = counts.rejected > 0 ? 'rejects' : 'ok';
      await store.completeRun(runId, outcome.status, input.checksum(), lastLine);
    }
  } catch (error) {
    // Batches still in the workers when the write failed: let them finish (unwritten), or closing the
    // workers would fail them with nobody listening. A write still running ends (committed or not) first.
    await Promise.allSettled([...inFlight, writing]);
    if (signal?.aborted) {
      // The stop reached a batch in a worker thread (its task was cancelled): an interruption, not a failure.
      outcome.status = 'interrupted';
      await finishQuietly(() => store.finishRun(runId, 'interrupted', null, interruptedBecause(signal)));
      return options.redact ? redactOutcome(outcome) : outcome;
    }
    outcome.status = 'failed';
    try {
      outcome.error = asHeartlineError(error, label, store);
    } catch (bug) {
      // A bug: the ledger says the run failed (never left `running`), then it surfaces with its stack.
      await finishQuietly(() => store.finishRun(runId, 'failed', null, `internal error: ${(bug as Error).message}`));
      throw bug;
    }
    const stored = options.redact ? redactError(outcome.error) : outcome.error;
    await finishQuietly(() => store.finishRun(runId, 'failed', null, stored.format()));
  }
  return options.redact ? redactOutcome(outcome) : outcome;
}

async function finishQuietly(finish: () => void | Promise<void>): Promise<void> {
  try {
    await finish();
  } catch {
    // The database refused this write too (full disk): the row stays 'running' until the next run takes
    // the lock and marks it interrupted. The user sees the error above either way.
  }
}

/** What the ledger says of a run stopped by a signal or a lost lock. */
function interruptedBecause(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  const why = typeof reason === 'string' && /^SIG[A-Z]+$/.test(reason) ? `stopped by ${reason}` : 'stopped: the run lost the database lock';
  return `${why}; batches committed before it are kept, run the same command again to import the rest`;
}

function addCounts<C extends Counts>(total: C, add: C): void {
  for (const key of Object.keys(add) as (keyof C)[]) {
    (total[key] as number) += add[key] as number;
  }
}

function asHeartlineError(error: unknown, file: string, store: ImportStore): HeartlineError {
  if (error instanceof HeartlineError) return error;
  if (store.engine === 'postgres' && isServerError(error)) return postgresError(error, store.name, `cannot import ${file}`);
  const known = databaseError(error, store.name, `cannot import ${file}`);
  if (known instanceof HeartlineError) return known;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE')) {
    return new HeartlineError('E_DATABASE', `SQLite: ${(error as Error).message} (${code})`, { file });
  }
  throw error; // a bug: let it surface with its stack
}

/** An error from the PostgreSQL server (it carries a SQLSTATE) or from reaching it. */
function isServerError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code));
}
