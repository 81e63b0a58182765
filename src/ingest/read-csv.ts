import { HeartlineError } from '../errors.js';
import { type CsvRecord, csvRecords, fitsHeader } from './csv-records.js';
import { peekText } from './peek-text.js';
import { reject } from './reject.js';
import type { Column, SourceRecord, Table } from './table.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Qualtrics puts `{"ImportId":"QID1"}` under every column in its third header row. */
const IMPORT_ID = /^\{"ImportId":/;

/**
 * Reads CSV/TSV: delimiter detected from the header record unless given, quoted newlines and `""`
 * escapes handled by csv-parse, Qualtrics' two extra header rows detected and used as question texts.
 */
export async function readCsv(chunks: AsyncIterable<string>, label: string, delimiter?: string): Promise<Table> {
  const { head, all } = await peekText(chunks, (t) => headerRecord(t) !== undefined || t.length > 1 << 20);
  const first = headerRecord(head);
  const sep = delimiter ?? detectDelimiter(first?.text ?? head);
  const format = sep === '\t' ? 'tsv' : 'csv';
  const shape = { columns: 0 };
  // A header ended by a lone \r is an old Mac file: \r ends its lines. Elsewhere a lone \r is a character.
  const rows = csvRecords(all, sep, shape, { bareCr: first?.bareCr ?? false });
  const header = await nextRow(rows, label);
  if (!header) return { format, columns: [], notes: ['the file is empty'], records: emptyRecords() };
  if (!header.values) throw unreadableHeader(header, label);
  const notes: string[] = [];
  const names = uniqueNames(header.values.map((n) => n.trim()), notes);
  shape.columns = names.length;
  let columns: Column[] = names.map((name) => ({ name }));
  const lookahead: CsvRecord[] = [];
  for (let i = 0; i < 2; i++) {
    const next = await nextRow(rows, label);
    if (!next) break;
    lookahead.push(next);
  }
  if (lookahead.length === 0) notes.push('the file has a header line but no rows');
  if (isQualtrics(lookahead)) {
    const questions = lookahead[0]!.values!;
    columns = names.map((name, i) => ({ name, question: questions[i] ?? '' }));
    lookahead.length = 0;
    notes.push('Qualtrics export: skipped the question-text and ImportId header rows');
  }
  return { format, columns, notes, records: toRecords(lookahead, rows, names, label) };
}

async function* emptyRecords(): AsyncGenerator<SourceRecord> {}

async function nextRow(rows: AsyncGenerator<CsvRecord>, label: string): Promise<CsvRecord | undefined> {
  try {
    const next = await rows.next();
    return next.done ? undefined : next.value;
  } catch (error) {
    throw asFormatError(error, label);
  }
}

async function* toRecords(
  lookahead: CsvRecord[],
  rows: AsyncGenerator<CsvRecord>,
  names: string[],
  label: string,
): AsyncGenerator<SourceRecord> {
  for (const row of lookahead) yield toRecord(row, names);
  for (;;) {
    const row = await nextRow(rows, label);
    if (!row) return;
    yield toRecord(row, names);
  }
}

function asFormatError(error: unknown, label: string): Error {
  if (error instanceof HeartlineError || !(error instanceof Error) || !('code' in error)) return error as Error;
  const code = String(error.code);
  if (!code.startsWith('CSV_')) return error;
  return new HeartlineError('E_FORMAT', `CSV cannot be read: ${error.message}`, { file: label });
}

function toRecord(row: CsvRecord, names: string[]): SourceRecord {
  const { line, raw } = row;
  const values = row.values;
  if (!values) return { line, raw, reject: row.reject };
  if (!fitsHeader(values, names.length)) {
    return {
      line,
      raw,
      reject: reject('R_FIELD_COUNT', `row has ${values.length} fields but the header has ${names.length}`),
    };
  }
  const fields: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    // Assigning to `__proto__` would set the prototype and drop the column; defining it keeps it a field.
    if (name === '__proto__') {
      Object.defineProperty(fields, name, { value: values[i], enumerable: true, writable: true, configurable: true });
    } else {
      fields[name] = values[i];
    }
  }
  return { line, raw, fields };
}

/**
 * Without its header no row can be read. The rows' R_QUOTE reason says the lines after are read again, which
 * is not so for the header: the import stops here.
 */
function unreadableHeader(header: CsvRecord, label: string): HeartlineError {
  const where = { file: label, line: header.line };
  if (header.reject?.code === 'R_QUOTE') {
    const hint = 'check the quotes on the header line';
    return new HeartlineError('E_FORMAT', 'the header line cannot be read: a quote is never closed', where, hint);
  }
  return new HeartlineError('E_FORMAT', `the header line cannot be read: ${header.reject?.reason ?? ''}`, where);
}

/** The delimiter that splits the header record into the most fields, quotes respected. */
export function detectDelimiter(line: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = countOutsideQuotes(line, d);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count++;
  }
  return count;
}

function isQualtrics(lookahead: CsvRecord[]): boolean {
  const third = lookahead[1]?.values;
  if (!third) return false;
  const filled = third.filter((v) => v.trim() !== '');
  return filled.length > 0 && filled.filter((v) => IMPORT_ID.test(v.trim())).length >= filled.length / 2;
}

/** Duplicate header names get a suffix so no column silently shadows another. */
function uniqueNames(names: string[], notes: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name, i) => {
    const key = name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 1) return name;
    notes.push(`duplicate column '${name}': the first is used; column ${i + 1} is read as '${name} (${n})'`);
    return `${name} (${n})`;
  });
}

/**
 * The header record: from the first line that is not blank to the first line end outside quotes (a quoted
 * column name may span lines), and whether that line end is a lone \r; undefined until the text holds all of
 * it (a \r last in the text may be the start of a \r\n).
 */
function headerRecord(text: string): { text: string; bareCr: boolean } | undefined {
  const from = text.search(/[^\r\n]/);
  if (from === -1) return undefined;
  let inQuotes = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === '\n') return { text: text.slice(from, i), bareCr: false };
    else if (ch === '\r' && i + 1 < text.length) return { text: text.slice(from, i), bareCr: text[i + 1] !== '\n' };
  }
  return undefined;
}

