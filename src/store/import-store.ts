import type { Lexicons } from '../emotion/lexicon.js';
import type { Counts, RunStart, RunStatus } from './import-ledger.js';
import type { StoredAnalysis } from './response-lookup.js';
import type { RowItem } from './response-writer.js';
import type { ScoreCounts, ScoreItem } from './score-writer.js';
import type { DatabaseSummary } from './summarise.js';
import type { ReportSource } from './report-source.js';

type MaybePromise<T> = T | Promise<T>;

/** Writes one batch of items in one transaction, with the ledger counts of what it wrote. */
export interface BatchWriter<Item, C extends Counts> {
  write(items: Item[]): MaybePromise<C>;
}

/**
 * What an import needs of a store, whichever engine holds it: the ledger, the stored state of a batch, the
 * writers and the summary. SQLite answers at once; PostgreSQL over the network (hence the promises).
 */
export interface ImportStore {
  readonly engine: 'sqlite' | 'postgres';
  /** The file path or the URL (without its password), for messages. */
  readonly name: string;
  startRun(run: RunStart): MaybePromise<number>;
  /** What the file turned out to be once its header was read. */
  describeRun(runId: number, file: { kind: RunStart['kind']; format: string; encoding: string }): MaybePromise<void>;
  finishRun(runId: number, status: RunStatus, checksum: string | null, error?: string): MaybePromise<void>;
  /** A run that read its whole file: status and checksum, and earlier runs' rejects settled, in one transaction. */
  completeRun(runId: number, status: RunStatus, checksum: string, lastLine: number): MaybePromise<void>;
  /** The stored text and lexicon version of these ids of one source (absent ids are not in the map). */
  storedAnalysis(source: string, externalIds: string[]): MaybePromise<Map<string, StoredAnalysis>>;
  feedbackWriter(runId: number, source: string, file: string, lexicons: Pick<Lexicons, 'version' | 'dirs'>, redact: boolean): BatchWriter<RowItem, Counts>;
  scoresWriter(runId: number, source: string, file: string, redact: boolean): BatchWriter<ScoreItem, ScoreCounts>;
  summary(): MaybePromise<DatabaseSummary>;
  /** The last finished, not forgotten run that imported a file with these bytes for this source (nightly skips it). */
  importedBefore(checksum: string, source: string): MaybePromise<number | undefined>;
  /** What a report on everything stored reads (nightly's reports, written under the lock). */
  reportSource(withSegments: boolean, verbatimsPer: number): MaybePromise<ReportSource>;
}
