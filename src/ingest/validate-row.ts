import type { ColumnMap } from './column-map.js';
import type { FeedbackRow } from './feedback-row.js';
import { type DateOptions, parseDate } from './parse-date.js';
import { parseScore } from './parse-score.js';
import { redact } from '../privacy/redact.js';
import { reject, type Reject, type RowWarning } from './reject.js';
import { rowHash } from './row-hash.js';

export interface ValidateOptions {
  /** --date-format, the order the file's dates settled, how bare numbers read. */
  dates?: DateOptions;
  /** The moment dates are checked against (tests pin it); default: now. */
  now?: Date;
  /**
   * Mask personal data in the comment, segment values and survey language (--redact): the row is stored,
   * hashed and analysed redacted.
   */
  redact?: boolean;
}

/**
 * How far past now a response date may lie: dates without a zone are read as UTC, and a response sent just
 * after midnight in Asia is still "tomorrow" in Europe. Anything later is a wrong date, not a time zone.
 */
export const FUTURE_SLACK_MS = 36 * 3600 * 1000;

/** Turns a row's fields into a FeedbackRow, or says why it cannot be imported. */
export function validateRow(
  fields: Record<string, unknown>,
  line: number,
  map: ColumnMap,
  options: ValidateOptions = {},
): FeedbackRow | Reject {
  const nul = Object.keys(fields).find((name) => cell(fields[name]).includes('\u0000'));
  if (nul !== undefined) {
    return reject('R_NUL', `column '${nul}' contains NUL bytes (a damaged export?); the row is not imported`);
  }
  const score = parseScore(map.score ? field(fields, map.score) : undefined);
  if (isReject(score)) return score;
  // A date that cannot be read costs the row its date, not its answer and comment: it is stored without one
  // and the ledger counts a warning (re-importing with the right --date-format then fills the dates in).
  const given = map.date ? field(fields, map.date) : undefined;
  const parsed = parseDate(given, options.dates);
  const dateProblem = isReject(parsed) ? parsed : inFuture(parsed, options.now ?? new Date());
  const respondedAt = isReject(parsed) || dateProblem ? null : parsed;
  const warning: RowWarning | undefined = dateProblem
    ? { code: 'W_DATE', reason: `${dateProblem.reason}; stored without a date`, value: cell(given) }
    : undefined;
  const typed = map.text ? cell(field(fields, map.text)) : '';
  // Before the hash, so the hash is of what is stored: re-importing with --redact sees the same rows as
  // unchanged; the first import with --redact after one without it updates (and so masks) them.
  const text = options.redact ? redact(typed).text : typed;
  if (text.trim() === '' && score === null) return reject('R_EMPTY', 'the row has neither an NPS answer nor a comment');
  const mask = (value: string) => (options.redact ? redact(value).text : value);
  const segments: Record<string, string> = {};
  // Segment names are lowercased so that "Channel" in one export and "channel" in another are one segment.
  for (const name of map.segments) segments[name.toLowerCase()] = mask(cell(field(fields, name)).trim());
  const declared = map.language ? mask(cell(field(fields, map.language)).trim()) : '';
  const declaredLanguage = declared === '' ? null : declared;
  const content = { text, score, respondedAt, segments, declaredLanguage };
  const hash = rowHash(content);
  let externalId: string;
  if (map.id) {
    externalId = cell(field(fields, map.id)).trim();
    if (externalId === '') return reject('R_ID_EMPTY', `the id column '${map.id}' is empty`);
  } else {
    externalId = `#${hash}`;
  }
  // A date that cannot be read says nothing about the response: a date stored before stays.
  const supplied = { text: map.text !== undefined, score: map.score !== undefined, date: map.date !== undefined && !dateProblem, language: map.language !== undefined };
  return { line, externalId, ...content, supplied, rowHash: hash, ...(warning ? { warning } : {}) };
}

/** A response cannot have been given after the export was made: such a date is a reject, like one that does not parse. */
function inFuture(iso: string | null, now: Date): Reject | undefined {
  if (iso === null) return undefined;
  const latest = now.getTime() + FUTURE_SLACK_MS;
  if (iso.length === 10) {
    // A date alone (most dumps) is its midnight UTC: compared as text with the latest day allowed, unparsed.
    if (iso <= latestDay(latest)) return undefined;
  } else {
    const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(iso);
    const at = Date.parse(zoned ? iso : `${iso}Z`);
    if (!(at > latest)) return undefined;
  }
  return reject('R_DATE', `date ${iso} is in the future (after ${now.toISOString().slice(0, 10)}): a wrong date or date format`);
}

const MS_PER_DAY = 86_400_000;
let latestDayCache = { day: Number.NaN, iso: '' };

/** The UTC date (yyyy-mm-dd) of an instant, worked out once per day rather than per row. */
function latestDay(ms: number): string {
  const day = Math.floor(ms / MS_PER_DAY);
  if (latestDayCache.day !== day) latestDayCache = { day, iso: new Date(day * MS_PER_DAY).toISOString().slice(0, 10) };
  return latestDayCache.iso;
}

export function isReject(value: unknown): value is Reject {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

/**
 * A row's own field: a JSON object that lacks a key named like an Object member (`toString`, `constructor`)
 * must not yield the inherited function.
 */
export function field(fields: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/** A field as text; JSON numbers and nested values are written as JSON. Text is kept as typed. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}
