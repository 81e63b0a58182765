import type { Database } from './database.js';
import { type ResponseFilters, filterSql } from './response-filters.js';

/** A span of a response's text that a tag already explains (a match, its negator or intensifier). */
export interface ExplainedSpan {
  start: number;
  end: number;
}

/** A scored, analysed response with what its tags explain: what `heartline suggest` counts. */
export interface ScoredText {
  id: number;
  score: number;
  text: string;
  /** The emotions tagged, each with the spans of its evidence. */
  tags: { emotion: string; spans: ExplainedSpan[] }[];
}

export interface ScopeCounts {
  responses: number;
  scored: number;
  analysed: number;
}

export interface LanguageCount {
  lang: string;
  responses: number;
}

/** What the ledger knows about --redact: feedback imports with it, without it, and from before it was recorded. */
export interface RedactionRecord {
  redacted: number;
  plain: number;
  unknown: number;
}

/** The stored evidence, as far as `suggest` reads it (the schema's full shape is in docs/schema.md). */
interface StoredEvidence {
  start: number;
  end: number;
  negator?: ExplainedSpan;
  intensifier?: ExplainedSpan;
}

/** What `heartline suggest` reads, whichever engine answers (SuggestReader on SQLite, pg-suggest-source.ts). */
export interface SuggestSource {
  languages(): LanguageCount[];
  scope(): ScopeCounts;
  lexiconVersions(): string[];
  texts(lang: string): Iterable<ScoredText>;
  textsById(ids: readonly number[]): Map<number, ScoredText>;
  redaction(): RedactionRecord;
}

/** Every query `heartline suggest` makes: scored, analysed responses in scope, by language. */
export class SuggestReader implements SuggestSource {
  private readonly filter: { where: string; params: Record<string, string> };
  private readonly where: string;
  private readonly params: Record<string, string>;

  constructor(
    private readonly db: Database,
    filters: ResponseFilters,
  ) {
    this.filter = filterSql(filters);
    // Only responses the tagger read (a supported language, analysed) and that carry an NPS answer.
    this.where = `${this.filter.where} AND r.score IS NOT NULL AND r.language_supported = 1 AND r.lexicon_version IS NOT NULL`;
    this.params = this.filter.params;
  }

  /** Supported languages in scope with their scored, analysed responses, the most frequent first. */
  languages(): LanguageCount[] {
    return this.db
      .prepare(`SELECT r.language AS lang, COUNT(*) AS responses FROM responses AS r WHERE ${this.where} GROUP BY r.language ORDER BY responses DESC, lang`)
      .all(this.params) as LanguageCount[];
  }

  /** How many responses are in scope, how many carry an NPS answer, and how many of those were analysed. */
  scope(): ScopeCounts {
    const { where, params } = this.filter;
    return this.db
      .prepare(
        `SELECT COUNT(*) AS responses, coalesce(sum(r.score IS NOT NULL), 0) AS scored,
                coalesce(sum(r.score IS NOT NULL AND r.language_supported = 1 AND r.lexicon_version IS NOT NULL), 0) AS analysed
         FROM responses AS r WHERE ${where}`,
      )
      .get(params) as ScopeCounts;
  }

  /** Lexicon versions behind the tags in scope. */
  lexiconVersions(): string[] {
    return (this.db.prepare(`SELECT DISTINCT r.lexicon_version AS v FROM responses AS r WHERE ${this.where} ORDER BY v`).all(this.params) as { v: string }[]).map((r) => r.v);
  }

  /** The responses of one language in scope, in id order, streamed (a million do not fit in memory as text). */
  *texts(lang: string): Generator<ScoredText> {
    const query = this.db.prepare(`${SELECT_TEXT} WHERE ${this.where} AND r.language = @suggestLang ORDER BY r.id`);
    for (const row of query.iterate({ ...this.params, suggestLang: lang }) as IterableIterator<TextRow>) yield scoredText(row);
  }

  /** Responses by id (the examples shown). */
  textsById(ids: readonly number[]): Map<number, ScoredText> {
    const query = this.db.prepare(`${SELECT_TEXT} WHERE r.id IN (SELECT value FROM json_each(@ids))`);
    const rows = query.all({ ids: JSON.stringify(ids) }) as TextRow[];
    return new Map(rows.map((row) => [row.id, scoredText(row)]));
  }

  /** Feedback imports with and without --redact, per the ledger. */
  redaction(): RedactionRecord {
    return this.db
      .prepare(
        `SELECT coalesce(sum(redacted = 1), 0) AS redacted, coalesce(sum(redacted = 0), 0) AS plain, coalesce(sum(redacted IS NULL), 0) AS unknown
         FROM import_runs WHERE kind = 'feedback'`,
      )
      .get() as RedactionRecord;
  }
}

const SELECT_TEXT = `SELECT r.id, r.score, r.text,
  (SELECT json_group_array(json_object('emotion', t.emotion, 'evidence', json(t.evidence)))
   FROM emotion_tags AS t WHERE t.response_id = r.id) AS tags
  FROM responses AS r`;

export interface TextRow {
  id: number;
  score: number;
  text: string;
  tags: string;
}

export function scoredText(row: TextRow): ScoredText {
  const tags = (JSON.parse(row.tags) as { emotion: string; evidence: StoredEvidence[] }[]).map((t) => ({
    emotion: t.emotion,
    spans: t.evidence.flatMap((e) => [e, e.negator, e.intensifier].filter((s) => s !== undefined).map(({ start, end }) => ({ start, end }))),
  }));
  return { id: row.id, score: row.score, text: row.text, tags };
}
