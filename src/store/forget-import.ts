import { HeartlineError } from '../errors.js';
import type { Database } from './database.js';
import { now } from './import-ledger.js';

/** What to forget: one import run, or everything of a source. */
export type ForgetTarget = { run: number } | { source: string };

/** What a forget changed (or, as a dry run, would change). */
export interface ForgetResult {
  /** The `forgets` row that records it; undefined for a dry run. */
  id?: number;
  runs: ForgottenRun[];
  responsesDeleted: number;
  responsesRestored: number;
  /** The run's rows that a later run (not forgotten) read again: left as they are. */
  responsesKept: number;
  tagsDeleted: number;
  scoresDeleted: number;
  scoresRestored: number;
  /** Responses whose NPS answer from a scores file changed (put back, or taken away). */
  scoresRelinked: number;
  rejectsDeleted: number;
  warningsDeleted: number;
  /** A few external ids of each kind, for the listing. */
  examples: { deleted: string[]; restored: string[]; kept: string[] };
}

export interface ForgottenRun {
  id: number;
  kind: 'feedback' | 'scores';
  file: string;
  source: string;
  started_at: string;
  status: string;
  rows_read: number;
}

const EXAMPLES = 5;

/** Thrown inside the transaction of a dry run so that SQLite rolls back everything it did. */
class DryRun extends Error {
  constructor(readonly result: ForgetResult) {
    super('dry run');
  }
}

/**
 * Takes back what an import added, in one transaction: `apply` false runs the same statements and rolls
 * them back, so a dry run lists exactly what the real one does.
 *
 * For one run R (of source S):
 * - a response whose content R wrote (inserted, or changed) and that no later feedback run of S — one not
 *   forgotten — has read since is taken back: deleted if R inserted it, put back to the version R replaced
 *   (content, analysis and tags) if R changed it. Responses a later run read again are kept and counted.
 * - a later run's kept version that holds R's content is rewritten to what R replaced, so forgetting that
 *   run later restores the state before R.
 * - separately delivered NPS answers R wrote are deleted or put back the same way, and the responses they
 *   apply to are linked again to the answer now in effect.
 * - R's rejects and warnings are deleted; R stays in the ledger, marked forgotten by the `forgets` row.
 * For a source: every response, answer, version, reject and warning of it, and all its runs marked.
 */
export function forgetImport(db: Database, target: ForgetTarget, apply: boolean): ForgetResult {
  const work = db.transaction(() => {
    const result = 'run' in target ? forgetRun(db, target.run) : forgetSource(db, target.source);
    if (!apply) throw new DryRun({ ...result, id: undefined });
    return result;
  });
  try {
    return work.immediate();
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

function emptyResult(runs: ForgottenRun[]): ForgetResult {
  return {
    runs,
    responsesDeleted: 0,
    responsesRestored: 0,
    responsesKept: 0,
    tagsDeleted: 0,
    scoresDeleted: 0,
    scoresRestored: 0,
    scoresRelinked: 0,
    rejectsDeleted: 0,
    warningsDeleted: 0,
    examples: { deleted: [], restored: [], kept: [] },
  };
}

const RUN_COLUMNS = 'id, kind, file, source, started_at, status, rows_read';

function forgetRun(db: Database, runId: number): ForgetResult {
  const run = db.prepare(`SELECT ${RUN_COLUMNS}, forgotten_by FROM import_runs WHERE id = ?`).get(runId) as
    | (ForgottenRun & { forgotten_by: number | null })
    | undefined;
  if (!run) throw new HeartlineError('E_USAGE', `there is no import run #${runId}`, {}, 'heartline status lists the runs');
  if (run.forgotten_by !== null) throw new HeartlineError('E_USAGE', `run #${runId} was forgotten already (forget #${run.forgotten_by})`);
  const { forgotten_by: _, ...shown } = run;
  const result = emptyResult([shown]);
  const forgetId = record(db, { run: runId, source: run.source });
  if (run.kind === 'feedback') forgetResponses(db, run, result);
  else forgetScores(db, run, result);
  result.rejectsDeleted = db.prepare('DELETE FROM rejects WHERE run_id = ?').run(runId).changes;
  result.warningsDeleted = db.prepare('DELETE FROM import_warnings WHERE run_id = ?').run(runId).changes;
  db.prepare('UPDATE import_runs SET forgotten_by = ? WHERE id = ?').run(forgetId, runId);
  return finish(db, forgetId, result);
}

/** The responses a feedback run wrote, taken back as far as no later run has read them. */
function forgetResponses(db: Database, run: ForgottenRun, result: ForgetResult): void {
  // Responses whose current content the run wrote; `later` = a live feedback run of the source read it since.
  db.exec('DROP TABLE IF EXISTS temp.forget_rows');
  db.prepare(
    `CREATE TEMP TABLE forget_rows AS
     SELECT r.id, r.external_id,
            EXISTS (SELECT 1 FROM import_runs AS u WHERE u.source = r.source AND u.kind = 'feedback'
                      AND u.forgotten_by IS NULL AND u.id > @run AND u.id <= r.last_run_id) AS later,
            v.response_id IS NOT NULL AND v.absent = 0 AS has_version
     FROM responses AS r
     LEFT JOIN response_versions AS v ON v.response_id = r.id AND v.replaced_by = @run
     WHERE r.source = @source AND COALESCE(r.content_run_id, r.first_run_id) = @run`,
  ).run({ run: run.id, source: run.source });
  const examples = (where: string) =>
    (db.prepare(`SELECT external_id FROM temp.forget_rows WHERE ${where} ORDER BY id LIMIT ${EXAMPLES}`).all() as { external_id: string }[]).map((r) => r.external_id);
  const count = (where: string) => (db.prepare(`SELECT COUNT(*) AS n FROM temp.forget_rows WHERE ${where}`).get() as { n: number }).n;
  result.examples = { deleted: examples('NOT later AND NOT has_version'), restored: examples('NOT later AND has_version'), kept: examples('later') };
  result.responsesKept = count('later');
  result.tagsDeleted = (db.prepare(
    'SELECT COUNT(*) AS n FROM emotion_tags WHERE response_id IN (SELECT id FROM temp.forget_rows WHERE NOT later)',
  ).get() as { n: number }).n;

  // A later run's version that holds this run's content now holds what this run replaced (or "absent").
  db.prepare(
    `UPDATE response_versions AS later_v SET
       absent = COALESCE(mine.absent, 1), content_run_id = mine.content_run_id, text = mine.text, score = mine.score,
       score_origin = mine.score_origin, responded_at = mine.responded_at, segments = mine.segments,
       declared_language = mine.declared_language, row_hash = mine.row_hash, file = mine.file, line = mine.line,
       last_run_id = mine.last_run_id, updated_at = mine.updated_at, language = mine.language,
       language_confidence = mine.language_confidence, language_supported = mine.language_supported,
       language_segments = mine.language_segments, polarity = mine.polarity, lexicon_version = mine.lexicon_version,
       tags = mine.tags
     FROM (SELECT v.response_id AS rid, m.* FROM response_versions AS v
           LEFT JOIN response_versions AS m ON m.response_id = v.response_id AND m.replaced_by = @run
           WHERE v.content_run_id = @run AND v.replaced_by > @run) AS mine
     WHERE later_v.response_id = mine.rid AND later_v.content_run_id = @run AND later_v.replaced_by > @run`,
  ).run({ run: run.id });

  // Put back what the run replaced, with its analysis and tags.
  const restore = db.prepare(
    `UPDATE responses AS r SET text = v.text, score = v.score, score_origin = v.score_origin, responded_at = v.responded_at,
       segments = v.segments, declared_language = v.declared_language, row_hash = v.row_hash, file = v.file, line = v.line,
       last_run_id = v.last_run_id, updated_at = v.updated_at, language = v.language,
       language_confidence = v.language_confidence, language_supported = v.language_supported,
       language_segments = v.language_segments, polarity = v.polarity, lexicon_version = v.lexicon_version,
       content_run_id = v.content_run_id
     FROM response_versions AS v
     WHERE v.response_id = r.id AND v.replaced_by = ? AND r.id IN (SELECT id FROM temp.forget_rows WHERE NOT later AND has_version)`,
  );
  result.responsesRestored = restore.run(run.id).changes;
  db.prepare('DELETE FROM emotion_tags WHERE response_id IN (SELECT id FROM temp.forget_rows WHERE NOT later AND has_version)').run();
  db.prepare(
    `INSERT INTO emotion_tags (response_id, emotion, score, evidence, lexicon_version)
     SELECT v.response_id, json_extract(t.value, '$.emotion'), json_extract(t.value, '$.score'),
            json_extract(t.value, '$.evidence'), json_extract(t.value, '$.lexicon_version')
     FROM response_versions AS v, json_each(COALESCE(v.tags, '[]')) AS t
     WHERE v.replaced_by = ? AND v.response_id IN (SELECT id FROM temp.forget_rows WHERE NOT later AND has_version)`,
  ).run(run.id);
  result.responsesDeleted = db.prepare('DELETE FROM responses WHERE id IN (SELECT id FROM temp.forget_rows WHERE NOT later AND NOT has_version)').run().changes;
  // This run's versions are used up (restored, or carried into a later run's version).
  db.prepare('DELETE FROM response_versions WHERE replaced_by = ?').run(run.id);
  db.exec('DROP TABLE temp.forget_rows');
}

/** The NPS answers a scores run wrote: deleted or put back, and the responses they apply to linked again. */
function forgetScores(db: Database, run: ForgottenRun, result: ForgetResult): void {
  db.exec('DROP TABLE IF EXISTS temp.forget_scores');
  db.prepare(
    `CREATE TEMP TABLE forget_scores AS
     SELECT s.source, s.external_id, v.external_id IS NOT NULL AND v.absent = 0 AS has_version
     FROM nps_scores AS s
     LEFT JOIN nps_score_versions AS v ON v.source = s.source AND v.external_id = s.external_id AND v.replaced_by = @run
     WHERE s.run_id = @run`,
  ).run({ run: run.id });
  db.prepare(
    `UPDATE nps_score_versions AS later_v SET absent = COALESCE(mine.absent, 1), score = mine.score, run_id = mine.run_id,
       received_at = mine.received_at
     FROM (SELECT v.source AS s, v.external_id AS e, m.absent, m.score, m.run_id, m.received_at
           FROM nps_score_versions AS v
           LEFT JOIN nps_score_versions AS m ON m.source = v.source AND m.external_id = v.external_id AND m.replaced_by = @run
           WHERE v.run_id = @run AND v.replaced_by > @run) AS mine
     WHERE later_v.source = mine.s AND later_v.external_id = mine.e AND later_v.run_id = @run AND later_v.replaced_by > @run`,
  ).run({ run: run.id });
  result.scoresRestored = db.prepare(
    `UPDATE nps_scores AS s SET score = v.score, run_id = v.run_id, received_at = v.received_at
     FROM nps_score_versions AS v
     WHERE v.source = s.source AND v.external_id = s.external_id AND v.replaced_by = @run AND s.run_id = @run AND v.absent = 0`,
  ).run({ run: run.id }).changes;
  result.scoresDeleted = db.prepare('DELETE FROM nps_scores WHERE run_id = ?').run(run.id).changes;
  db.prepare('DELETE FROM nps_score_versions WHERE replaced_by = ?').run(run.id);
  // Responses that took their answer from these rows: the answer now in effect, or none.
  result.scoresRelinked = db.prepare(
    `UPDATE responses AS r SET
       score = (SELECT s.score FROM nps_scores AS s WHERE s.source = r.source AND s.external_id = r.external_id),
       score_origin = CASE WHEN EXISTS (SELECT 1 FROM nps_scores AS s WHERE s.source = r.source AND s.external_id = r.external_id)
                      THEN 'scores-file' END
     WHERE (r.score_origin IS NULL OR r.score_origin = 'scores-file')
       AND EXISTS (SELECT 1 FROM temp.forget_scores AS f WHERE f.source = r.source AND f.external_id = r.external_id)
       AND r.score IS NOT (SELECT s.score FROM nps_scores AS s WHERE s.source = r.source AND s.external_id = r.external_id)`,
  ).run().changes;
  result.examples.deleted = (db.prepare(`SELECT external_id FROM temp.forget_scores WHERE NOT has_version LIMIT ${EXAMPLES}`).all() as { external_id: string }[]).map((r) => r.external_id);
  result.examples.restored = (db.prepare(`SELECT external_id FROM temp.forget_scores WHERE has_version LIMIT ${EXAMPLES}`).all() as { external_id: string }[]).map((r) => r.external_id);
  db.exec('DROP TABLE temp.forget_scores');
}

function forgetSource(db: Database, source: string): ForgetResult {
  const runs = db.prepare(`SELECT ${RUN_COLUMNS} FROM import_runs WHERE source = ? AND forgotten_by IS NULL ORDER BY id`).all(source) as ForgottenRun[];
  const held = (db.prepare('SELECT COUNT(*) AS n FROM responses WHERE source = ?').get(source) as { n: number }).n;
  if (runs.length === 0 && held === 0) {
    throw new HeartlineError('E_USAGE', `nothing is stored for source '${source}'`, {}, 'heartline summary lists the sources');
  }
  const result = emptyResult(runs);
  const forgetId = record(db, { source });
  result.examples.deleted = (db.prepare(`SELECT external_id FROM responses WHERE source = ? ORDER BY id LIMIT ${EXAMPLES}`).all(source) as { external_id: string }[]).map((r) => r.external_id);
  result.tagsDeleted = (db.prepare('SELECT COUNT(*) AS n FROM emotion_tags WHERE response_id IN (SELECT id FROM responses WHERE source = ?)').get(source) as { n: number }).n;
  result.responsesDeleted = db.prepare('DELETE FROM responses WHERE source = ?').run(source).changes;
  result.scoresDeleted = db.prepare('DELETE FROM nps_scores WHERE source = ?').run(source).changes;
  db.prepare('DELETE FROM nps_score_versions WHERE source = ?').run(source);
  const ofSource = 'run_id IN (SELECT id FROM import_runs WHERE source = ?)';
  result.rejectsDeleted = db.prepare(`DELETE FROM rejects WHERE ${ofSource}`).run(source).changes;
  result.warningsDeleted = db.prepare(`DELETE FROM import_warnings WHERE ${ofSource}`).run(source).changes;
  db.prepare('UPDATE import_runs SET forgotten_by = ? WHERE source = ? AND forgotten_by IS NULL').run(forgetId, source);
  return finish(db, forgetId, result);
}

function record(db: Database, what: { run?: number; source: string }): number {
  return Number(
    db.prepare(
      `INSERT INTO forgets (at, run_id, source, runs, responses_deleted, responses_restored, responses_kept, scores_deleted,
         scores_restored, rejects_deleted, warnings_deleted) VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)`,
    ).run(now(), what.run ?? null, what.source).lastInsertRowid,
  );
}

function finish(db: Database, id: number, r: ForgetResult): ForgetResult {
  db.prepare(
    `UPDATE forgets SET runs = ?, responses_deleted = ?, responses_restored = ?, responses_kept = ?, scores_deleted = ?,
       scores_restored = ?, rejects_deleted = ?, warnings_deleted = ? WHERE id = ?`,
  ).run(r.runs.length, r.responsesDeleted, r.responsesRestored, r.responsesKept, r.scoresDeleted, r.scoresRestored, r.rejectsDeleted, r.warningsDeleted, id);
  return { ...r, id };
}
