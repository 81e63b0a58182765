import type { Database } from '../store/database.js';
import { type ReportSource, reportSourceOf } from '../store/report-source.js';
import type { ResponseFilters } from '../store/response-filters.js';

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
 * Reads the responses in id order: one scan as a JSON array per column, parsed in one go each (see
 * readResponseColumns). Emotion tags come the same way, one array of response ids per emotion.
 */
export function loadDataset(target: Database | ReportSource, filters: ResponseFilters, emotions: string[], segmentKeys: readonly string[] = []): Dataset {
  const db = reportSourceOf(target) as ReportSource;
  const row = db.responseColumns(filters, segmentKeys.length > 0);
  const ids = Int32Array.from(JSON.parse(row.ids) as number[]);
  const size = ids.length;
  for (let i = 1; i < size; i++) if (ids[i]! <= ids[i - 1]!) throw new Error(`loadDataset: responses not in id order at row ${i}`);
  const codes = JSON.parse(row.codes) as number[];
  const scores = new Int8Array(size);
  const analysed = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    // code = score (−1 without one) + 16 when analysed: −1…10 or 15…26.
    analysed[i] = codes[i]! >= 15 ? 1 : 0;
    scores[i] = codes[i]! - 16 * analysed[i]!;
  }
  const language = distinct(JSON.parse(row.language) as string[]);
  const day = distinct((JSON.parse(row.day) as (string | null)[]).map((d) => d || null));
  const ds: Dataset = {
    emotions,
    size,
    ids,
    scores,
    language: Int16Array.from(language.index),
    languages: language.values,
    analysed,
    polarity: Float64Array.from(JSON.parse(row.polarity) as number[]),
    emotionBits: new Int32Array(size),
    day: day.index,
    days: day.values,
    segments: row.segments !== null ? segmentValues(distinct(JSON.parse(row.segments) as string[]), segmentKeys) : new Map(),
    // Nearly always one lexicon version: min = max settles it, and only a mix needs a second scan for the rest.
    lexiconVersions: row.firstVersion === row.lastVersion ? [row.firstVersion].filter((v): v is string => Boolean(v)) : db.lexiconVersionsInScope(filters),
  };
  const rowOf = rowFinder(ids);
  const tagged = db.taggedResponseIds();
  emotions.forEach((emotion, k) => {
    for (const id of tagged(emotion)) {
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
