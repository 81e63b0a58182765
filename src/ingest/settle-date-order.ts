import { HeartlineError } from '../errors.js';
import { type DateOrder, slashOrder } from './parse-date.js';
import type { SourceRecord } from './table.js';
import { cell, field } from './validate-row.js';

/** How a file's `n/n/yyyy` dates are read, and the date that settled it. */
export interface DateOrderDecision {
  order: DateOrder;
  line: number;
  example: string;
}

/**
 * Rows held back while the order is unsettled: every one of them ambiguous so far, and none imported yet.
 * Past this, a file is scanned again from disk (its date column only); standard input cannot be.
 */
const LOOKAHEAD_ROWS = 100_000;
const LOOKAHEAD_CHARS = 16 * 1024 * 1024;
/** Rows without an ambiguous date so far are held only this long (then the rest streams as usual). */
const QUIET_ROWS = 1000;

export interface SettleOptions {
  file: string;
  /** Reads the file again from the start, for a look past the held-back rows; undefined for standard input. */
  rescan?: () => Promise<AsyncIterable<SourceRecord>>;
}

/**
 * Decides day-first or month-first for a date column from the whole column, before any row is imported:
 * rows are held back from the first ambiguous date (`05/11/2026`) until a date with a part above 12 settles
 * the order. A column ambiguous to its end stops the import with both `--date-format` choices. A column
 * without such dates needs no decision and nothing is held back.
 */
export async function settleDateOrder(
  records: AsyncIterable<SourceRecord>,
  column: string,
  options: SettleOptions,
): Promise<{ decision: DateOrderDecision | undefined; records: AsyncGenerator<SourceRecord> }> {
  const iterator = records[Symbol.asyncIterator]();
  const held: SourceRecord[] = [];
  let chars = 0;
  let ambiguous: { line: number; example: string } | undefined;
  let decision: DateOrderDecision | undefined;
  let ended = false;
  /** The file failed while rows were held: they are handed on first (rows read before a failure are kept). */
  let failure: unknown;
  for (;;) {
    let next: IteratorResult<SourceRecord>;
    try {
      next = await iterator.next();
    } catch (error) {
      failure = error;
      break;
    }
    if (next.done) {
      ended = true;
      break;
    }
    held.push(next.value);
    chars += next.value.size;
    const seen = orderOf(next.value, column);
    if (seen && seen.order !== 'ambiguous') {
      decision = { order: seen.order, line: next.value.line, example: seen.text };
      break;
    }
    if (seen) ambiguous ??= { line: next.value.line, example: seen.text };
    // Nothing ambiguous in the first rows: they need not wait longer (a later ambiguous date, in a file whose
    // dates so far were ISO or dotted, cannot be read and is a W_DATE warning).
    if (!ambiguous && (held.length >= QUIET_ROWS || chars >= LOOKAHEAD_CHARS)) break;
    if (ambiguous && (held.length >= LOOKAHEAD_ROWS || chars >= LOOKAHEAD_CHARS)) {
      decision = await scanOn(options, column, ambiguous);
      break;
    }
  }
  if (!decision && ambiguous && ended) throw undecided(options.file, ambiguous, 'in the whole file');
  async function* all(): AsyncGenerator<SourceRecord> {
    yield* held.splice(0);
    if (failure !== undefined) throw failure;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { decision, records: all() };
}

/** Past the look-ahead: the rest of the file, date column only, read again from disk. */
async function scanOn(options: SettleOptions, column: string, ambiguous: { line: number; example: string }): Promise<DateOrderDecision> {
  if (!options.rescan) throw undecided(options.file, ambiguous, `in the first ${LOOKAHEAD_ROWS} rows of standard input`);
  for await (const record of await options.rescan()) {
    const seen = orderOf(record, column);
    if (seen && seen.order !== 'ambiguous') return { order: seen.order, line: record.line, example: seen.text };
  }
  throw undecided(options.file, ambiguous, 'in the whole file');
}

function orderOf(record: SourceRecord, column: string): { order: DateOrder | 'ambiguous'; text: string } | undefined {
  if (!record.fields) return undefined;
  const text = cell(field(record.fields, column)).trim();
  const order = slashOrder(text);
  return order ? { order, text } : undefined;
}

function undecided(file: string, first: { line: number; example: string }, where: string): HeartlineError {
  return new HeartlineError(
    'E_DATE',
    `every date like '${first.example}' (line ${first.line}) ${where} can be read day first or month first; nothing was imported`,
    { file },
    `say which: --date-format dd/MM/yyyy (day first: ${first.example} is ${spell(first.example, 'day-first')}) or --date-format MM/dd/yyyy (month first: ${spell(first.example, 'month-first')})`,
  );
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function spell(text: string, order: DateOrder): string {
  const [a = '', b = '', y = ''] = text.split(/[/\s-]/);
  const [day, month] = order === 'day-first' ? [a, b] : [b, a];
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${y}`;
}
