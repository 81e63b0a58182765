import type pg from 'pg';
import { HeartlineError } from '../../errors.js';
import type { ForgetResult, ForgetTarget, ForgottenRun } from '../forget-import.js';
import { now } from '../import-ledger.js';
import type { Postgres } from './postgres.js';

const EXAMPLES = 5;
const RUN_COLUMNS = 'id, kind, file, source, started_at, status, rows_read';

/**
 * forgetImport (forget-import.ts, where the rules are written out) on PostgreSQL: the same statements in
 * PostgreSQL's dialect, in one transaction, rolled back for a dry run.
 */
export async function pgForgetImport(pg: Postgres, target: ForgetTarget, apply: boolean): Promise<ForgetResult> {
  const client = await pg.pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = 'run' in target ? await forgetRun(client, target.run) : await forgetSource(client, target.source);
      await client.query(apply ? 'COMMIT' : 'ROLLBACK');
      return apply ? result : { ...result, id: undefined };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}

function emptyResult(runs: ForgottenRun[]): ForgetResult {
  return {
    runs, responsesDeleted: 0, responsesRestored: 0, responsesKept: 0, tagsDeleted: 0, scoresDeleted: 0, scoresRestored: 0,
    scoresRelinked: 0, rejectsDeleted: 0, warningsDeleted: 0, examples: { deleted: [], restored: [], kept: [] },
  };
}

async function run(client: pg.PoolClient, sql: string, params: unknown[] = []): Promise<number> {
  return (await client.query(sql, params)).rowCount ?? 0;
}

async function ids(client: pg.PoolClient, sql: string, params: unknown[] = []): Promise<string[]> {
  return (await client.query<{ external_id: string }>(sql, params)).rows.map((r) => r.external_id);
}

async function count(client: pg.PoolClient, sql: string, params: unknown[] = []): Promise<number> {
  return (await client.query<{ n: number }>(sql, params)).rows[0]!.n;
}

async function forgetRun(client: pg.PoolClient, runId: number): Promise<ForgetResult> {
  const found = (await client.query<ForgottenRun & { forgotten_by: number | null }>(`SELECT ${RUN_COLUMNS}, forgotten_by FROM import_runs WHERE id = $1`, [runId])).rows[0];
  if (!found) throw new HeartlineError('E_USAGE', `there is no import run #${runId}`, {}, 'heartline status lists the runs');
  if (found.forgotten_by !== null) throw new HeartlineError('E_USAGE', `run #${runId} was forgotten already (forget #${found.forgotten_by})`);
  const { forgotten_by: _, ...shown } = found;
  const result = emptyResult([shown]);
  const forgetId = await record(client, { run: runId, source: found.source });
  if (found.kind === 'feedback') await forgetResponses(client, found, result);
  else await forgetScores(client, found, result);
  result.rejectsDeleted = await run(client, 'DELETE FROM rejects WHERE run_id = $1', [runId]);
  result.warningsDeleted = await run(client, 'DELETE FROM import_warnings WHERE run_id = $1', [runId]);
  await run(client, 'UPDATE import_runs SET forgotten_by = $1 WHERE id = $2', [forgetId, runId]);
  return finish(client, forgetId, result);
}

async function forgetResponses(client: pg.PoolClient, r: ForgottenRun, result: ForgetResult): Promise<void> {
  await run(client,
    `CREATE TEMP TABLE forget_rows ON COMMIT DROP AS
     SELECT r.id, r.external_id,
            EXISTS (SELECT 1 FROM import_runs AS u WHERE u.source = r.source AND u.kind = 'feedback'
                      AND u.forgotten_by IS NULL AND u.id > $1 AND u.id <= r.last_run_id) AS later,
            v.response_id IS NOT NULL AND v.absent = 0 AS has_version
     FROM responses AS r
     LEFT JOIN response_versions AS v ON v.response_id = r.id AND v.replaced_by = $1
     WHERE r.source = $2 AND COALESCE(r.content_run_id, r.first_run_id) = $1`, [r.id, r.source]);
  const examples = (where: string) => ids(client, `SELECT external_id FROM forget_rows WHERE ${where} ORDER BY id LIMIT ${EXAMPLES}`);
  result.examples = { deleted: await examples('NOT later AND NOT has_version'), restored: await examples('NOT later AND has_version'), kept: await examples('later') };
  result.responsesKept = await count(client, 'SELECT count(*)::int AS n FROM forget_rows WHERE later');
  result.tagsDeleted = await count(client, 'SELECT count(*)::int AS n FROM emotion_tags WHERE response_id IN (SELECT id FROM forget_rows WHERE NOT later)');
  await run(client,
    `UPDATE response_versions AS later_v SET
       absent = COALESCE(mine.absent, 1), content_run_id = mine.content_run_id, text = mine.text, score = mine.score,
       score_origin = mine.score_origin, responded_at = mine.responded_at, segments = mine.segments,
       declared_language = mine.declared_language, row_hash = mine.row_hash, file = mine.file, line = mine.line,
       last_run_id = mine.last_run_id, updated_at = mine.updated_at, language = mine.language,
       language_confidence = mine.language_confidence, language_supported = mine.language_supported,
       language_segments = mine.language_segments, polarity = mine.polarity, lexicon_version = mine.lexicon_version,
       tags = mine.tags
     FROM (SELECT v.response_id AS rid, m.absent, m.content_run_id, m.text, m.score, m.score_origin, m.responded_at, m.segments,
                  m.declared_language, m.row_hash, m.file, m.line, m.last_run_id, m.updated_at, m.language, m.language_confidence,
                  m.language_supported, m.language_segments, m.polarity, m.lexicon_version, m.tags
           FROM response_versions AS v
           LEFT JOIN response_versions AS m ON m.response_id = v.response_id AND m.replaced_by = $1
           WHERE v.content_run_id = $1 AND v.replaced_by > $1) AS mine
     WHERE later_v.response_id = mine.rid AND later_v.content_run_id = $1 AND later_v.replaced_by > $1`, [r.id]);
  result.responsesRestored = await run(client,
    `UPDATE responses AS r SET text = v.text, score = v.score, score_origin = v.score_origin, responded_at = v.responded_at,
       segments = v.segments, declared_language = v.declared_language, row_hash = v.row_hash, file = v.file, line = v.line,
       last_run_id = v.last_run_id, updated_at = v.updated_at, language = v.language,
       language_confidence = v.language_confidence, language_supported = v.language_supported,
       language_segments = v.language_segments, polarity = v.polarity, lexicon_version = v.lexicon_version,
       content_run_id = v.content_run_id
     FROM response_versions AS v
     WHERE v.response_id = r.id AND v.replaced_by = $1 AND r.id IN (SELECT id FROM forget_rows WHERE NOT later AND has_version)`, [r.id]);
  await run(client, 'DELETE FROM emotion_tags WHERE response_id IN (SELECT id FROM forget_rows WHERE NOT later AND has_version)');
  await run(client,
    `INSERT INTO emotion_tags (response_id, emotion, score, evidence, lexicon_version)
     SELECT v.response_id, t.value->>'emotion', (t.value->>'score')::float8, t.value->>'evidence', t.value->>'lexicon_version'
     FROM response_versions AS v, json_array_elements(COALESCE(v.tags, '[]')::json) AS t(value)
     WHERE v.replaced_by = $1 AND v.response_id IN (SELECT id FROM forget_rows WHERE NOT later AND has_version)`, [r.id]);
  result.responsesDeleted = await run(client, 'DELETE FROM responses WHERE id IN (SELECT id FROM forget_rows WHERE NOT later AND NOT has_version)');
  await run(client, 'DELETE FROM response_versions WHERE replaced_by = $1', [r.id]);
  await run(client, 'DROP TABLE forget_rows');
}

async function forgetScores(client: pg.PoolClient, r: ForgottenRun, result: ForgetResult): Promise<void> {
  await run(client,
    `CREATE TEMP TABLE forget_scores ON COMMIT DROP AS
     SELECT s.source, s.external_id, v.external_id IS NOT NULL AND v.absent = 0 AS has_version
     FROM nps_scores AS s
     LEFT JOIN nps_score_versions AS v ON v.source = s.source AND v.external_id = s.external_id AND v.replaced_by = $1
     WHERE s.run_id = $1`, [r.id]);
  await run(client,
    `UPDATE nps_score_versions AS later_v SET absent = COALESCE(mine.absent, 1), score = mine.score, run_id = mine.run_id,
       received_at = mine.received_at
     FROM (SELECT v.source AS s, v.external_id AS e, m.absent, m.score, m.run_id, m.received_at
           FROM nps_score_versions AS v
           LEFT JOIN nps_score_versions AS m ON m.source = v.source AND m.external_id = v.external_id AND m.replaced_by = $1
           WHERE v.run_id = $1 AND v.replaced_by > $1) AS mine
     WHERE later_v.source = mine.s AND later_v.external_id = mine.e AND later_v.run_id = $1 AND later_v.replaced_by > $1`, [r.id]);
  result.scoresRestored = await run(client,
    `UPDATE nps_scores AS s SET score = v.score, run_id = v.run_id, received_at = v.received_at
     FROM nps_score_versions AS v
     WHERE v.source = s.source AND v.external_id = s.external_id AND v.replaced_by = $1 AND s.run_id = $1 AND v.absent = 0`, [r.id]);
  result.scoresDeleted = await run(client, 'DELETE FROM nps_scores WHERE run_id = $1', [r.id]);
  await run(client, 'DELETE FROM nps_score_versions WHERE replaced_by = $1', [r.id]);
  result.scoresRelinked = await run(client,
    `UPDATE responses AS r SET
       score = (SELECT s.score FROM nps_scores AS s WHERE s.source = r.source AND s.external_id = r.external_id),
       score_origin = CASE WHEN EXISTS (SELECT 1 FROM nps_scores AS s WHERE s.source = r.source AND s.external_id = r.external_id)
                      THEN 'scores-file' END
     WHERE (r.score_origin IS NULL OR r.score_origin = 'scores-file')
       AND EXISTS (SELECT 1 FROM forget_scores AS f WHERE f.source = r.source AND f.external_id = r.external_id)
       AND r.score IS DISTINCT FROM (SELECT s.score FROM nps_scores AS s WHERE s.source = r.source AND s.external_id = r.external_id)`);
  result.examples.deleted = await ids(client, `SELECT external_id FROM forget_scores WHERE NOT has_version LIMIT ${EXAMPLES}`);
  result.examples.restored = await ids(client, `SELECT external_id FROM forget_scores WHERE has_version LIMIT ${EXAMPLES}`);
  await run(client, 'DROP TABLE forget_scores');
}

async function forgetSource(client: pg.PoolClient, source: string): Promise<ForgetResult> {
  const runs = (await client.query<ForgottenRun>(`SELECT ${RUN_COLUMNS} FROM import_runs WHERE source = $1 AND forgotten_by IS NULL ORDER BY id`, [source])).rows;
  const held = await count(client, 'SELECT count(*)::int AS n FROM responses WHERE source = $1', [source]);
  if (runs.length === 0 && held === 0) {
    throw new HeartlineError('E_USAGE', `nothing is stored for source '${source}'`, {}, 'heartline summary lists the sources');
  }
  const result = emptyResult(runs);
  const forgetId = await record(client, { source });
  result.examples.deleted = await ids(client, `SELECT external_id FROM responses WHERE source = $1 ORDER BY id LIMIT ${EXAMPLES}`, [source]);
  result.tagsDeleted = await count(client, 'SELECT count(*)::int AS n FROM emotion_tags WHERE response_id IN (SELECT id FROM responses WHERE source = $1)', [source]);
  result.responsesDeleted = await run(client, 'DELETE FROM responses WHERE source = $1', [source]);
  result.scoresDeleted = await run(client, 'DELETE FROM nps_scores WHERE source = $1', [source]);
  await run(client, 'DELETE FROM nps_score_versions WHERE source = $1', [source]);
  const ofSource = 'run_id IN (SELECT id FROM import_runs WHERE source = $1)';
  result.rejectsDeleted = await run(client, `DELETE FROM rejects WHERE ${ofSource}`, [source]);
  result.warningsDeleted = await run(client, `DELETE FROM import_warnings WHERE ${ofSource}`, [source]);
  await run(client, 'UPDATE import_runs SET forgotten_by = $1 WHERE source = $2 AND forgotten_by IS NULL', [forgetId, source]);
  return finish(client, forgetId, result);
}

async function record(client: pg.PoolClient, what: { run?: number; source: string }): Promise<number> {
  return (await client.query<{ id: number }>(
    `INSERT INTO forgets (at, run_id, source, runs, responses_deleted, responses_restored, responses_kept, scores_deleted,
       scores_restored, rejects_deleted, warnings_deleted) VALUES ($1, $2, $3, 0, 0, 0, 0, 0, 0, 0, 0) RETURNING id`,
    [now(), what.run ?? null, what.source])).rows[0]!.id;
}

async function finish(client: pg.PoolClient, id: number, r: ForgetResult): Promise<ForgetResult> {
  await run(client,
    `UPDATE forgets SET runs = $1, responses_deleted = $2, responses_restored = $3, responses_kept = $4, scores_deleted = $5,
       scores_restored = $6, rejects_deleted = $7, warnings_deleted = $8 WHERE id = $9`,
    [r.runs.length, r.responsesDeleted, r.responsesRestored, r.responsesKept, r.scoresDeleted, r.scoresRestored, r.rejectsDeleted, r.warningsDeleted, id]);
  return { ...r, id };
}
