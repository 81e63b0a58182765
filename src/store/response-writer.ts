import type { FeedbackRow } from '../ingest/feedback-row.js';
import type { Reject, RowWarning } from '../ingest/reject.js';
import { redact } from '../privacy/redact.js';
import type { Lexicons } from '../emotion/lexicon.js';
import { redactReject } from '../privacy/redact-reject.js';
import { AnalysisWriter, languageColumns } from './analysis-writer.js';
import type { Database, Statement } from './database.js';
import { type Counts, ImportLedger, now, zeroCounts } from './import-ledger.js';

/** What happened to one row read from a file. */
export type RowOutcome = 'inserted' | 'updated' | 'unchanged' | 'rejected';

export interface RowItem {
  line: number;
  raw: string;
  row?: FeedbackRow;
  reject?: Reject;
  /** Set when a look-up before analysis found no stored row with this id: the write tries a plain insert first. */
  absent?: boolean;
}

interface Existing {
  id: number;
  row_hash: string;
  last_run_id: number;
  line: number;
  lexicon_version: string | null;
}

/**
 * Writes batches of validated rows and rejects in one transaction each, together with the ledger counts,
 * so a killed process leaves the database consistent and a re-run continues where the commits stopped.
 */
export class ResponseWriter {
  private readonly find: Statement;
  private readonly pendingScore: Statement;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly touch: Statement;
  private readonly insertReject: Statement;
  private readonly insertWarning: Statement;
  private readonly keepVersion: Statement;
  private readonly versionText: Statement;
  private readonly maskVersionText: Statement;
  private readonly analysis: AnalysisWriter | undefined;
  private readonly ledger: ImportLedger;
  private readonly writeBatch: (items: RowItem[]) => Counts;
  /** The batch's timestamp: one clock read per transaction, not per row. */
  private at = '';

  constructor(
    db: Database,
    private readonly runId: number,
    private readonly source: string,
    private readonly file: string,
    lexicons?: Pick<Lexicons, 'version' | 'dirs'>,
    /** Mask personal data in rejected rows' raw lines and reasons (--redact). */
    private readonly redact = false,
  ) {
    this.ledger = new ImportLedger(db);
    this.analysis = lexicons ? new AnalysisWriter(db, lexicons) : undefined;
    this.find = db.prepare(
      'SELECT id, row_hash, last_run_id, line, lexicon_version FROM responses WHERE source = ? AND external_id = ?',
    );
    this.pendingScore = db.prepare('SELECT score FROM nps_scores WHERE source = ? AND external_id = ?');
    // A conflict inserts nothing (changes = 0): the row arrived meanwhile, from a batch written since the
    // look-up or earlier in this one, and the write goes the way of a stored row.
    this.insert = db.prepare(
      `INSERT INTO responses (source, external_id, text, score, score_origin, responded_at, segments,
         declared_language, row_hash, file, line, first_run_id, last_run_id, imported_at, updated_at,
         language, language_confidence, language_supported, language_segments, polarity, lexicon_version, content_run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source, external_id) DO NOTHING`,
    );
    this.update = db.prepare(
      `UPDATE responses SET text = ?, score = ?, score_origin = ?, responded_at = ?, segments = ?,
         declared_language = ?, row_hash = ?, file = ?, line = ?, last_run_id = ?, updated_at = ?,
         language = ?, language_confidence = ?, language_supported = ?, language_segments = ?,
         polarity = ?, lexicon_version = ?, content_run_id = ?
       WHERE id = ?`,
    );
    // The version an update replaces, with its tags, so `heartline forget --run` can put it back.
    this.keepVersion = db.prepare(
      `INSERT OR IGNORE INTO response_versions (response_id, replaced_by, content_run_id, text, score, score_origin,
         responded_at, segments, declared_language, row_hash, file, line, last_run_id, updated_at, language,
         language_confidence, language_supported, language_segments, polarity, lexicon_version, tags)
       SELECT r.id, ?, COALESCE(r.content_run_id, r.first_run_id), r.text, r.score, r.score_origin, r.responded_at,
         r.segments, r.declared_language, r.row_hash, r.file, r.line, r.last_run_id, r.updated_at, r.language,
         r.language_confidence, r.language_supported, r.language_segments, r.polarity, r.lexicon_version,
         (SELECT json_group_array(json_object('emotion', t.emotion, 'score', t.score, 'evidence', t.evidence,
            'lexicon_version', t.lexicon_version)) FROM emotion_tags AS t WHERE t.response_id = r.id)
       FROM responses AS r WHERE r.id = ?`,
    );
    this.versionText = db.prepare('SELECT text FROM response_versions WHERE response_id = ? AND replaced_by = ?');
    this.maskVersionText = db.prepare('UPDATE response_versions SET text = ? WHERE response_id = ? AND replaced_by = ?');
    this.insertWarning = db.prepare(
      'INSERT INTO import_warnings (run_id, file, line, code, reason, value) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.touch = db.prepare('UPDATE responses SET last_run_id = ?, file = ?, line = ? WHERE id = ?');
    this.insertReject = db.prepare(
      'INSERT INTO rejects (run_id, file, line, code, reason, raw) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.writeBatch = db.transaction((items: RowItem[]) => {
      const counts = zeroCounts();
      this.at = now();
      for (const item of items) {
        counts.read++;
        const outcome = this.writeOne(item);
        counts[outcome]++;
        if (outcome !== 'rejected' && item.row?.warning) {
          counts.warnings++;
          this.warn(item.row.line, item.row.warning);
        }
      }
      this.ledger.add(this.runId, counts);
      return counts;
    });
  }

  write(items: RowItem[]): Counts {
    return this.writeBatch(items);
  }

  private writeOne(item: RowItem): RowOutcome {
    const row = item.row;
    if (!row) {
      this.rejectItem(item, item.reject!);
      return 'rejected';
    }
    // Most rows of a dump are new: one insert, without the look-up the `known` stage has just made.
    if (item.absent && this.tryInsert(row)) return 'inserted';
    const existing = this.find.get(this.source, row.externalId) as Existing | undefined;
    if (existing?.row_hash === row.rowHash) {
      this.touch.run(this.runId, this.file, row.line, existing.id);
      // Analysed again (never analysed, or --reanalyze with other lexicons): store the new analysis.
      if (row.emotions) this.storeAnalysis(existing.id, row);
      return 'unchanged';
    }
    if (existing && existing.last_run_id === this.runId) {
      this.rejectItem(item, {
        code: 'R_DUPLICATE_ID',
        reason: `id '${row.externalId}' already appeared at line ${existing.line} of this import with different content`,
      });
      return 'rejected';
    }
    if (!existing) {
      this.tryInsert(row);
      return 'inserted';
    }
    const [score, origin] = this.effectiveScore(row);
    this.keepVersion.run(this.runId, existing.id);
    // Under --redact the version kept is masked too: the unmasked text must not outlive the import that masks it.
    if (this.redact) this.maskVersion(existing.id);
    this.update.run(row.text, score, origin, row.respondedAt, JSON.stringify(row.segments), row.declaredLanguage,
      row.rowHash, this.file, row.line, this.runId, this.at, ...languageColumns(row.language),
      ...this.analysisColumns(row), this.runId, existing.id);
    // The row itself now carries language, polarity and version: only its tags remain to replace.
    this.analysis?.replaceTags(existing.id, row.emotions);
    return 'updated';
  }

  /** Inserts a new response with its tags; false when one with its id is stored already. */
  private tryInsert(row: FeedbackRow): boolean {
    const [score, origin] = this.effectiveScore(row);
    const { changes, lastInsertRowid } = this.insert.run(this.source, row.externalId, row.text, score, origin,
      row.respondedAt, JSON.stringify(row.segments), row.declaredLanguage, row.rowHash, this.file, row.line,
      this.runId, this.runId, this.at, this.at, ...languageColumns(row.language), ...this.analysisColumns(row), this.runId);
    if (changes === 0) return false;
    if (row.emotions) this.analysis?.insertTags(Number(lastInsertRowid), row.emotions);
    return true;
  }

  /** Language, emotion tags, polarity and lexicon version of a response, replacing any earlier analysis. */
  private storeAnalysis(id: number, row: FeedbackRow): void {
    if (row.emotions && row.language) this.analysis?.replace(id, row.language, row.emotions);
  }

  /** polarity, lexicon_version: NULL when no emotion stage ran. */
  private analysisColumns(row: FeedbackRow): [number | null, string | null] {
    return row.emotions && this.analysis ? [row.emotions.polarity, this.analysis.lexicons.version] : [null, null];
  }

  /** The answer in the row wins; without one, an answer delivered earlier by import-scores applies. */
  private effectiveScore(row: FeedbackRow): [number | null, 'inline' | 'scores-file' | null] {
    if (row.score !== null) return [row.score, 'inline'];
    const pending = this.pendingScore.get(this.source, row.externalId) as { score: number } | undefined;
    return pending ? [pending.score, 'scores-file'] : [null, null];
  }

  private maskVersion(id: number): void {
    const kept = this.versionText.get(id, this.runId) as { text: string | null } | undefined;
    if (kept?.text) this.maskVersionText.run(redact(kept.text).text, id, this.runId);
  }

  private warn(line: number, warning: RowWarning): void {
    const value = this.redact ? redact(warning.value).text : warning.value;
    const reason = this.redact ? redact(warning.reason).text : warning.reason;
    this.insertWarning.run(this.runId, this.file, line, warning.code, reason, value);
  }

  private rejectItem(item: RowItem, reason: Reject): void {
    const stored = this.redact ? redactReject(reason, item.raw) : { reason: reason.reason, raw: item.raw };
    this.insertReject.run(this.runId, this.file, item.line, reason.code, stored.reason, stored.raw);
  }
}



