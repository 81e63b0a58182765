import type { Database } from '../store/database.js';
import { type ReportFilters, filterSql } from './filters.js';

/**
 * The responses a report covers, column-wise in typed arrays so a million of them fit in a few dozen MB:
 * emotions as a bit set per response (bit i = emotions[i]).
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
  respondedAt: (string | null)[];
  segments: Record<string, string>[];
  lexiconVersions: string[];
}

export function loadDataset(db: Database, filters: ReportFilters, emotions: string[]): Dataset {
  const { where, params } = filterSql(filters);
  const count = (db.prepare(`SELECT COUNT(*) AS n FROM responses AS r WHERE ${where}`).get(params) as { n: number }).n;
  const ds: Dataset = {
    emotions,
    size: count,
    ids: new Int32Array(count),
    scores: new Int8Array(count),
    language: new Int16Array(count),
    languages: [],
    analysed: new Uint8Array(count),
    polarity: new Float64Array(count),
    emotionBits: new Int32Array(count),
    respondedAt: new Array<string | null>(count),
    segments: new Array<Record<string, string>>(count),
    lexiconVersions: [],
  };
  const languageIndex = new Map<string, number>();
  let i = 0;
  const rows = db
    .prepare(
      `SELECT r.id, r.score, r.language, r.language_supported, r.polarity, r.responded_at, r.segments, r.lexicon_version
       FROM responses AS r WHERE ${where} ORDER BY r.id`,
    )
    .iterate(params) as IterableIterator<{
    id: number;
    score: number | null;
    language: string | null;
    language_supported: number | null;
    polarity: number | null;
    responded_at: string | null;
    segments: string;
    lexicon_version: string | null;
  }>;
  const versions = new Set<string>();
  for (const row of rows) {
    if (i >= count) break; // rows added by a concurrent import after the count: left for the next report
    ds.ids[i] = row.id;
    ds.scores[i] = row.score ?? -1;
    const lang = row.language ?? '?';
    let li = languageIndex.get(lang);
    if (li === undefined) {
      li = ds.languages.length;
      ds.languages.push(lang);
      languageIndex.set(lang, li);
    }
    ds.language[i] = li;
    ds.analysed[i] = row.language_supported === 1 && row.lexicon_version !== null ? 1 : 0;
    ds.polarity[i] = row.polarity ?? 0;
    ds.respondedAt[i] = row.responded_at;
    ds.segments[i] = row.segments === '{}' ? EMPTY : (JSON.parse(row.segments) as Record<string, string>);
    if (row.lexicon_version && row.language_supported === 1) versions.add(row.lexicon_version);
    i++;
  }
  ds.size = i;
  ds.lexiconVersions = [...versions].sort();
  const bit = new Map(emotions.map((e, k) => [e, k]));
  const tags = db
    .prepare(`SELECT t.response_id AS id, t.emotion FROM emotion_tags AS t JOIN responses AS r ON r.id = t.response_id WHERE ${where}`)
    .iterate(params) as IterableIterator<{ id: number; emotion: string }>;
  for (const tag of tags) {
    const row = rowOfId(ds.ids, ds.size, tag.id);
    const k = bit.get(tag.emotion);
    if (row !== undefined && k !== undefined) ds.emotionBits[row]! |= 1 << k;
  }
  return ds;
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;

export const hasEmotion = (ds: Dataset, row: number, k: number) => (ds.emotionBits[row]! & (1 << k)) !== 0;

/** Rows are loaded in id order: find one by binary search (a Map of a million ids costs ~80 MB). */
function rowOfId(ids: Int32Array, size: number, id: number): number | undefined {
  let lo = 0;
  let hi = size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
