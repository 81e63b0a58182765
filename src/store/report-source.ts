import type { Database } from './database.js';
import {
  type ResponseColumnsJson,
  type VerbatimRow,
  lexiconVersionsInScope,
  readResponseColumns,
  taggedEmotionIds,
  taggedResponseIds,
  verbatimRows,
} from './report-queries.js';
import type { ResponseFilters } from './response-filters.js';

/**
 * What the report reads, whichever engine holds the data: the responses in scope column-wise, the tagged
 * response ids per emotion, and the verbatims. SQLite answers each query as it is asked (in one read
 * transaction); PostgreSQL reads them all up front in one snapshot (pg-report-source.ts).
 */
export interface ReportSource {
  taggedEmotionIds(): string[];
  responseColumns(filters: ResponseFilters, withSegments: boolean): ResponseColumnsJson;
  lexiconVersionsInScope(filters: ResponseFilters): string[];
  taggedResponseIds(): (emotion: string) => number[];
  verbatimRows(filters: ResponseFilters): (emotion: string, low: number, high: number, per: number) => VerbatimRow[];
}

export function sqliteReportSource(db: Database): ReportSource {
  return {
    taggedEmotionIds: () => taggedEmotionIds(db),
    responseColumns: (filters, withSegments) => readResponseColumns(db, filters, withSegments),
    lexiconVersionsInScope: (filters) => lexiconVersionsInScope(db, filters),
    taggedResponseIds: () => taggedResponseIds(db),
    verbatimRows: (filters) => verbatimRows(db, filters),
  };
}

/** Report functions take either a source or, for SQLite, its open database. */
export function reportSourceOf<S extends Partial<ReportSource>>(target: Database | S): S | ReportSource {
  return 'prepare' in target ? sqliteReportSource(target as Database) : target;
}
