import type { FeedbackRow, RowContent } from '../ingest/feedback-row.js';
import type { Reject, RowWarning } from '../ingest/reject.js';
import { rowHash } from '../ingest/row-hash.js';
import { redact } from '../privacy/redact.js';
import type { Lexicons } from '../emotion/lexicon.js';
import { redactReject } from '../privacy/redact-reject.js';
import { AnalysisWriter, languageColumns } from './analysis-writer.js';
import type { Database, Statement } from './database.js';
import { type Counts, ImportLedger, now, zeroCounts } from './import-ledger.js';
import { amongIds } from './response-lookup.js';

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

/** A stored response, as the writer compares and merges it. */
export interface StoredRow {
  id: number;
  external_id: string;
  row_hash: string;
  last_run_id: number;
  line: number;
  text: string;
  score: number | null;
  score_origin: 'inline' | 'scores-file' | null;
  responded_at: string | null;
  segments: string;
  declared_language: string | null;
}

type ScoreOrigin = 'inline' | 'scores-file' | null;

/**
 * Writes batches of validated rows and rejects in one transaction each, together with the ledger counts,
 * so a killed process leaves the database consistent and a re-run continues where the commits stopped.
 */
export class ResponseWriter {
  private readonly find: Statement<StoredRow>;
  private readonly findMany: Statement<StoredRow>;
  private readonly pendingScore: Statement<{ score: number }>;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly updateContent: Statement;
  private readonly touch: Statement;
  private readonly insertReject: Statement;
  private readonly insertWarning: Statement;
  private readonly keepVersion: Statement;
  private readonly versionText: Statement<{ text: string | null }>;
  private readonly maskVersionText: Statement;
  private readonly analysis: AnalysisWriter | undefined;
  private readonly ledger: ImportLedger;
  private readonly writeBatch: (items: RowItem[]) => Counts;
  /** The batch's timestamp: one clock read per transaction, not per row. */
  private at = '';
  /** The batch's stored rows, read in one statement when its transaction begins. */
  private readonly stored = new Map<string, StoredRow>();
  /** Ids this batch has written so far: their rows in `stored` may be out of date. */
  private readonly written = new Set<string>();

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
    const columns = 'id, external_id, row_hash, last_run_id, line, text, score, score_origin, responded_at, segments, declared_language';
    this.find = db.prepare<StoredRow>(`SELECT ${columns} FROM responses WHERE source = ? AND external_id = ?`);
    this.findMany = db.prepare<StoredRow>(amongIds(columns));
    this.pendingScore = db.prepare<{ score: number }>('SELECT score FROM nps_scores WHERE source = ? AND external_id = ?');
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
    // The comment is the same: its language, tags and polarity still describe it and stay.
    this.updateContent = db.prepare(
      `UPDATE responses SET text = ?, score = ?, score_origin = ?, responded_at = ?, segments = ?,
         declared_language = ?, row_hash = ?, file = ?, line = ?, last_run_id = ?, updated_at = ?, content_run_id = ?
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
    this.versionText = db.prepare<{ text: string | null }>('SELECT text FROM response_versions WHERE response_id = ? AND replaced_by = ?');
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
      this.readStored(items);
      for (const item of items) {
        counts.read++;
        const outcome = this.writeOne(item);
        if (item.row) this.written.add(item.row.externalId);
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
    try {
      return this.writeBatch(items);
    } finally {
      this.stored.clear();
      this.written.clear();
    }
  }

  /** The stored rows of the batch's ids not found absent before (most rows of a re-run): one statement. */
  private readStored(items: RowItem[]): void {
    const ids = items.flatMap((item) => (item.row && !item.absent ? [item.row.externalId] : []));
    if (ids.length === 0) return;
    for (const row of this.findMany.all(this.source, JSON.stringify(ids))) this.stored.set(row.external_id, row);
  }

  /** The stored row with this id, as it stands now in this transaction. */
  private storedRow(externalId: string): StoredRow | undefined {
    const read = this.written.has(externalId) ? undefined : this.stored.get(externalId);
    return read ?? this.find.get(this.source, externalId);
  }

  private writeOne(item: RowItem): RowOutcome {
    const row = item.row;
    if (!row) {
      this.rejectItem(item, item.reject!);
      return 'rejected';
    }
    // Most rows of a dump are new: one insert, without the look-up the `known` stage has just made.
    if (item.absent && this.tryInsert(row)) return 'inserted';
    const stored = this.storedRow(row.externalId);
    if (!stored) {
      this.tryInsert(row);
      return 'inserted';
    }
    const merged = mergeRow(row, stored);
    if (merged.hash === stored.row_hash) {
      this.touch.run(this.runId, this.file, row.line, stored.id);
      // Analysed again (never analysed, or --reanalyze with other lexicons): store the new analysis.
      if (row.emotions) this.storeAnalysis(stored.id, row);
      return 'unchanged';
    }
    if (stored.last_run_id === this.runId) {
      this.rejectItem(item, {
        code: 'R_DUPLICATE_ID',
        reason: `id '${row.externalId}' already appeared at line ${stored.line} of this import with different content`,
      });
      return 'rejected';
    }
    const [score, origin] = row.supplied.score ? this.effectiveScore(row) : [stored.score, stored.score_origin];
    const content = [merged.text, score, origin, merged.respondedAt, JSON.stringify(merged.segments), merged.declaredLanguage,
      merged.hash, this.file, row.line, this.runId, this.at] as const;
    this.keepVersion.run(this.runId, stored.id);
    // Under --redact the version kept is masked too: the unmasked text must not outlive the import that masks it.
    if (this.redact) this.maskVersion(stored.id);
    if (merged.text === stored.text && !row.emotions) {
      this.updateContent.run(...content, this.runId, stored.id);
      return 'updated';
    }
    // A new comment (its analysis, or none with --import-only: old tags describe old text), or a new analysis.
    this.update.run(...content, ...languageColumns(row.language), ...this.analysisColumns(row), this.runId, stored.id);
    // The row itself now carries language, polarity and version: only its tags remain to replace.
    this.analysis?.replaceTags(stored.id, row.emotions);
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
  private effectiveScore(row: FeedbackRow): [number | null, ScoreOrigin] {
    if (row.score !== null) return [row.score, 'inline'];
    const pending = this.pendingScore.get(this.source, row.externalId);
    return pending ? [pending.score, 'scores-file'] : [null, null];
  }

  private maskVersion(id: number): void {
    const kept = this.versionText.get(id, this.runId);
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


/**
 * The row as it will be stored: what the file supplied, and what the database holds for every column the
 * file does not have (a scores file keeps the comments, a file without dates keeps the dates, a segment
 * column not named keeps its values). Its hash is of this merged content, so a file that changes nothing
 * it supplies counts as unchanged.
 */
export function mergeRow(row: FeedbackRow, stored: StoredRow): RowContent & { hash: string } {
  const { text, score, date, language } = row.supplied;
  // The usual re-import supplies the same columns as the stored row came from: what it lacks is empty in
  // the store too, so the row is the merge and its hash is already computed (no second sha1 and JSON parse
  // per row on a nightly re-run).
  const inlineScore = stored.score_origin === 'inline' ? stored.score : null;
  if ((text || stored.text === '') && (score || inlineScore === null) && (date || stored.responded_at === null) &&
    (language || stored.declared_language === null) && (stored.segments === '{}' || stored.segments === JSON.stringify(row.segments))) {
    return { text: text ? row.text : '', score: row.score, respondedAt: row.respondedAt, segments: row.segments,
      declaredLanguage: row.declaredLanguage, hash: row.rowHash };
  }
  const content: RowContent = {
    text: row.supplied.text ? row.text : stored.text,
    // The hash covers the answer given in the feedback row itself, not one delivered by import-scores.
    score: row.supplied.score ? row.score : inlineScore,
    respondedAt: row.supplied.date ? row.respondedAt : stored.responded_at,
    segments: { ...storedSegments(stored.segments), ...row.segments },
    declaredLanguage: row.supplied.language ? row.declaredLanguage : stored.declared_language,
  };
  return { ...content, hash: rowHash(content) };
}

function storedSegments(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
}
