import type { RejectCode } from '../ingest/reject.js';
import { redactReject } from '../privacy/redact-reject.js';
import type { Database, Statement } from './database.js';
import { type Counts, ImportLedger, now, zeroCounts } from './import-ledger.js';
import type { RowItem } from './response-writer.js';

import type { ScoreRow } from '../ingest/validate-score-row.js';

interface StoredScore {
  score: number;
  /** The run that wrote this answer. */
  run_id: number;
  /** The last run that read it (NULL before migration 11). */
  last_run_id: number | null;
}

export interface ScoreItem extends Omit<RowItem, 'row'> {
  row?: ScoreRow;
}

export interface ScoreCounts extends Counts {
  /** Answers whose response is already in the database (linked now or before). */
  linked: number;
}

/**
 * Stores NPS answers that arrive apart from the feedback, keyed like responses by (source, external id),
 * and links each to its response when that exists. An answer in the feedback row itself is not overridden.
 */
export class ScoreWriter {
  private readonly find: Statement<StoredScore>;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly touch: Statement;
  private readonly link: Statement;
  private readonly exists: Statement;
  private readonly insertReject: Statement;
  private readonly keepVersion: Statement;
  private readonly ledger: ImportLedger;
  private readonly writeBatch: (items: ScoreItem[]) => ScoreCounts;

  constructor(
    db: Database,
    private readonly runId: number,
    private readonly source: string,
    private readonly file: string,
    /** Mask personal data in rejected rows' raw lines and reasons (--redact). */
    private readonly redact = false,
  ) {
    this.ledger = new ImportLedger(db);
    this.find = db.prepare<StoredScore>('SELECT score, run_id, last_run_id FROM nps_scores WHERE source = ? AND external_id = ?');
    this.insert = db.prepare(
      'INSERT INTO nps_scores (source, external_id, score, run_id, received_at, last_run_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.update = db.prepare(
      'UPDATE nps_scores SET score = ?, run_id = ?, received_at = ?, last_run_id = ? WHERE source = ? AND external_id = ?',
    );
    // An unchanged answer is marked as read by this run (last_run_id; run_id stays the run that wrote it, for
    // forget), so a different answer for its id later in the same file is a duplicate (rejected) — as for
    // responses — and running the file again changes nothing.
    this.touch = db.prepare('UPDATE nps_scores SET last_run_id = ? WHERE source = ? AND external_id = ?');
    this.link = db.prepare(
      `UPDATE responses SET score = ?, score_origin = 'scores-file', updated_at = ?
       WHERE source = ? AND external_id = ? AND (score_origin IS NULL OR score_origin = 'scores-file')
         AND score IS NOT ?`,
    );
    // The answer an update replaces, so `heartline forget --run` can put it back.
    this.keepVersion = db.prepare(
      `INSERT OR IGNORE INTO nps_score_versions (source, external_id, replaced_by, score, run_id, received_at)
       SELECT source, external_id, ?, score, run_id, received_at FROM nps_scores WHERE source = ? AND external_id = ?`,
    );
    this.exists = db.prepare('SELECT 1 FROM responses WHERE source = ? AND external_id = ?');
    this.insertReject = db.prepare(
      'INSERT INTO rejects (run_id, file, line, code, reason, raw) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.writeBatch = db.transaction((items: ScoreItem[]) => {
      const counts: ScoreCounts = { ...zeroCounts(), linked: 0 };
      for (const item of items) {
        counts.read++;
        const row = item.row;
        if (!row) {
          this.storeReject(item, item.reject!.code, item.reject!.reason);
          counts.rejected++;
          continue;
        }
        const outcome = this.store(row, item);
        counts[outcome]++;
        if (outcome === 'rejected') continue;
        this.link.run(row.score, now(), this.source, row.externalId, row.score);
        if (this.exists.get(this.source, row.externalId)) counts.linked++;
      }
      this.ledger.add(this.runId, counts);
      return counts;
    });
  }

  write(items: ScoreItem[]): ScoreCounts {
    return this.writeBatch(items);
  }

  private store(row: ScoreRow, item: ScoreItem): 'inserted' | 'updated' | 'unchanged' | 'rejected' {
    const existing = this.find.get(this.source, row.externalId);
    if (existing?.score === row.score) {
      if (existing.last_run_id !== this.runId) this.touch.run(this.runId, this.source, row.externalId);
      return 'unchanged';
    }
    if (existing && (existing.run_id === this.runId || existing.last_run_id === this.runId)) {
      this.storeReject(item, 'R_DUPLICATE_ID', `id '${row.externalId}' already has a different answer earlier in this file`);
      return 'rejected';
    }
    if (existing) {
      this.keepVersion.run(this.runId, this.source, row.externalId);
      this.update.run(row.score, this.runId, now(), this.runId, this.source, row.externalId);
      return 'updated';
    }
    this.insert.run(this.source, row.externalId, row.score, this.runId, now(), this.runId);
    return 'inserted';
  }

  private storeReject(item: ScoreItem, code: RejectCode, reason: string): void {
    const stored = this.redact ? redactReject({ code, reason }, item.raw) : { reason, raw: item.raw };
    this.insertReject.run(this.runId, this.file, item.line, code, stored.reason, stored.raw);
  }
}
