import type { Lexicons } from '../emotion/lexicon.js';
import type { Database } from './database.js';
import { type Counts, ImportLedger, type RunStart, type RunStatus } from './import-ledger.js';
import type { BatchWriter, ImportStore } from './import-store.js';
import { RejectLog } from './reject-log.js';
import { ResponseLookup, type StoredAnalysis } from './response-lookup.js';
import { type RowItem, ResponseWriter } from './response-writer.js';
import { type ScoreCounts, type ScoreItem, ScoreWriter } from './score-writer.js';
import { type DatabaseSummary, summarise } from './summarise.js';
import { type ReportSource, sqliteReportSource } from './report-source.js';

/** The import's store in a SQLite file: synchronous, one writer at a time (the run lock). */
export class SqliteImportStore implements ImportStore {
  readonly engine = 'sqlite';
  readonly name: string;
  private readonly ledger: ImportLedger;
  private lookup: { source: string; lookup: ResponseLookup } | undefined;

  constructor(readonly db: Database) {
    this.name = db.name;
    this.ledger = new ImportLedger(db);
  }

  startRun(run: RunStart): number {
    return this.ledger.start(run);
  }

  describeRun(runId: number, file: { kind: RunStart['kind']; format: string; encoding: string }): void {
    this.ledger.describe(runId, file);
  }

  finishRun(runId: number, status: RunStatus, checksum: string | null, error?: string): void {
    this.ledger.finish(runId, status, checksum, error);
  }

  completeRun(runId: number, status: RunStatus, checksum: string, lastLine: number): void {
    this.db.transaction(() => {
      this.ledger.finish(runId, status, checksum);
      new RejectLog(this.db).settle(runId, lastLine);
    })();
  }

  storedAnalysis(source: string, externalIds: string[]): Map<string, StoredAnalysis> {
    if (this.lookup?.source !== source) this.lookup = { source, lookup: new ResponseLookup(this.db, source) };
    return this.lookup.lookup.analyses(externalIds);
  }

  feedbackWriter(runId: number, source: string, file: string, lexicons: Pick<Lexicons, 'version' | 'dirs'>, redact: boolean): BatchWriter<RowItem, Counts> {
    return new ResponseWriter(this.db, runId, source, file, lexicons, redact);
  }

  scoresWriter(runId: number, source: string, file: string, redact: boolean): BatchWriter<ScoreItem, ScoreCounts> {
    return new ScoreWriter(this.db, runId, source, file, redact);
  }

  summary(): DatabaseSummary {
    return summarise(this.db);
  }

  importedBefore(checksum: string, source: string): number | undefined {
    return this.ledger.importedBefore(checksum, source);
  }

  reportSource(): ReportSource {
    return sqliteReportSource(this.db);
  }
}

/** Import functions take either a store or, for SQLite, its open database. */
export function importStoreOf(target: Database | ImportStore): ImportStore {
  return 'startRun' in target ? target : new SqliteImportStore(target);
}
