import { Readable } from 'node:stream';
import { HeartlineError } from '../errors.js';
import { fitsHeader } from './csv-records.js';
import { MAX_COLUMNS, MAX_RECORD_CHARS, rawPreview } from './limits.js';
import { headerNames } from './header-names.js';
import { reject } from './reject.js';
import { defineField, type SourceRecord, type Table } from './table.js';

/** The small part of exceljs' streaming reader used here, declared so its types stay at this edge. */
interface SheetReader extends AsyncIterable<{ number: number; values: unknown[] }> {
  name: string;
}
interface BookReader extends AsyncIterable<SheetReader> {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}
type BookReaderClass = new (input: Readable, options: Record<string, string>) => BookReader;

/**
 * An Excel workbook (.xlsx), streamed with exceljs: the first sheet (or `sheet`), its first non-empty row as
 * the header, each later row a record numbered as Excel numbers it. Cells come out as text, numbers,
 * booleans, or ISO dates for date-formatted cells (Excel's wall clock, no zone); formulas give their result,
 * rich text its characters. Empty rows are skipped like blank lines.
 */
export async function readXlsx(bytes: AsyncIterable<Buffer>, label: string, sheet?: string): Promise<Table> {
  const { default: exceljs } = (await import('exceljs')) as unknown as { default: { stream: { xlsx: { WorkbookReader: BookReaderClass } } } };
  const book = new exceljs.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = book[Symbol.asyncIterator]();
  const seen: string[] = [];
  let target: SheetReader | undefined;
  for (;;) {
    const next = await step(sheets, label);
    if (next.done) break;
    seen.push(next.value.name);
    const named = book.model?.sheets?.map((s) => s.name) ?? [];
    // A workbook without relationships leaves exceljs' sheets unnamed (`Sheet1`): then the first one read.
    const first = named.includes(next.value.name) ? named[0] : seen[0];
    if (sheet === undefined ? next.value.name === first : next.value.name.toLowerCase() === sheet.toLowerCase()) {
      target = next.value;
      break;
    }
  }
  if (!target) throw noSheet(label, sheet, book.model?.sheets?.map((s) => s.name) ?? seen);
  const layout = `sheet '${target.name}'`;
  const rows = target[Symbol.asyncIterator]();
  const view: { keep?: ReadonlySet<string> } = {};
  let header: { number: number; cells: unknown[] } | undefined;
  while (!header) {
    const next = await step(rows, label);
    if (next.done) break;
    const cells = plainRow(next.value.values);
    if (cells.some((c) => text(c) !== '')) header = { number: next.value.number, cells };
  }
  const base = {
    format: 'xlsx' as const,
    layout,
    dateNumbers: book.properties?.model?.date1904 ? ('excel-serial-1904' as const) : ('excel-serial' as const),
    select: (names: Iterable<string>) => {
      view.keep = new Set(names);
    },
  };
  if (!header) return { ...base, columns: [], notes: [`${layout} is empty`], records: drain(sheets, label) };
  if (header.cells.length > MAX_COLUMNS) {
    throw new HeartlineError('E_FORMAT', `the header has ${header.cells.length} columns; Heartline reads at most ${MAX_COLUMNS}`, {
      file: label,
      line: header.number,
    });
  }
  const notes: string[] = [];
  const names = headerNames(header.cells.map(text), notes);
  if (header.number > 1) notes.push(`${layout}: the header is row ${header.number} (rows above it are empty)`);
  async function* records(): AsyncGenerator<SourceRecord> {
    let positions: number[] | undefined;
    for (;;) {
      const next = await step(rows, label);
      if (next.done) break;
      const cells = plainRow(next.value.values);
      const texts = cells.map(text);
      if (texts.every((t) => t === '')) continue;
      positions ??= names.flatMap((name, i) => (!view.keep || view.keep.has(name) ? [i] : []));
      yield toRecord(next.value.number, cells, texts, names, positions);
    }
    // The other sheets are read to the end too, so the file's checksum covers all of it.
    yield* drain(sheets, label);
  }
  const columns = names.map((name, i) => (text(header!.cells[i]).trim() === '' ? { name, unnamed: true } : { name }));
  return { ...base, columns, notes, records: records() };
}

function toRecord(line: number, cells: unknown[], texts: string[], names: string[], positions: number[]): SourceRecord {
  const raw = rawPreview(texts.map(csvCell).join(','));
  const size = texts.reduce((n, t) => n + t.length, 0);
  if (size > MAX_RECORD_CHARS) {
    return { line, raw, size, reject: reject('R_TOO_LARGE', `the row is longer than ${MAX_RECORD_CHARS} characters, the limit for one response; shorten or split it`) };
  }
  if (!fitsHeader(texts, names.length)) {
    const last = texts.findLastIndex((t) => t.trim() !== '');
    return { line, raw, size, reject: reject('R_FIELD_COUNT', `row has a value in column ${last + 1}, beyond the header's ${names.length} columns`) };
  }
  const fields: Record<string, unknown> = {};
  for (const i of positions) defineField(fields, names[i]!, cells[i] ?? '');
  return { line, raw, size, fields };
}

/** exceljs' row values are 1-based and sparse; cells become plain values. */
function plainRow(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 1; i < values.length; i++) out.push(plain(values[i]));
  while (out.length > 0 && text(out[out.length - 1]) === '') out.pop();
  return out;
}

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return wallClock(value);
  if (typeof value !== 'object') return value;
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell['richText'])) return (cell['richText'] as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('result' in cell) return plain(cell['result']);
  if ('formula' in cell || 'sharedFormula' in cell) return '';
  if ('text' in cell) return plain(cell['text']);
  if (typeof cell['error'] === 'string') return cell['error'];
  return JSON.stringify(value);
}

/** exceljs gives a date cell as the UTC instant of Excel's wall-clock value: read back as that wall clock. */
function wallClock(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

async function* drain(sheets: AsyncIterator<SheetReader>, label: string): AsyncGenerator<SourceRecord> {
  while (!(await step(sheets, label)).done);
}

function noSheet(label: string, sheet: string | undefined, names: string[]): HeartlineError {
  if (sheet !== undefined) {
    return new HeartlineError('E_USAGE', `--sheet '${sheet}' is not a sheet of this workbook`, { file: label }, `the sheets are: ${names.join(', ')}`);
  }
  return new HeartlineError(
    'E_FORMAT',
    'the ZIP archive holds no Excel worksheet (an .ods, .docx or other archive?)',
    { file: label },
    "open it in its program and save it as .xlsx or 'CSV UTF-8', then import that file",
  );
}

/** The next sheet or row. exceljs (and the unzipper under it) throw plain errors on a damaged workbook: E_FORMAT. */
async function step<T>(iterator: AsyncIterator<T>, label: string): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (error) {
    if (error instanceof HeartlineError) throw error;
    throw new HeartlineError(
      'E_FORMAT',
      `the Excel workbook cannot be read: ${(error as Error).message}`,
      { file: label },
      "check that the file is a complete .xlsx; if Excel opens it, save it again (or as 'CSV UTF-8')",
    );
  }
}
