import { type CsvError, type Options, Parser } from 'csv-parse';
import { boundedLines, type LineEnds, type TextLine } from './bounded-lines.js';
import { MAX_RECORD_CHARS, rawPreview } from './limits.js';
import { type Reject, reject } from './reject.js';

/** One CSV record with the line it starts on, or a line that could not be read as a record. */
export interface CsvRecord {
  line: number;
  raw: string;
  /** Characters of the lines the record spans. */
  size: number;
  values?: string[];
  reject?: Reject;
}

/** csv-parse's synchronous core, which its stream wraps (`parser.api`, untyped): records come back during the call. */
interface Api {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

const newApi = (options: Options): Api => (new Parser(options) as unknown as { api: Api }).api;

/**
 * CSV records from text, fed to csv-parse a line at a time so that every record knows its lines and a broken
 * record costs one line: a quote never closed (at the end of the file, or within MAX_RECORD_CHARS) rejects the
 * line it opened on and the lines after it are read again as rows; a line longer than MAX_RECORD_CHARS is a
 * reject read no further. Nothing but the current record and the line being read is held in memory.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  delimiter: string,
  header: { columns: number } = { columns: 0 },
  { bareCr = false }: LineEnds = {},
): AsyncGenerator<CsvRecord> {
  const source = boundedLines(chunks, MAX_RECORD_CHARS, { bareCr })[Symbol.asyncIterator]();
  /** Lines to read again after a broken record, before the rest of the file. */
  const again: TextLine[] = [];
  /** Lines fed to the parser that no record has claimed yet. */
  let pending: TextLine[] = [];
  const out: CsvRecord[] = [];
  let failure: Reject | undefined;
  const options: Options = {
    delimiter,
    // The line ends boundedLines splits at, mixed in one file: csv-parse's auto-detection fixes the first one
    // found, and a CRLF row in an LF file then kept its \r in the last field.
    record_delimiter: bareCr ? ['\r\n', '\n', '\r'] : ['\r\n', '\n'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // csv-parse counts bytes of UTF-8, the limit is in characters: a UTF-16 unit takes at most 3 bytes, so a
    // row of MAX_RECORD_CHARS Cyrillic or Chinese characters still fits (boundedLines caps each line in characters).
    max_record_size: 3 * MAX_RECORD_CHARS,
    on_skip: (error) => {
      failure ??= brokenRecord(error as CsvError);
    },
  };
  /**
   * Blank lines before a record are the ones csv-parse skipped. Those inside it belong to a quoted field: its
   * line ends count them, so they stay.
   */
  const dropBlankLines = () => {
    let blank = 0;
    while (blank < pending.length && isBlank(pending[blank]!, bareCr)) blank++;
    if (blank > 0) pending.splice(0, blank);
  };
  let api = newApi(options);
  let fields: string[] | undefined;
  let text = '';
  const push = (record: string[]) => {
    if (failure) return; // read again by the next parser
    dropBlankLines();
    const span = 1 + record.reduce((n, v) => n + countLineEnds(v, bareCr), 0);
    if (span > 1 && header.columns > 0 && !fitsHeader(record, header.columns) && holdsRows(record, delimiter)) {
      // A quote opened on one line and closed by a quote on a later one swallowed the rows in between.
      failure = reject(
        'R_QUOTE',
        `a quoted field opened on this line closes only ${span - 1} line(s) later, leaving ${record.length} fields for ${header.columns} columns; the lines after it are read as rows`,
      );
      return;
    }
    const lines = pending.splice(0, span);
    if (lines.length === 0) return; // defensive: every record spans the lines it was read from
    const size = lines.reduce((n, l) => n + l.text.length, 0);
    out.push({ line: lines[0]!.no, raw: rawPreview(trimEnd(lines.map((l) => l.text).join(''))), size, values: record });
  };
  const close = () => {};
  /** The record in `pending` cannot be read: reject its first line, read the others again with a new parser. */
  const recover = (why: Reject) => {
    dropBlankLines();
    const [first, ...rest] = pending;
    if (first) out.push({ line: first.no, raw: rawPreview(trimEnd(first.text)), size: first.text.length, reject: why });
    again.unshift(...rest);
    pending = [];
    failure = undefined;
    api = newApi(options);
  };
  for (;;) {
    let next: IteratorResult<TextLine>;
    try {
      next = again.length > 0 ? { done: false, value: again.shift()! } : await source.next();
    } catch (error) {
      // The text stopped (bad bytes, gzip cap): the record before the failure is complete, keep it.
      api.parse(undefined, true, push, close);
      if (!failure) yield* out.splice(0);
      throw error;
    }
    if (next.done) {
      api.parse(undefined, true, push, close);
      if (!failure) break;
      recover(failure);
    } else if (next.value.oversize) {
      // Finish the record before it first: complete, or broken by a quote that runs into this line.
      api.parse(undefined, true, push, close);
      if (failure) {
        pending.push(next.value);
        recover(failure);
      } else {
        out.push({ line: next.value.no, raw: rawPreview(next.value.text), size: MAX_RECORD_CHARS, reject: tooLarge() });
        pending = [];
        api = newApi(options);
      }
    } else if (pending.length === 0 && (fields = splitLine((text = withoutLineEnd(next.value.text, bareCr)), delimiter)) !== undefined) {
      // No record open, and a line whose quotes (if any) open and close whole fields of its own: its fields are
      // exactly what csv-parse would make of it, at a fraction of the cost. Nearly every line of a dump is such.
      if (text !== '') out.push({ line: next.value.no, raw: rawPreview(text), size: next.value.text.length, values: fields });
    } else {
      pending.push(next.value);
      api.parse(Buffer.from(next.value.text), false, push, close);
      if (failure) recover(failure);
    }
    yield* out.splice(0);
  }
  yield* out.splice(0);
}

/**
 * The fields of one line (without its line end) as csv-parse reads them, or undefined when csv-parse must
 * read it: a quote that does not close its field on this line (a field spanning lines, or a stray quote
 * that relax_quotes keeps), a `\r`, or a delimiter of more than one character.
 */
export function splitLine(text: string, delimiter: string): string[] | undefined {
  if (delimiter.length !== 1 || delimiter === '"' || text.includes('\r')) return undefined;
  if (!text.includes('"')) return text.split(delimiter);
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (text[at] !== '"') {
      const end = text.indexOf(delimiter, at);
      const value = end === -1 ? text.slice(at) : text.slice(at, end);
      if (value.includes('"')) return undefined;
      fields.push(value);
      if (end === -1) return fields;
      at = end + 1;
      continue;
    }
    let value = '';
    let from = at + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) return undefined; // the field goes on past this line
      value += text.slice(from, quote);
      if (text[quote + 1] === '"') {
        value += '"';
        from = quote + 2;
        continue;
      }
      at = quote + 1;
      break;
    }
    fields.push(value);
    if (at === text.length) return fields;
    if (text[at] !== delimiter) return undefined; // text after a closing quote: csv-parse decides
    at++;
  }
}

/**
 * A field whose later lines contain the delimiter holds what look like rows: a quote closed by a later row
 * swallowed them. A short record whose multi-line comment holds none is just a short row (R_FIELD_COUNT).
 */
function holdsRows(values: string[], delimiter: string): boolean {
  return values.some((v) => v.split(/\r\n|\n|\r/).slice(1).some((line) => line.includes(delimiter)));
}

/** The row has the header's fields, or more that are all empty (a trailing delimiter). */
export function fitsHeader(values: string[], columns: number): boolean {
  if (values.length === columns) return true;
  return values.length > columns && values.slice(columns).every((v) => v.trim() === '');
}

function brokenRecord(error: CsvError): Reject {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return reject('R_QUOTE', 'a quoted field opened on this line is never closed; the lines after it are read as rows');
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return reject(
      'R_QUOTE',
      `a quoted field opened on this line runs past ${3 * MAX_RECORD_CHARS} bytes without closing; the lines after it are read as rows`,
    );
  }
  return reject('R_FIELD_COUNT', `unreadable CSV row: ${error.message}`);
}

function tooLarge(): Reject {
  return reject(
    'R_TOO_LARGE',
    `the row is longer than ${MAX_RECORD_CHARS} characters, the limit for one response; shorten or split it`,
  );
}

const isBlank = (l: TextLine, bareCr: boolean) => l.text === '\n' || l.text === '\r\n' || (bareCr && l.text === '\r');

/** Line ends as boundedLines counts them: `\r\n` and `\n`, and with `bareCr` a `\r` alone. */
function countLineEnds(text: string, bareCr: boolean): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  if (!bareCr) return n;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') n++;
  return n;
}

/** A line without the line end boundedLines left on it: `\r\n` or `\n`, or with `bareCr` a `\r` alone. */
function withoutLineEnd(text: string, bareCr: boolean): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || (bareCr && text.endsWith('\r'))) return text.slice(0, -1);
  return text;
}

function trimEnd(text: string): string {
  return text.replace(/[\r\n]+$/, '');
}
