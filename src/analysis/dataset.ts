import type { Database } from '../store/database.js';
import { type ResponseFilters, filterSql } from '../store/response-filters.js';

/**
 * The responses a report covers, column-wise in typed arrays so a million of them fit in a few dozen MB:
 * emotions as a bit set per response (bit i = emotions[i]); text columns as an index into their distinct
 * values.
 */
export interface Dataset {
  emotions: string[];
  size: number;
  ids: Int32Array;
  /** NPS answer 0–10, or -1 when there is none. */
  scores: Int8Array;
  /** Index into `languages`. */
  language: Int16Array;
  languages: string[];
  /** 1 when the response was analysed in a supported language (so its absence of tags means something). */
  analysed: Uint8Array;
  polarity: Float64Array;
  emotionBits: Int32Array;
  /** Index into `days` (the date part of responded_at: all a week or month needs), -1 without a date. */
  day: Int32Array;
  days: string[];
  /** Per segment column asked for (lower case): each response's value, '(none)' when it has none. */
  segments: Map<string, Distinct>;
  lexiconVersions: string[];
}

/** A text column as an index per row into its distinct values (in order of first appearance). */
export interface Distinct {
  index: Int32Array;
  values: string[];
}

/**
 * Reads the responses in id order. better-sqlite3 spends about a microsecond per row it hands to
 * JavaScript, so a million rows one by one take seconds; instead one scan builds a JSON array per column
 * (json_group_array) and JSON.parse reads each in one go. Emotion tags come the same way, one array of
 * response ids per emotion, from the covering index on (emotion, score, response_id).
 */
export function loadDataset(db: Database, filters: ResponseFilters, emotions: string[], segmentKeys: readonly string[] = []): Dataset {
  const { where, params } = filterSql(filters);
  // NOT INDEXED: a plain scan meets the rows in id (rowid) order, so no ORDER BY, no sorter, no subquery.
  const row = db
    .prepare(
      `SELECT json_group_array(r.id) AS c0,
              json_group_array(coalesce(r.score, -1) + 16 * (r.language_supported IS 1 AND r.lexicon_version IS NOT NULL)) AS c1,
              json_group_array(coalesce(r.polarity, 0)) AS c2, json_group_array(coalesce(r.language, '?')) AS c3,
              json_group_array(substr(r.responded_at, 1, 10)) AS c4,
              min(CASE WHEN r.language_supported IS 1 THEN r.lexicon_version END) AS first,
              max(CASE WHEN r.language_supported IS 1 THEN r.lexicon_version END) AS last
              ${segmentKeys.length > 0 ? ', json_group_array(r.segments) AS c5' : ''}
       FROM responses AS r NOT INDEXED WHERE ${where}`,
    )
    .get(params) as Record<string, string | null>;
  const column = <T>(k: number) => JSON.parse(row[`c${k}`]!) as T[];
  const ids = Int32Array.from(column<number>(0));
  const size = ids.length;
  for (let i = 1; i < size; i++) if (ids[i]! <= ids[i - 1]!) throw new Error(`loadDataset: responses not in id order at row ${i}`);
  const codes = column<number>(1);
  const scores = new Int8Array(size);
  const analysed = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    // code = score (−1 without one) + 16 when analysed: −1…10 or 15…26.
    analysed[i] = codes[i]! >= 15 ? 1 : 0;
    scores[i] = codes[i]! - 16 * analysed[i]!;
  }
  const language = distinct(column<string>(3));
  const day = distinct(column<string | null>(4).map((d) => d || null));
  const ds: Dataset = {
    emotions,
    size,
    ids,
    scores,
    language: Int16Array.from(language.index),
    languages: language.values,
    analysed,
    polarity: Float64Array.from(column<number>(2)),
    emotionBits: new Int32Array(size),
    day: day.index,
    days: day.values,
    segments: segmentKeys.length > 0 ? segmentValues(distinct(column<string>(5)), segmentKeys) : new Map(),
    lexiconVersions: [],
  };
  // Nearly always one lexicon version: min = max settles it, and only a mix needs a second scan for the rest.
  const { first, last } = row as { first: string | null; last: string | null };
  ds.lexiconVersions =
    first === last
      ? [first].filter((v): v is string => Boolean(v))
      : (db.prepare(`SELECT DISTINCT r.lexicon_version AS v FROM responses AS r WHERE ${where} AND r.language_supported IS 1`).all(params) as { v: string | null }[])
          .map((r) => r.v)
          .filter((v): v is string => Boolean(v))
          .sort();
  const rowOf = rowFinder(ids);
  const tagged = db.prepare('SELECT json_group_array(response_id) AS ids FROM emotion_tags WHERE emotion = ?');
  emotions.forEach((emotion, k) => {
    for (const id of JSON.parse((tagged.get(emotion) as { ids: string }).ids) as number[]) {
      const i = rowOf(id);
      if (i >= 0) ds.emotionBits[i]! |= 1 << k;
    }
  });
  return ds;
}

/**
 * Each segment column's value per response. The segments JSON repeats (a few channels, markets…), so it is
 * parsed once per distinct text rather than once per response.
 */
function segmentValues(json: Distinct, keys: readonly string[]): Map<string, Distinct> {
  const parsed = json.values.map((text) => JSON.parse(text) as Record<string, unknown>);
  return new Map(
    keys.map((key) => {
      const values = parsed.map((segments) => (Object.hasOwn(segments, key) && segments[key] !== null ? String(segments[key]) : '(none)'));
      // Different segments texts can share this column's value: renumber to distinct values.
      const value = distinct(values);
      return [key, { index: json.index.map((i) => value.index[i]!), values: value.values }] as const;
    }),
  );
}

/** Distinct values in order of first appearance; null is not a value (index -1). */
function distinct(column: readonly (string | null)[]): Distinct {
  const seen = new Map<string, number>();
  const values: string[] = [];
  const index = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v === null) {
      index[i] = -1;
      continue;
    }
    let at = seen.get(v);
    if (at === undefined) {
      seen.set(v, (at = values.length));
      values.push(v);
    }
    index[i] = at;
  }
  return { index, values };
}

/**
 * Row of a response id, or -1 when the id is not in scope. Ids are ascending: a direct table when they are
 * dense enough (ids are rowids, so usually they are), else binary search — a Map of a million ids costs ~80 MB.
 */
function rowFinder(ids: Int32Array): (id: number) => number {
  const size = ids.length;
  if (size === 0) return () => -1;
  const first = ids[0]!;
  const span = ids[size - 1]! - first + 1;
  if (span <= 4 * size) {
    const table = new Int32Array(span).fill(-1);
    for (let i = 0; i < size; i++) table[ids[i]! - first] = i;
    return (id) => (id >= first && id - first < span ? table[id - first]! : -1);
  }
  return (id) => {
    let lo = 0;
    let hi = size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = ids[mid]!;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}
