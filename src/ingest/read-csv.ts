import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { HeartlineError } from '../errors.js';
import { countNewlines } from './count-newlines.js';
import { peekText } from './peek-text.js';
import { reject } from './reject.js';
import type { Column, SourceRecord, Table } from './table.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Qualtrics puts `{"ImportId":"QID1"}` under every column in its third header row. */
const IMPORT_ID = /^\{"ImportId":/;

interface ParsedRow {
  record: string[];
  raw: string;
}

/**
 * Reads CSV/TSV: delimiter detected from the header line unless given, quoted newlines and `""`
 * escapes handled by csv-parse, Qualtrics' two extra header rows detected and used as question texts.
 */
export async function readCsv(chunks: AsyncIterable<string>, label: string, delimiter?: string): Promise<Table> {
  const { head, all } = await peekText(chunks, (t) => headerRecord(t) !== undefined || t.length > 1 << 20);
  const sep = delimiter ?? detectDelimiter(headerRecord(head) ?? firstLine(head));
  /** Rows csv-parse could not read, placed on their lines when their turn comes (see LineCounter). */
  const skipped: Unreadable[] = [];
  /** An unreadable first record: the header itself, without which no row can be read. */
  let badHeader: Unreadable | undefined;
  const parser = parse({
    delimiter: sep,
    // Any line ending, mixed in one file: auto-detection fixes the first one found, and a CRLF row in an LF
    // file then kept its \r in the last field.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      const row = { raw: raw ?? '', why: describe(error), after: Number(error?.records) || 0 };
      // csv-parse counts only the records it emitted: none yet means this was the header line.
      if (Number(error?.records) === 0 && !badHeader) badHeader = row;
      else skipped.push(row);
      return undefined;
    },
  });
  const done = pipeline(Readable.from(all), parser).catch((error: unknown) => {
    parser.destroy(error as Error);
  });
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRow>;
  const lines = new LineCounter();
  const header = await rows.next();
  if (badHeader) {
    // Without this, an unclosed quote on the header line swallowed the whole file and it read as empty.
    parser.destroy();
    await done;
    const where = { file: label, line: lines.place(badHeader.raw).line };
    throw new HeartlineError('E_FORMAT', `the header line cannot be read: ${badHeader.why}`, where, 'check the quotes on the header line');
  }
  if (header.done) {
    await done;
    return { format: sep === '\t' ? 'tsv' : 'csv', columns: [], notes: ['the file is empty'], records: emptyRecords() };
  }
  const notes: string[] = [];
  lines.place(header.value.raw);
  const names = uniqueNames(header.value.record.map((n) => n.trim()), notes);
  let columns: Column[] = names.map((name) => ({ name }));
  const lookahead: ParsedRow[] = [];
  for (let i = 0; i < 2; i++) {
    const next = await rows.next();
    if (next.done) break;
    lookahead.push(next.value);
  }
  /** Records taken from the parser before `lookahead`: the header, and Qualtrics' rows once skipped. */
  let taken = 1;
  if (isQualtrics(lookahead)) {
    const questions = lookahead[0]!.record;
    for (const row of lookahead) lines.place(row.raw);
    columns = names.map((name, i) => ({ name, question: questions[i] ?? '' }));
    taken += lookahead.length;
    lookahead.length = 0;
    notes.push('Qualtrics export: skipped the question-text and ImportId header rows');
  }
  return {
    format: sep === '\t' ? 'tsv' : 'csv',
    columns,
    notes,
    records: toRecords(lookahead, taken, rows, names, lines, skipped, label, done),
  };
}

async function* emptyRecords(): AsyncGenerator<SourceRecord> {}

/**
 * The rows in file order: a skipped row comes right after the records csv-parse emitted before it (the
 * parser runs ahead of this generator, so it may have skipped a row before the one just taken).
 */
async function* toRecords(
  lookahead: ParsedRow[],
  taken: number,
  rows: AsyncIterator<ParsedRow>,
  names: string[],
  lines: LineCounter,
  skipped: Unreadable[],
  label: string,
  done: Promise<void>,
): AsyncGenerator<SourceRecord> {
  function* skippedUpTo(records: number): Generator<SourceRecord> {
    while (skipped.length > 0 && skipped[0]!.after <= records) yield unreadable(skipped.shift()!, lines);
  }
  try {
    for (const row of lookahead) {
      yield* skippedUpTo(taken);
      yield toRecord(row, names, lines);
      taken++;
    }
    for (;;) {
      const next = await rows.next();
      yield* skippedUpTo(taken);
      if (next.done) break;
      yield toRecord(next.value, names, lines);
      taken++;
    }
    yield* skippedUpTo(Infinity);
  } catch (error) {
    if (error instanceof HeartlineError) throw error;
    const csv = error as CsvError;
    throw new HeartlineError('E_FORMAT', `CSV cannot be read: ${csv.message}`, { file: label, line: Number(csv.lines) || undefined });
  }
  await done;
}

/**
 * Counts lines from the raw text of each record (csv-parse's own line count is off for CRLF inside quotes):
 * a record starts after the blank lines before it and ends with one line break.
 */
class LineCounter {
  private next = 1;

  place(raw: string): { line: number; raw: string } {
    const leading = /^[\r\n]*/.exec(raw)![0];
    const body = trimRaw(raw);
    // csv-parse keeps only the \r of a CRLF record delimiter in `raw`: blank CRLF lines before a record show as
    // "\r\r", so each \r\n, \n or lone \r there is one blank line.
    const line = this.next + (leading.match(/\r\n|\r|\n/g)?.length ?? 0);
    this.next = line + countNewlines(body) + 1;
    return { line, raw: body };
  }
}

/** A row csv-parse skipped, why, and how many records it had emitted before (the header included). */
interface Unreadable {
  raw: string;
  why: string;
  after: number;
}

function describe(error: CsvError | undefined): string {
  // csv-parse's message names the line where parsing stopped (the end of the file), not where the row starts.
  if (error?.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote is never closed';
  return error?.message ?? 'parse error';
}

/** Placed by the same LineCounter as the rows around it: csv-parse's own line count is off for CRLF. */
function unreadable(row: Unreadable, lines: LineCounter): SourceRecord {
  const { line, raw } = lines.place(row.raw);
  return { line, raw, reject: reject('R_FIELD_COUNT', `unreadable CSV row: ${row.why}`) };
}

function toRecord(row: ParsedRow, names: string[], lines: LineCounter): SourceRecord {
  const { line, raw } = lines.place(row.raw);
  const values = row.record;
  const extraAllEmpty = values.length > names.length && values.slice(names.length).every((v) => v.trim() === '');
  if (values.length !== names.length && !extraAllEmpty) {
    return {
      line,
      raw,
      reject: reject('R_FIELD_COUNT', `row has ${values.length} fields but the header has ${names.length}`),
    };
  }
  // fromEntries defines each name as an own property: assigning would drop a column named `__proto__`.
  const fields: Record<string, unknown> = Object.fromEntries(names.map((name, i) => [name, values[i]]));
  return { line, raw, fields };
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

function isQualtrics(lookahead: ParsedRow[]): boolean {
  const third = lookahead[1]?.record;
  if (!third) return false;
  const filled = third.filter((v) => v.trim() !== '');
  return filled.length > 0 && filled.filter((v) => IMPORT_ID.test(v.trim())).length >= filled.length / 2;
}

/** Duplicate header names get a suffix so no column silently shadows another. */
function uniqueNames(names: string[], notes: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 1) return name;
    notes.push(`duplicate column '${name}': the copy is read as '${name} (${n})'`);
    return `${name} (${n})`;
  });
}

/**
 * The header record: the first line that is not blank, continued past line breaks inside quotes (a quoted
 * column name may span lines); undefined until the text holds all of it.
 */
function headerRecord(text: string): string | undefined {
  const from = text.search(/[^\r\n]/);
  if (from === -1) return undefined;
  let inQuotes = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n' && !inQuotes) return text.slice(from, i);
  }
  return undefined;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

function trimRaw(raw: string): string {
  return raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
}

