import type { ReportSource } from '../report-source.js';
import type { ExportRow, ResponseColumnsJson, VerbatimRow } from '../report-queries.js';
import type { ResponseFilters } from '../response-filters.js';
import type { Postgres } from './postgres.js';
import { inTransaction } from './transaction.js';

/**
 * The report's reads on PostgreSQL, made up front in one REPEATABLE READ snapshot (a report during an import
 * sees one state of the database), then answered from memory through the same interface SQLite answers.
 * The responses in scope come as one JSON array per column, as on SQLite, so the report parses them alike.
 */
export async function loadPgReportSource(pg: Postgres, filters: ResponseFilters, withSegments: boolean, verbatimsPer: number): Promise<ReportSource> {
  return inTransaction(pg.pool, async (client) => {
    const { where, params } = pgFilterSql(filters);
    const emotions = (await client.query<{ emotion: string }>('SELECT emotion FROM emotion_tags GROUP BY emotion ORDER BY emotion COLLATE "C"')).rows.map((r) => r.emotion);
    const supported = 'r.language_supported IS NOT DISTINCT FROM 1';
    const columns = (await client.query<ResponseColumnsJson>(
      `SELECT COALESCE(json_agg(r.id ORDER BY r.id), '[]')::text AS ids,
              COALESCE(json_agg(COALESCE(r.score, -1) + 16 * (CASE WHEN ${supported} AND r.lexicon_version IS NOT NULL THEN 1 ELSE 0 END) ORDER BY r.id), '[]')::text AS codes,
              COALESCE(json_agg(COALESCE(r.polarity, 0) ORDER BY r.id), '[]')::text AS polarity,
              COALESCE(json_agg(COALESCE(r.language, '?') ORDER BY r.id), '[]')::text AS language,
              COALESCE(json_agg(substr(r.responded_at, 1, 10) ORDER BY r.id), '[]')::text AS day,
              min(CASE WHEN ${supported} THEN r.lexicon_version END COLLATE "C") AS "firstVersion",
              max(CASE WHEN ${supported} THEN r.lexicon_version END COLLATE "C") AS "lastVersion",
              ${withSegments ? "COALESCE(json_agg(r.segments ORDER BY r.id), '[]')::text" : 'NULL'} AS segments
       FROM responses AS r WHERE ${where}`,
      params,
    )).rows[0]!;
    // Nearly always one version (first = last): only a mix needs the scan for the rest, as on SQLite.
    const versions = columns.firstVersion === columns.lastVersion
      ? [columns.firstVersion].filter((v): v is string => Boolean(v))
      : (await client.query<{ v: string }>(
          `SELECT DISTINCT r.lexicon_version AS v FROM responses AS r WHERE ${where} AND ${supported} AND r.lexicon_version IS NOT NULL`,
          params,
        )).rows.map((r) => r.v).sort();
    const tagged = new Map<string, number[]>();
    for (const r of (await client.query<{ emotion: string; ids: string }>(
      'SELECT emotion, json_agg(response_id)::text AS ids FROM emotion_tags GROUP BY emotion',
    )).rows) tagged.set(r.emotion, JSON.parse(r.ids) as number[]);
    // Per emotion and NPS group, the clearest few: each walks the (emotion, score DESC, response_id) index and
    // stops after `verbatimsPer` (a window over every tag took seconds at a million responses).
    const n = params.length;
    const verbatims = (await client.query<VerbatimRow & { emotion: string; promoter: boolean }>(
      `SELECT e.emotion, b.promoter, v.id, v.score, v.language, v.text, v.evidence
       FROM unnest($${n + 1}::text[]) AS e(emotion)
       CROSS JOIN (VALUES (true, 9, 10), (false, 0, 6)) AS b(promoter, low, high)
       CROSS JOIN LATERAL (
         SELECT r.id, r.score, r.language, r.text, t.evidence FROM emotion_tags AS t JOIN responses AS r ON r.id = t.response_id
         WHERE t.emotion = e.emotion AND ${where} AND r.score BETWEEN b.low AND b.high AND length(r.text) <= 400
         ORDER BY t.score DESC, t.response_id LIMIT $${n + 2}) AS v`,
      [...params, emotions, verbatimsPer],
    )).rows;
    return {
      taggedEmotionIds: () => emotions,
      responseColumns: () => columns,
      lexiconVersionsInScope: () => versions,
      taggedResponseIds: () => (emotion) => tagged.get(emotion) ?? [],
      verbatimRows: () => (emotion, low, high, per) => {
        const promoter = low === 9 && high === 10;
        if (!promoter && !(low === 0 && high === 6)) throw new Error(`verbatims read for promoters and detractors only, not ${low}–${high}`);
        return verbatims
          .filter((v) => v.emotion === emotion && v.promoter === promoter)
          .slice(0, per)
          .map(({ id, score, language, text, evidence }) => ({ id, score, language, text, evidence }));
      },
    };
  }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}

/** The emotions tagged anywhere (all `report --per-response` needs besides its rows). */
export async function pgTaggedEmotions(pg: Postgres): Promise<Pick<ReportSource, 'taggedEmotionIds'>> {
  const emotions = (await pg.pool.query<{ emotion: string }>('SELECT emotion FROM emotion_tags GROUP BY emotion ORDER BY emotion COLLATE "C"')).rows.map((r) => r.emotion);
  return { taggedEmotionIds: () => emotions };
}

/** filterSql's WHERE clause in PostgreSQL's dialect (positional parameters; text compared byte-wise, as SQLite does). */
export function pgFilterSql(filters: ResponseFilters): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.since) clauses.push(`r.responded_at COLLATE "C" >= ${param(filters.since)}`);
  if (filters.until) {
    const p = param(filters.until);
    clauses.push(`substr(r.responded_at, 1, length(${p})) COLLATE "C" <= ${p}`);
  }
  if (filters.lang && filters.lang.length > 0) clauses.push(`r.language = ANY(${param(filters.lang)}::text[])`);
  if (filters.source && filters.source.length > 0) clauses.push(`r.source = ANY(${param(filters.source)}::text[])`);
  for (const [key, values] of Object.entries(filters.segment ?? {})) {
    clauses.push(`EXISTS (SELECT 1 FROM json_each_text(r.segments::json) AS s WHERE s.key = ${param(key.toLowerCase())} AND s.value = ANY(${param(values)}::text[]))`);
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : 'TRUE', params };
}

/**
 * Every response in scope with its tags, in id order (report --per-response), read page by page by id in one
 * REPEATABLE READ snapshot on a connection of its own, so a million rows never sit in memory at once.
 */
export async function* pgExportRows(pg: Postgres, filters: ResponseFilters): AsyncGenerator<ExportRow> {
  const client = await pg.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { where, params } = pgFilterSql(filters);
    let after = 0;
    for (;;) {
      const page = (await client.query<ExportRow>(
        `SELECT r.id, r.source, r.external_id AS "externalId", r.responded_at AS "respondedAt", r.language,
                CASE WHEN r.language_supported IS NOT DISTINCT FROM 1 AND r.lexicon_version IS NOT NULL THEN 1 ELSE 0 END AS analysed,
                r.score, r.polarity, r.segments,
                (SELECT string_agg(t.emotion, ' ' ORDER BY t.emotion COLLATE "C") FROM emotion_tags AS t WHERE t.response_id = r.id) AS emotions
         FROM responses AS r WHERE ${where} AND r.id > $${params.length + 1} ORDER BY r.id LIMIT ${EXPORT_PAGE}`,
        [...params, after],
      )).rows;
      yield* page;
      if (page.length < EXPORT_PAGE) break;
      after = page.at(-1)!.id;
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

const EXPORT_PAGE = 10_000;
