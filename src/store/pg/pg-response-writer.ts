import type pg from 'pg';
import type { Lexicons } from '../../emotion/lexicon.js';
import type { TagResult } from '../../emotion/tag-result.js';
import type { FeedbackRow } from '../../ingest/feedback-row.js';
import type { Reject } from '../../ingest/reject.js';
import type { TextLanguage } from '../../language/detection.js';
import { redact } from '../../privacy/redact.js';
import { redactReject } from '../../privacy/redact-reject.js';
import { languageColumns } from '../analysis-writer.js';
import { type Counts, now, zeroCounts } from '../import-ledger.js';
import type { BatchWriter } from '../import-store.js';
import { type RowItem, type StoredRow, mergeRow } from '../response-writer.js';
import { insertTags, replaceAnalyses } from './pg-analysis-writer.js';
import { inTransaction } from './transaction.js';

type ScoreOrigin = 'inline' | 'scores-file' | null;

/** A response as this batch leaves it: the stored row, then what earlier rows of the batch did to it. */
interface View extends StoredRow {
  /** The write that this batch makes of it, if any (later rows of the batch change that write). */
  op?: Op;
}

interface Op {
  kind: 'insert' | 'update' | 'content' | 'touch';
  externalId: string;
  line: number;
  row?: FeedbackRow;
  content?: { text: string; score: number | null; origin: ScoreOrigin; respondedAt: string | null; segments: string; declaredLanguage: string | null; hash: string };
  /** A new analysis of the response (language, tags, polarity), replacing the stored one. */
  analysis?: { language: TextLanguage | undefined; emotions: TagResult | undefined };
}

/**
 * The PostgreSQL writer of feedback rows: the same decisions as the SQLite ResponseWriter (insert, unchanged,
 * update, duplicate id), made for a whole batch from one look-up, then written set-wise — one statement per
 * kind of write, from arrays (unnest) — in one transaction with the ledger counts.
 */
export class PgResponseWriter implements BatchWriter<RowItem, Counts> {
  private versionNoted = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly runId: number,
    private readonly source: string,
    private readonly file: string,
    private readonly lexicons: Pick<Lexicons, 'version' | 'dirs'>,
    private readonly redact: boolean,
  ) {}

  async write(items: RowItem[]): Promise<Counts> {
    const counts = await inTransaction(this.pool, async (client) => {
      const counts = zeroCounts();
      const at = now();
      const ids = [...new Set(items.flatMap((item) => (item.row ? [item.row.externalId] : [])))];
      const views = new Map<string, View>();
      for (const row of (await client.query<StoredRow & { external_id: string }>(
        `SELECT id, external_id, row_hash, last_run_id, line, text, score, score_origin, responded_at, segments, declared_language
         FROM responses WHERE source = $1 AND external_id = ANY($2::text[])`,
        [this.source, ids],
      )).rows) views.set(row.external_id, row);
      const pending = new Map<string, number>();
      for (const s of (await client.query<{ external_id: string; score: number }>(
        'SELECT external_id, score FROM nps_scores WHERE source = $1 AND external_id = ANY($2::text[])',
        [this.source, ids],
      )).rows) pending.set(s.external_id, s.score);
      const effectiveScore = (row: FeedbackRow): [number | null, ScoreOrigin] => {
        if (row.score !== null) return [row.score, 'inline'];
        const score = pending.get(row.externalId);
        return score !== undefined ? [score, 'scores-file'] : [null, null];
      };

      const ops: Op[] = [];
      const rejects: { line: number; code: string; reason: string; raw: string }[] = [];
      const warnings: { line: number; code: string; reason: string; value: string }[] = [];
      const reject = (item: RowItem, reason: Reject) => {
        const stored = this.redact ? redactReject(reason, item.raw) : { reason: reason.reason, raw: item.raw };
        rejects.push({ line: item.line, code: reason.code, reason: stored.reason, raw: stored.raw });
      };

      for (const item of items) {
        counts.read++;
        const row = item.row;
        if (!row) {
          reject(item, item.reject!);
          counts.rejected++;
          continue;
        }
        const outcome = this.decide(item, row, views, ops, effectiveScore, reject);
        counts[outcome]++;
        if (outcome !== 'rejected' && row.warning) {
          counts.warnings++;
          const w = row.warning;
          warnings.push({ line: row.line, code: w.code, reason: this.redact ? redact(w.reason).text : w.reason, value: this.redact ? redact(w.value).text : w.value });
        }
      }
      await this.apply(client, ops, views, at);
      if (rejects.length > 0) {
        await client.query(
          `INSERT INTO rejects (run_id, file, line, code, reason, raw)
           SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::text[])`,
          [this.runId, this.file, rejects.map((r) => r.line), rejects.map((r) => r.code), rejects.map((r) => r.reason), rejects.map((r) => r.raw)],
        );
      }
      if (warnings.length > 0) {
        await client.query(
          `INSERT INTO import_warnings (run_id, file, line, code, reason, value)
           SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::text[])`,
          [this.runId, this.file, warnings.map((w) => w.line), warnings.map((w) => w.code), warnings.map((w) => w.reason), warnings.map((w) => w.value)],
        );
      }
      await client.query(
        `UPDATE import_runs SET rows_read = rows_read + $1, inserted = inserted + $2, updated = updated + $3,
           unchanged = unchanged + $4, rejected = rejected + $5, warnings = warnings + $6 WHERE id = $7`,
        [counts.read, counts.inserted, counts.updated, counts.unchanged, counts.rejected, counts.warnings, this.runId],
      );
      return counts;
    });
    this.versionNoted = true;
    return counts;
  }

  /** One row's outcome, as ResponseWriter.writeOne decides it, recorded as a write to make. */
  private decide(
    item: RowItem,
    row: FeedbackRow,
    views: Map<string, View>,
    ops: Op[],
    effectiveScore: (row: FeedbackRow) => [number | null, ScoreOrigin],
    reject: (item: RowItem, reason: Reject) => void,
  ): 'inserted' | 'updated' | 'unchanged' | 'rejected' {
    const stored = views.get(row.externalId);
    const analysis = row.emotions ? { language: row.language, emotions: row.emotions } : undefined;
    if (!stored) {
      const [score, origin] = effectiveScore(row);
      const op: Op = {
        kind: 'insert', externalId: row.externalId, line: row.line, row, analysis,
        content: { text: row.text, score, origin, respondedAt: row.respondedAt, segments: JSON.stringify(row.segments), declaredLanguage: row.declaredLanguage, hash: row.rowHash },
      };
      ops.push(op);
      views.set(row.externalId, {
        id: 0, external_id: row.externalId, row_hash: row.rowHash, last_run_id: this.runId, line: row.line, text: row.text, score, score_origin: origin,
        responded_at: row.respondedAt, segments: JSON.stringify(row.segments), declared_language: row.declaredLanguage, op,
      });
      return 'inserted';
    }
    const merged = mergeRow(row, stored);
    if (merged.hash === stored.row_hash) {
      let op = stored.op;
      if (!op) ops.push((op = stored.op = { kind: 'touch', externalId: row.externalId, line: row.line }));
      op.line = row.line;
      stored.last_run_id = this.runId;
      stored.line = row.line;
      if (analysis && row.language) op.analysis = analysis;
      return 'unchanged';
    }
    if (stored.last_run_id === this.runId) {
      reject(item, { code: 'R_DUPLICATE_ID', reason: `id '${row.externalId}' already appeared at line ${stored.line} of this import with different content` });
      return 'rejected';
    }
    const [score, origin] = row.supplied.score ? effectiveScore(row) : [stored.score, stored.score_origin as ScoreOrigin];
    const content = { text: merged.text, score, origin, respondedAt: merged.respondedAt, segments: JSON.stringify(merged.segments), declaredLanguage: merged.declaredLanguage, hash: merged.hash };
    const kind = merged.text === stored.text && !row.emotions ? 'content' : 'update';
    // A new comment gets its analysis, or none with --import-only (old tags describe old text).
    const op: Op = { kind, externalId: row.externalId, line: row.line, row, content, analysis: kind === 'update' ? { language: row.language, emotions: row.emotions } : undefined };
    ops.push(op);
    Object.assign(stored, { row_hash: merged.hash, last_run_id: this.runId, line: row.line, text: merged.text, score, score_origin: origin,
      responded_at: merged.respondedAt, segments: content.segments, declared_language: merged.declaredLanguage, op });
    return 'updated';
  }

  private async apply(client: pg.PoolClient, ops: Op[], views: Map<string, View>, at: string): Promise<void> {
    const version = this.lexicons.version;
    if (!this.versionNoted) {
      await client.query('INSERT INTO lexicon_versions (version, dirs, first_used) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [version, JSON.stringify(this.lexicons.dirs), at]);
    }
    const idOf = (op: Op) => views.get(op.externalId)!.id;
    const changed = ops.filter((op) => op.kind === 'update' || op.kind === 'content');
    if (changed.length > 0) {
      // The versions these updates replace, with their tags, so `heartline forget --run` can put them back.
      const ids = changed.map(idOf);
      await client.query(
        `INSERT INTO response_versions (response_id, replaced_by, content_run_id, text, score, score_origin, responded_at,
           segments, declared_language, row_hash, file, line, last_run_id, updated_at, language, language_confidence,
           language_supported, language_segments, polarity, lexicon_version, tags)
         SELECT r.id, $1, COALESCE(r.content_run_id, r.first_run_id), r.text, r.score, r.score_origin, r.responded_at,
           r.segments, r.declared_language, r.row_hash, r.file, r.line, r.last_run_id, r.updated_at, r.language,
           r.language_confidence, r.language_supported, r.language_segments, r.polarity, r.lexicon_version,
           COALESCE((SELECT json_agg(json_build_object('emotion', t.emotion, 'score', t.score, 'evidence', t.evidence,
              'lexicon_version', t.lexicon_version) ORDER BY t.emotion)::text FROM emotion_tags AS t WHERE t.response_id = r.id), '[]')
         FROM responses AS r WHERE r.id = ANY($2::int[])
         ON CONFLICT DO NOTHING`,
        [this.runId, ids],
      );
      if (this.redact) {
        const kept = await client.query<{ response_id: number; text: string | null }>(
          'SELECT response_id, text FROM response_versions WHERE replaced_by = $1 AND response_id = ANY($2::int[])', [this.runId, ids]);
        const masked = kept.rows.filter((k) => k.text);
        if (masked.length > 0) {
          await client.query(
            `UPDATE response_versions AS v SET text = u.text FROM unnest($2::int[], $3::text[]) AS u(id, text)
             WHERE v.replaced_by = $1 AND v.response_id = u.id`,
            [this.runId, masked.map((k) => k.response_id), masked.map((k) => redact(k.text!).text)]);
        }
      }
    }

    const inserts = ops.filter((op) => op.kind === 'insert');
    if (inserts.length > 0) {
      const col = <T>(f: (op: Op) => T) => inserts.map(f);
      const lang = inserts.map((op) => languageColumns(op.analysis?.language));
      const result = await client.query<{ id: number; external_id: string }>(
        `INSERT INTO responses (source, external_id, text, score, score_origin, responded_at, segments, declared_language,
           row_hash, file, line, first_run_id, last_run_id, imported_at, updated_at, language, language_confidence,
           language_supported, language_segments, polarity, lexicon_version, content_run_id)
         SELECT $1, u.external_id, u.text, u.score, u.origin, u.responded_at, u.segments, u.declared_language, u.row_hash,
           $2, u.line, $3, $3, $4, $4, u.language, u.confidence, u.supported, u.language_segments, u.polarity, u.version, $3
         FROM unnest($5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[],
           $14::text[], $15::float8[], $16::int[], $17::text[], $18::float8[], $19::text[], $20::int[])
           AS u(external_id, text, score, origin, responded_at, segments, declared_language, row_hash, line,
                language, confidence, supported, language_segments, polarity, version, ord)
         ORDER BY u.ord
         RETURNING id, external_id`,
        [this.source, this.file, this.runId, at,
          col((op) => op.externalId), col((op) => op.content!.text), col((op) => op.content!.score), col((op) => op.content!.origin),
          col((op) => op.content!.respondedAt), col((op) => op.content!.segments), col((op) => op.content!.declaredLanguage),
          col((op) => op.content!.hash), col((op) => op.line),
          lang.map((l) => l[0]), lang.map((l) => l[1]), lang.map((l) => l[2]), lang.map((l) => l[3]),
          col((op) => (op.analysis?.emotions ? op.analysis.emotions.polarity : null)), col((op) => (op.analysis?.emotions ? version : null)),
          inserts.map((_, i) => i)],
      );
      for (const r of result.rows) views.get(r.external_id)!.id = r.id;
    }

    const full = ops.filter((op) => op.kind === 'update');
    if (full.length > 0) {
      const lang = full.map((op) => languageColumns(op.analysis?.language));
      await client.query(
        `UPDATE responses AS r SET text = u.text, score = u.score, score_origin = u.origin, responded_at = u.responded_at,
           segments = u.segments, declared_language = u.declared_language, row_hash = u.row_hash, file = $1, line = u.line,
           last_run_id = $2, updated_at = $3, language = u.language, language_confidence = u.confidence,
           language_supported = u.supported, language_segments = u.language_segments, polarity = u.polarity,
           lexicon_version = u.version, content_run_id = $2
         FROM unnest($4::int[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[],
           $13::text[], $14::float8[], $15::int[], $16::text[], $17::float8[], $18::text[])
           AS u(id, text, score, origin, responded_at, segments, declared_language, row_hash, line,
                language, confidence, supported, language_segments, polarity, version)
         WHERE r.id = u.id`,
        [this.file, this.runId, at, full.map(idOf), full.map((op) => op.content!.text), full.map((op) => op.content!.score),
          full.map((op) => op.content!.origin), full.map((op) => op.content!.respondedAt), full.map((op) => op.content!.segments),
          full.map((op) => op.content!.declaredLanguage), full.map((op) => op.content!.hash), full.map((op) => op.line),
          lang.map((l) => l[0]), lang.map((l) => l[1]), lang.map((l) => l[2]), lang.map((l) => l[3]),
          full.map((op) => (op.analysis?.emotions ? op.analysis.emotions.polarity : null)),
          full.map((op) => (op.analysis?.emotions ? version : null))],
      );
    }
    const content = ops.filter((op) => op.kind === 'content');
    if (content.length > 0) {
      await client.query(
        `UPDATE responses AS r SET text = u.text, score = u.score, score_origin = u.origin, responded_at = u.responded_at,
           segments = u.segments, declared_language = u.declared_language, row_hash = u.row_hash, file = $1, line = u.line,
           last_run_id = $2, updated_at = $3, content_run_id = $2
         FROM unnest($4::int[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[])
           AS u(id, text, score, origin, responded_at, segments, declared_language, row_hash, line)
         WHERE r.id = u.id`,
        [this.file, this.runId, at, content.map(idOf), content.map((op) => op.content!.text), content.map((op) => op.content!.score),
          content.map((op) => op.content!.origin), content.map((op) => op.content!.respondedAt), content.map((op) => op.content!.segments),
          content.map((op) => op.content!.declaredLanguage), content.map((op) => op.content!.hash), content.map((op) => op.line)],
      );
    }
    const touched = ops.filter((op) => op.kind === 'touch');
    if (touched.length > 0) {
      await client.query(
        `UPDATE responses AS r SET last_run_id = $1, file = $2, line = u.line FROM unnest($3::int[], $4::int[]) AS u(id, line) WHERE r.id = u.id`,
        [this.runId, this.file, touched.map(idOf), touched.map((op) => op.line)],
      );
    }
    // Unchanged rows analysed again (never analysed, or --reanalyze with other lexicons).
    const analysed = touched.filter((op) => op.analysis?.emotions && op.analysis.language);
    await replaceAnalyses(client, version, analysed.map((op) => ({ id: idOf(op), language: op.analysis!.language!, emotions: op.analysis!.emotions! })));
    // Tags: replaced for updated comments, inserted for new rows.
    if (full.length > 0) await client.query('DELETE FROM emotion_tags WHERE response_id = ANY($1::int[])', [full.map(idOf)]);
    await insertTags(client, ops.filter((op) => (op.kind === 'insert' || op.kind === 'update') && op.analysis?.emotions).map((op) => [idOf(op), op.analysis!.emotions!] as const), version);
  }
}
