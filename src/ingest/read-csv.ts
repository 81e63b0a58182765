import { HeartlineError } from '../errors.js';
import { type CsvRecord, csvRecords, fitsHeader } from './csv-records.js';
import { peekText } from './peek-text.js';
import { reject } from './reject.js';
import { headerNames } from './header-names.js';
import { MAX_COLUMNS } from './limits.js';
import { type Column, defineField, type SourceRecord, type Table } from './table.js';

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
  const layout = `delimiter ${DELIMITER_NAMES[sep] ?? `'${sep}'`}`;
  const shape = { columns: 0 };
  // A header ended by a lone \r is an old Mac file: \r ends its lines. Elsewhere a lone \r is a character.
  const rows = csvRecords(all, sep, shape, { bareCr: first?.bareCr ?? false });
  const header = await nextRow(rows, label);
  const view: { keep?: ReadonlySet<string> } = {};
  const select = (names: Iterable<string>) => {
    view.keep = new Set(names);
  };
  if (!header) return { format, layout, columns: [], notes: ['the file is empty'], select, records: emptyRecords() };
  if (!header.values) throw unreadableHeader(header, label);
  checkWidth(header.values.length, label, header.line, layout);
  const notes: string[] = [];
  const names = headerNames(header.values, notes);
  shape.columns = names.length;
  const unnamed = (i: number) => (header.values![i]!.trim() === '' ? { unnamed: true } : {});
  let columns: Column[] = names.map((name, i) => ({ name, ...unnamed(i) }));
  const lookahead: CsvRecord[] = [];
  for (let i = 0; i < 2; i++) {
    const next = await nextRow(rows, label);
    if (!next) break;
    lookahead.push(next);
  }
  if (lookahead.length === 0) notes.push('the file has a header line but no rows');
  if (isQualtrics(lookahead)) {
    const questions = lookahead[0]!.values!;
    columns = names.map((name, i) => ({ name, question: questions[i] ?? '', ...unnamed(i) }));
    lookahead.length = 0;
    notes.push('Qualtrics export: skipped the question-text and ImportId header rows');
  } else if (isSurveyMonkey(lookahead[0])) {
    lookahead.shift();
    notes.push("SurveyMonkey export: skipped the second header row ('Response', 'Open-Ended Response')");
  }
  return { format, layout, columns, notes, select, records: toRecords(lookahead, rows, names, label, view) };
}

const DELIMITER_NAMES: Record<string, string> = { ',': "','", ';': "';'", '\t': 'tab', '|': "'|'" };

/** A header wider than MAX_COLUMNS is refused before any row is split into that many fields. */
function checkWidth(count: number, label: string, line: number, layout: string): void {
  if (count <= MAX_COLUMNS) return;
  throw new HeartlineError(
    'E_FORMAT',
    `the header has ${count} columns; Heartline reads at most ${MAX_COLUMNS}`,
    { file: label, line },
    `check that the first line is a header and the ${layout} is right (--format csv or tsv)`,
  );
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
  view: { keep?: ReadonlySet<string> },
): AsyncGenerator<SourceRecord> {
  // Column positions to keep, worked out once the reader's caller has selected its columns.
  let positions: number[] | undefined;
  const wanted = () => (positions ??= names.flatMap((name, i) => (!view.keep || view.keep.has(name) ? [i] : [])));
  for (const row of lookahead) yield toRecord(row, names, wanted());
  for (;;) {
    const row = await nextRow(rows, label);
    if (!row) return;
    yield toRecord(row, names, wanted());
  }
}

function asFormatError(error: unknown, label: string): Error {
  if (error instanceof HeartlineError || !(error instanceof Error) || !('code' in error)) return error as Error;
  const code = String(error.code);
  if (!code.startsWith('CSV_')) return error;
  return new HeartlineError('E_FORMAT', `CSV cannot be read: ${error.message}`, { file: label });
}

function toRecord(row: CsvRecord, names: string[], positions: number[]): SourceRecord {
  const { line, raw, size } = row;
  const values = row.values;
  if (!values) return { line, raw, size, reject: row.reject };
  if (!fitsHeader(values, names.length)) {
    return {
      line,
      raw,
      size,
      reject: reject('R_FIELD_COUNT', `row has ${values.length} fields but the header has ${names.length}`),
    };
  }
  // A NUL byte anywhere in the row marks a damaged export, also in a column that is not read.
  const nul = values.findIndex((v) => v.includes('\u0000'));
  if (nul !== -1) {
    return { line, raw, size, reject: reject('R_NUL', `column '${names[nul] ?? nul + 1}' contains NUL bytes (a damaged export?); the row is not imported`) };
  }
  const fields: Record<string, unknown> = {};
  for (const i of positions) defineField(fields, names[i]!, values[i]);
  return { line, raw, size, fields };
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

/**
 * SurveyMonkey's CSV puts the answer type under each question: 'Response', 'Open-Ended Response', 'Other
 * (please specify)', and nothing under the respondent columns.
 */
function isSurveyMonkey(second: CsvRecord | undefined): boolean {
  const values = second?.values;
  if (!values) return false;
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  return filled.length > 0 && filled.every((v) => /^(response|open-ended response|other \(please specify\))$/i.test(v));
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

