import type { ResponseFilters } from '../response-filters.js';
import { type LanguageCount, type RedactionRecord, type ScopeCounts, type ScoredText, type SuggestSource, type TextRow, scoredText } from '../suggest-reader.js';
import { pgFilterSql } from './pg-report-source.js';
import type { Postgres } from './postgres.js';
import { inTransaction } from './transaction.js';

/**
 * SuggestReader's queries on PostgreSQL, made up front in one REPEATABLE READ snapshot: the counts, and the
 * scored, analysed texts in scope with what their tags explain (held in memory for the phrase counts).
 */
export async function loadPgSuggestSource(pg: Postgres, filters: ResponseFilters): Promise<SuggestSource> {
  return inTransaction(pg.pool, async (client) => {
    const filter = pgFilterSql(filters);
    const where = `${filter.where} AND r.score IS NOT NULL AND r.language_supported = 1 AND r.lexicon_version IS NOT NULL`;
    const languages = (await client.query<LanguageCount>(
      `SELECT r.language AS lang, count(*)::int AS responses FROM responses AS r WHERE ${where}
       GROUP BY r.language ORDER BY responses DESC, r.language COLLATE "C"`, filter.params)).rows;
    const scope = (await client.query<ScopeCounts>(
      `SELECT count(*)::int AS responses, count(r.score)::int AS scored,
              count(*) FILTER (WHERE r.score IS NOT NULL AND r.language_supported = 1 AND r.lexicon_version IS NOT NULL)::int AS analysed
       FROM responses AS r WHERE ${filter.where}`, filter.params)).rows[0]!;
    const versions = (await client.query<{ v: string }>(
      `SELECT DISTINCT r.lexicon_version COLLATE "C" AS v FROM responses AS r WHERE ${where} ORDER BY v`, filter.params)).rows.map((r) => r.v);
    const redaction = (await client.query<RedactionRecord>(
      `SELECT count(*) FILTER (WHERE redacted = 1)::int AS redacted, count(*) FILTER (WHERE redacted = 0)::int AS plain,
              count(*) FILTER (WHERE redacted IS NULL)::int AS unknown
       FROM import_runs WHERE kind = 'feedback'`)).rows[0]!;
    const rows = (await client.query<TextRow & { language: string }>(
      `SELECT r.id, r.score, r.text, r.language,
              COALESCE((SELECT json_agg(json_build_object('emotion', t.emotion, 'evidence', t.evidence::json) ORDER BY t.emotion COLLATE "C")
                        FROM emotion_tags AS t WHERE t.response_id = r.id), '[]')::text AS tags
       FROM responses AS r WHERE ${where} ORDER BY r.id`, filter.params)).rows;
    const byLanguage = new Map<string, ScoredText[]>();
    const byId = new Map<number, ScoredText>();
    for (const row of rows) {
      const text = scoredText(row);
      byId.set(text.id, text);
      let list = byLanguage.get(row.language);
      if (!list) byLanguage.set(row.language, (list = []));
      list.push(text);
    }
    return {
      languages: () => languages,
      scope: () => scope,
      lexiconVersions: () => versions,
      redaction: () => redaction,
      texts: (lang) => byLanguage.get(lang) ?? [],
      textsById: (ids) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : []))),
    };
  }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}
