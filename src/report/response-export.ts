import { reportEmotions } from '../analysis/build-report.js';
import { loadCustomerStates } from '../analysis/customer-states.js';
import type { ResponseFilters } from '../store/response-filters.js';
import { languageName } from '../lang/registry.js';
import type { Database } from '../store/database.js';
import type { ExportRow } from '../store/report-queries.js';
import type { ReportSource } from '../store/report-source.js';
import { csvLine } from './render-csv.js';

export interface ExportOptions {
  filters: ResponseFilters;
  /** Segment columns to add, one each (lower case, as --by names them). */
  segments: readonly string[];
  /** A customer-states file replacing the built-in one. */
  states?: string;
}

/** Rows per chunk written: large enough that writes are few, small enough that memory stays flat. */
const CHUNK = 5000;

/**
 * `report --format csv --per-response`: every response in scope, one CSV row each, with its NPS group, its
 * customer state (scored, analysed responses only) and its emotions as a list and as one 0/1 column each —
 * for researchers' own models. Streamed in chunks: a million responses never sit in memory as one string.
 */
export async function* responseExport(
  db: Database | Pick<ReportSource, 'taggedEmotionIds'>,
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  options: ExportOptions,
): AsyncGenerator<string> {
  const { emotions } = reportEmotions(db);
  const states = loadCustomerStates(options.states, emotions);
  const bit = new Map(emotions.map((e, i) => [e, i]));
  yield `\uFEFF${csvLine([
    'response_id', 'source', 'external_id', 'responded_at', 'language', 'language_name', 'analysed', 'score', 'nps_group', 'state', 'emotions',
    ...emotions, 'polarity', ...options.segments,
  ])}`;
  let chunk = '';
  let written = 0;
  for await (const r of rows) {
    const said = r.emotions ? r.emotions.split(' ') : [];
    const bits = said.reduce((m, e) => m | (bit.has(e) ? 1 << bit.get(e)! : 0), 0);
    const analysed = r.analysed === 1;
    const state = analysed && r.score !== null ? states.definitions[states.stateOf(bits, r.score)]!.id : '';
    const segments = options.segments.length > 0 ? (JSON.parse(r.segments) as Record<string, unknown>) : {};
    chunk += csvLine([
      r.id, r.source, r.externalId, r.respondedAt, r.language, r.language === null ? null : languageName(r.language), analysed ? 1 : 0, r.score, npsGroup(r.score), state,
      said.join(' '), ...emotions.map((e) => (!analysed ? null : said.includes(e) ? 1 : 0)), analysed ? r.polarity : null,
      ...options.segments.map((k) => (Object.hasOwn(segments, k) && segments[k] !== null ? String(segments[k]) : null)),
    ]);
    if (++written % CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function npsGroup(score: number | null): string | null {
  return score === null ? null : score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
