import type pg from 'pg';
import type { TagResult } from '../../emotion/tag-result.js';
import type { TextLanguage } from '../../language/detection.js';
import { languageColumns } from '../analysis-writer.js';

/** A response's new analysis: its language, and the emotions tagged in it. */
export interface Analysis {
  id: number;
  language: TextLanguage;
  emotions: TagResult;
}

/**
 * Analyses of stored responses, replacing the earlier ones — language, polarity, lexicon version and tags —
 * in three set-wise statements (the run's writer, the workers and reanalyze all write them so).
 */
export async function replaceAnalyses(client: pg.PoolClient, version: string, analyses: readonly Analysis[]): Promise<void> {
  if (analyses.length === 0) return;
  const lang = analyses.map((a) => languageColumns(a.language));
  await client.query(
    `UPDATE responses AS r SET language = u.language, language_confidence = u.confidence, language_supported = u.supported,
       language_segments = u.language_segments, polarity = u.polarity, lexicon_version = $1
     FROM unnest($2::int[], $3::text[], $4::float8[], $5::int[], $6::text[], $7::float8[])
       AS u(id, language, confidence, supported, language_segments, polarity)
     WHERE r.id = u.id`,
    [version, analyses.map((a) => a.id), lang.map((l) => l[0]), lang.map((l) => l[1]), lang.map((l) => l[2]), lang.map((l) => l[3]),
      analyses.map((a) => a.emotions.polarity)],
  );
  await client.query('DELETE FROM emotion_tags WHERE response_id = ANY($1::int[])', [analyses.map((a) => a.id)]);
  await insertTags(client, analyses.map((a) => [a.id, a.emotions] as const), version);
}

/** Emotion tags of many responses in one statement. */
export async function insertTags(client: pg.PoolClient, tagged: readonly (readonly [number, TagResult])[], version: string): Promise<void> {
  const ids: number[] = [];
  const emotions: string[] = [];
  const scores: number[] = [];
  const evidence: string[] = [];
  for (const [id, result] of tagged) {
    for (const tag of result.emotions) {
      ids.push(id);
      emotions.push(tag.emotion);
      scores.push(tag.score);
      evidence.push(tag.evidenceJson ?? JSON.stringify(tag.evidence));
    }
  }
  if (ids.length === 0) return;
  await client.query(
    `INSERT INTO emotion_tags (response_id, emotion, score, evidence, lexicon_version)
     SELECT u.id, u.emotion, u.score, u.evidence, $1 FROM unnest($2::int[], $3::text[], $4::float8[], $5::text[]) AS u(id, emotion, score, evidence)`,
    [version, ids, emotions, scores, evidence],
  );
}
