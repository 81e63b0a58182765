import { isValid } from 'date-fns/isValid';
import { parse as parseWithPattern } from 'date-fns/parse';
import { reject, type Reject } from './reject.js';
import type { DateNumbers } from './table.js';

/** Which part of `05/11/2026` is the day: decided once per file from the whole date column (settleDateOrder). */
export type DateOrder = 'day-first' | 'month-first';

export interface DateOptions {
  /** --date-format: a date-fns pattern such as `dd/MM/yyyy`; when given, nothing else is recognised. */
  pattern?: string;
  /** How `n/n/yyyy` dates are read; without it, only those with a part above 12 can be. */
  order?: DateOrder;
  /** How bare numbers are read (Excel serial days in a workbook, Unix time in JSON); otherwise not dates. */
  numbers?: DateNumbers;
}

/**
 * Dates are stored as ISO 8601 text: `2025-03-01`, `2025-03-01T10:22:00`, or with the zone the input gave
 * (`…Z`, `…+01:00`). Recognised without a pattern: ISO 8601, `yyyy-mm-dd hh:mm[:ss]`, `yyyy/mm/dd`,
 * `dd.mm.yyyy [hh:mm]`, `yyyy. mm. dd.` (Hungarian), `2026年11月5日` (Chinese), and `n/n/yyyy` or `n-n-yyyy`
 * [`h:mm [AM]`] in the order the column settles (day first in the UK and most of Europe, month first in the
 * US). Anything else is unreadable, never a guess.
 */
export function parseDate(value: unknown, options: DateOptions = {}): string | null | Reject {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return fromNumber(value, options.numbers) ?? unreadable(String(value), options);
  const text = String(value).trim();
  if (text === '') return null;
  if (options.pattern) return withPattern(text, options.pattern) ?? unreadable(text, options);
  if (options.numbers && /^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), options.numbers) ?? unreadable(text, options);
  const iso = builtIn(text, options.order);
  if (iso !== undefined) return iso;
  if (slashOrder(text) === 'ambiguous') {
    return reject('R_DATE', `date '${text}' can be read day first or month first; pass --date-format dd/MM/yyyy or MM/dd/yyyy`);
  }
  return unreadable(text, options);
}

function unreadable(text: string, options: DateOptions): Reject {
  const how = options.pattern ? ` (${options.pattern})` : options.order ? ` (${options.order === 'day-first' ? 'dd/MM/yyyy' : 'MM/dd/yyyy'}, as this file's dates settled)` : '';
  return reject('R_DATE', `date '${text}' is not in a recognised format${how}`);
}

/**
 * What a `n/n/yyyy` (or `n-n-yyyy`) date says about its column: a first part above 12 can only be a day,
 * a second part above 12 only a day too; both 12 or below could be either. Undefined when not such a date.
 */
export function slashOrder(text: string): DateOrder | 'ambiguous' | undefined {
  const m = SLASH.exec(text.trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first > 12 && second <= 12) return 'day-first';
  if (second > 12 && first <= 12) return 'month-first';
  if (first <= 12 && second <= 12) return 'ambiguous';
  return undefined; // 13/13/2026: no order reads it
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const HUNGARIAN = /^(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

function builtIn(text: string, order: DateOrder | undefined): string | undefined {
  let m = ISO.exec(text);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], normaliseZone(m[7]));
  m = YMD.exec(text) ?? HUNGARIAN.exec(text) ?? CHINESE.exec(text);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6]);
  m = DOTTED.exec(text);
  if (m) return build(m[3], m[2], m[1], m[4], m[5], m[6]);
  m = SLASH.exec(text);
  if (!m) return undefined;
  const own = slashOrder(text);
  const read = own === 'ambiguous' ? order : own;
  if (read === undefined || (order !== undefined && read !== order)) return undefined;
  const [day, month] = read === 'day-first' ? [m[1], m[2]] : [m[2], m[1]];
  return build(m[3], month, day, twelveHour(m[4], m[7]), m[5], m[6]);
}

/** Excel's day 0 is 1899-12-30 in the 1900 system (its phantom 29 Feb 1900 included), 1904-01-01 in the other. */
const EXCEL_EPOCH_MS = { 'excel-serial': Date.UTC(1899, 11, 30), 'excel-serial-1904': Date.UTC(1904, 0, 1) };

function fromNumber(n: number, numbers: DateNumbers | undefined): string | undefined {
  if (!Number.isFinite(n) || numbers === undefined) return undefined;
  if (numbers === 'epoch') {
    // Seconds (10 digits) or milliseconds (13) since 1970, as help-desk APIs give them: an instant, in UTC.
    const ms = n >= 1e11 && n < 1e14 ? n : n >= 1e8 && n < 1e11 ? n * 1000 : undefined;
    return ms === undefined ? undefined : `${new Date(Math.round(ms)).toISOString().slice(0, 19)}Z`;
  }
  if (n < 1 || n >= 2958466) return undefined; // Excel's dates run to 9999-12-31
  const at = new Date(EXCEL_EPOCH_MS[numbers] + Math.round(n * 86400) * 1000).toISOString();
  return Number.isInteger(n) ? at.slice(0, 10) : at.slice(0, 19);
}

function twelveHour(hour: string | undefined, meridiem: string | undefined): string | undefined {
  if (hour === undefined || meridiem === undefined) return hour;
  const h = Number(hour);
  if (h < 1 || h > 12) return '99'; // invalid on purpose: build() rejects it
  const pm = meridiem.toLowerCase() === 'pm';
  return String((h % 12) + (pm ? 12 : 0));
}

function normaliseZone(zone: string | undefined): string | undefined {
  if (!zone || zone === 'Z') return zone;
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

function build(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h?: string,
  mi?: string,
  s?: string,
  zone?: string,
): string | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // 31.02.2025 and friends; years below 100 too (as Date.UTC, which reads them as 19xx, always refused them).
  // Arithmetic, not a Date per row: every row of a dump has a date.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (h === undefined) return date;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone ?? ''}`;
}

/** Days in a month of the proleptic Gregorian calendar (as Date reckons it). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function withPattern(text: string, pattern: string): string | undefined {
  const date = parseWithPattern(text, pattern, new Date(2000, 0, 1));
  if (!isValid(date)) return undefined;
  const hasTime = /[Hhms]/.test(pattern);
  const ymd = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return hasTime ? `${ymd}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` : ymd;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
