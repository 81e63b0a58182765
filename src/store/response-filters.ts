/** Which responses a report (or `suggest`) covers. */
export interface ResponseFilters {
  /** ISO dates, inclusive; compared with `responded_at`. */
  since?: string;
  until?: string;
  /** Detected languages to keep. */
  lang?: string[];
  /** Segment values to keep, e.g. { channel: ['app', 'web'] }: any of a key's values, every key. */
  segment?: Record<string, string[]>;
  /** Sources (`--source` of the import) to keep. */
  source?: string[];
}

/** SQL WHERE clause over `responses AS r` with named parameters, every value bound, never spliced. */
export function filterSql(filters: ResponseFilters): { where: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filters.since) {
    clauses.push('r.responded_at >= @since');
    params['since'] = filters.since;
  }
  if (filters.until) {
    // An inclusive day: "2025-03-31" keeps 2025-03-31T23:59.
    clauses.push('substr(r.responded_at, 1, length(@until)) <= @until');
    params['until'] = filters.until;
  }
  (filters.lang ?? []).forEach((lang, i) => {
    params[`lang${i}`] = lang;
  });
  if (filters.lang && filters.lang.length > 0) {
    clauses.push(`r.language IN (${filters.lang.map((_, i) => `@lang${i}`).join(', ')})`);
  }
  (filters.source ?? []).forEach((source, i) => {
    params[`source${i}`] = source;
  });
  if (filters.source && filters.source.length > 0) {
    clauses.push(`r.source IN (${filters.source.map((_, i) => `@source${i}`).join(', ')})`);
  }
  // Keys are matched exactly (json_each), not read as a JSON path: "a.b", "$", '"' and "[" are keys like any.
  Object.entries(filters.segment ?? {}).forEach(([key, values], i) => {
    const names = values.map((_, j) => `@segValue${i}_${j}`);
    clauses.push(`EXISTS (SELECT 1 FROM json_each(r.segments) AS s WHERE s.key = @segKey${i} AND s.value IN (${names.join(', ')}))`);
    params[`segKey${i}`] = key.toLowerCase();
    values.forEach((value, j) => {
      params[`segValue${i}_${j}`] = value;
    });
  });
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1 = 1', params };
}
