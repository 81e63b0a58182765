import { isValid } from 'date-fns/isValid';
import { parse as parseWithPattern } from 'date-fns/parse';
import { reject, type Reject } from './reject.js';

/**
 * Dates are stored as ISO 8601 text: `2025-03-01`, `2025-03-01T10:22:00`, or with the zone the input gave
 * (`…Z`, `…+01:00`). Recognised without a pattern: ISO 8601, `yyyy-mm-dd hh:mm[:ss]`, `dd.mm.yyyy [hh:mm]`,
 * `yyyy.mm.dd.` (Hungarian) and `m/d/yyyy [h:mm]` (US). Anything else is a reject, never a guess;
 * `--date-format` (a date-fns pattern such as `dd/MM/yyyy`) reads other layouts.
 */
export function parseDate(value: unknown, pattern?: string): string | null | Reject {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (text === '') return null;
  const iso = pattern ? withPattern(text, pattern) : builtIn(text);
  return iso ?? reject('R_DATE', `date '${text}' is not in a recognised format${pattern ? ` (${pattern})` : ''}`);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const HUNGARIAN = /^(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

function builtIn(text: string): string | undefined {
  let m = ISO.exec(text);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], normaliseZone(m[7]));
  m = DOTTED.exec(text);
  if (m) return build(m[3], m[2], m[1], m[4], m[5], m[6]);
  m = HUNGARIAN.exec(text);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6]);
  m = US.exec(text);
  if (m) return build(m[3], m[1], m[2], twelveHour(m[4], m[7]), m[5], m[6]);
  return undefined;
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
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined; // 31.02.2025 and friends
  }
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (h === undefined) return date;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone ?? ''}`;
}

function withPattern(text: string, pattern: string): string | undefined {
  const date = parseWithPattern(text, pattern, new Date(2000, 0, 1));
  if (!isValid(date)) return undefined;
  const hasTime = /[Hhms]/.test(pattern);
  const ymd = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return hasTime ? `${ymd}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` : ymd;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
