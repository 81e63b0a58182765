/**
 * Every query the report makes, typed. The report reads the responses in scope once, column-wise (see
 * readResponseColumns), and the tags once per emotion; the rest is verbatims and the per-response export.
 */
import { type ResponseFilters, filterSql } from './response-filters.js';
import type { Database } from './database.js';

/** The responses in scope as JSON arrays, one per column, in id order (parsed by the caller in one go each). */
export interface ResponseColumnsJson {
  ids: string;
  /** score (−1 without one) + 16 when analysed in a supported language. */
  codes: string;
  polarity: string;
  language: string;
  /** The date part of responded_at, or null. */
  day: string;
  /** The segments JSON of each response, when asked for. */
  segments: string | null;
  /** Lowest and highest lexicon version among supported-language responses: equal means one version. */
  firstVersion: string | null;
  lastVersion: string | null;
}

/**
 * better-sqlite3 spends about a microsecond per row it hands to JavaScript, so a million rows one by one take
 * seconds; instead one scan builds a JSON array per column (json_group_array). NOT INDEXED: a plain scan meets
 * the rows in id (rowid) order, so no ORDER BY, no sorter, no subquery.
 */
export function readResponseColumns(db: Database, filters: ResponseFilters, withSegments: boolean): ResponseColumnsJson {
  const { where, params } = filterSql(filters);
  const row = db
    .prepare(
      `SELECT json_group_array(r.id) AS ids,
              json_group_array(coalesce(r.score, -1) + 16 * (r.language_supported IS 1 AND r.lexicon_version IS NOT NULL)) AS codes,
              json_group_array(coalesce(r.polarity, 0)) AS polarity, json_group_array(coalesce(r.language, '?')) AS language,
              json_group_array(substr(r.responded_at, 1, 10)) AS day,
              min(CASE WHEN r.language_supported IS 1 THEN r.lexicon_version END) AS firstVersion,
              max(CASE WHEN r.language_supported IS 1 THEN r.lexicon_version END) AS lastVersion,
              ${withSegments ? 'json_group_array(r.segments)' : 'NULL'} AS segments
       FROM responses AS r NOT INDEXED WHERE ${where}`,
    )
    .get(params) as ResponseColumnsJson;
  return row;
}

/** Every lexicon version behind the supported-language responses in scope (when there is more than one). */
export function lexiconVersionsInScope(db: Database, filters: ResponseFilters): string[] {
  const { where, params } = filterSql(filters);
  return (db.prepare(`SELECT DISTINCT r.lexicon_version AS v FROM responses AS r WHERE ${where} AND r.language_supported IS 1`).all(params) as { v: string | null }[])
    .map((r) => r.v)
    .filter((v): v is string => Boolean(v))
    .sort();
}

/**
 * The distinct emotions in emotion_tags, in index order: one index seek per emotion (a recursive skip scan)
 * instead of visiting every tag, as SELECT DISTINCT would.
 */
export function taggedEmotionIds(db: Database): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE seen(emotion) AS (
         SELECT min(emotion) FROM emotion_tags
         UNION ALL
         SELECT (SELECT min(emotion) FROM emotion_tags WHERE emotion > seen.emotion) FROM seen WHERE seen.emotion IS NOT NULL)
       SELECT emotion FROM seen WHERE emotion IS NOT NULL`,
    )
    .all() as { emotion: string }[];
  return rows.map((r) => r.emotion);
}

/** The ids of the responses tagged with an emotion, from the covering index on (emotion, score, response_id). */
export function taggedResponseIds(db: Database): (emotion: string) => number[] {
  const query = db.prepare('SELECT json_group_array(response_id) AS ids FROM emotion_tags WHERE emotion = ?');
  return (emotion) => JSON.parse((query.get(emotion) as { ids: string }).ids) as number[];
}

export interface VerbatimRow {
  id: number;
  score: number;
  language: string | null;
  text: string;
  /** JSON [{start, end, text, …}] */
  evidence: string;
}

/** The clearest (highest tag score) short responses with an emotion and a score in [low, high]. */
export function verbatimRows(db: Database, filters: ResponseFilters): (emotion: string, low: number, high: number, per: number) => VerbatimRow[] {
  const { where, params } = filterSql(filters);
  const query = db.prepare(
    `SELECT r.id, r.score, r.language, r.text, t.evidence FROM emotion_tags AS t JOIN responses AS r ON r.id = t.response_id
     WHERE ${where} AND t.emotion = @emotion AND r.score BETWEEN @low AND @high AND length(r.text) <= 400
     ORDER BY t.score DESC, t.response_id LIMIT @per`,
  );
  return (emotion, low, high, per) => query.all({ ...params, emotion, low, high, per }) as VerbatimRow[];
}

export interface ExportRow {
  id: number;
  source: string;
  externalId: string;
  respondedAt: string | null;
  language: string | null;
  /** 1 when analysed in a supported language: its (absence of) emotions means something. */
  analysed: number;
  score: number | null;
  polarity: number | null;
  segments: string;
  /** Its emotions, space-separated, or null. */
  emotions: string | null;
}

/** Every response in scope with its tags, in id order, one at a time (for `report --per-response`). */
export function exportRows(db: Database, filters: ResponseFilters): IterableIterator<ExportRow> {
  const { where, params } = filterSql(filters);
  return db
    .prepare(
      `SELECT r.id, r.source, r.external_id AS externalId, r.responded_at AS respondedAt, r.language,
              (r.language_supported IS 1 AND r.lexicon_version IS NOT NULL) AS analysed, r.score, r.polarity, r.segments,
              (SELECT group_concat(t.emotion, ' ') FROM emotion_tags AS t WHERE t.response_id = r.id) AS emotions
       FROM responses AS r WHERE ${where} ORDER BY r.id`,
    )
    .iterate(params) as IterableIterator<ExportRow>;
}
