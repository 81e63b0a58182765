import type { Reject } from './reject.js';

export type Format = 'csv' | 'tsv' | 'jsonl' | 'json' | 'xlsx';

/** How bare numbers in a date column are read: Excel serial days (1900 or 1904 system), or Unix time. */
export type DateNumbers = 'excel-serial' | 'excel-serial-1904' | 'epoch';

export interface Column {
  name: string;
  /** The question text, when the export has one (Qualtrics' second header row). */
  question?: string;
  /** The header left this column's name empty: it is read as `column N` (a spreadsheet's trailing `;;`). */
  unnamed?: boolean;
}

/** One row as read: its fields by column name, or why it could not be read. */
export interface SourceRecord {
  /** 1-based line where the row starts (for Excel, the row number). */
  line: number;
  /** The row as it stood in the file, kept for `rejects.raw` (cut to MAX_RAW_CHARS). */
  raw: string;
  /** Characters the row took in the file: batches are bounded by them as well as by rows. */
  size: number;
  /** The selected columns only (Table.select), so a very wide file costs no more memory than a narrow one. */
  fields?: Record<string, unknown>;
  reject?: Reject;
}

/** What a reader makes of a file: its columns and a stream of rows. */
export interface Table {
  format: Format;
  columns: Column[];
  /** Notes for the user (skipped Qualtrics header rows, renamed duplicate columns …). */
  notes: string[];
  /** CSV/TSV: the field delimiter; Excel: the sheet read; JSON: where the records were found. */
  layout?: string;

  dateNumbers?: DateNumbers;
  /** Keep only these columns in `fields` (call before reading `records`); all columns when never called. */
  select(names: Iterable<string>): void;
  records: AsyncIterable<SourceRecord>;
}

/** The part of `fields` to keep: all of it, or the selected names. */
export function project(fields: Record<string, unknown>, keep: ReadonlySet<string> | undefined): Record<string, unknown> {
  if (!keep) return fields;
  const out: Record<string, unknown> = {};
  for (const name of keep) if (Object.hasOwn(fields, name)) defineField(out, name, fields[name]);
  return out;
}

/** Sets a field; `__proto__` is defined rather than assigned, or it would set the prototype and drop the column. */
export function defineField(fields: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
  else fields[name] = value;
}
