import { HeartlineError } from '../errors.js';
import { boundedLines } from './bounded-lines.js';
import { MAX_RAW_CHARS, MAX_RECORD_CHARS, rawPreview } from './limits.js';
import { type Reject, reject } from './reject.js';
import type { Column, Format, SourceRecord, Table } from './table.js';

/** JSON Lines / NDJSON: one object per line; a bad line is a reject, not the end of the file. */
export async function readJsonLines(chunks: AsyncIterable<string>): Promise<Table> {
  return withColumns('jsonl', jsonLineRecords(chunks));
}

/**
 * A JSON array of objects, streamed: elements are cut out by a small scanner that tracks strings and
 * nesting, so a 2 GB export never sits in memory whole and a broken element is a reject with its line.
 */
export async function readJsonArray(chunks: AsyncIterable<string>, label: string): Promise<Table> {
  return withColumns('json', jsonArrayRecords(chunks, label));
}

async function* jsonLineRecords(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  for await (const line of boundedLines(chunks, MAX_RECORD_CHARS)) {
    const text = line.text.replace(/\r?\n$/, '');
    if (line.oversize) yield { line: line.no, raw: rawPreview(text), reject: tooLarge() };
    else if (text.trim()) yield parseRecord(text, line.no);
  }
}

function tooLarge(): Reject {
  return reject('R_TOO_LARGE', `the row is longer than ${MAX_RECORD_CHARS} characters, the limit for one response; shorten or split it`);
}

async function* jsonArrayRecords(chunks: AsyncIterable<string>, label: string): AsyncGenerator<SourceRecord> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let opened = false;
  let closed = false;
  let element = '';
  let elementLine = 0;
  let oversize = false;
  for await (const chunk of chunks) {
    for (const ch of chunk) {
      if (ch === '\n') line++;
      if (!opened) {
        if (ch === '[') opened = true;
        else if (!isSpace(ch)) throw notArray(label, line);
        continue;
      }
      if (closed) {
        if (!isSpace(ch)) throw new HeartlineError('E_FORMAT', 'text after the closing ]', { file: label, line });
        continue;
      }
      if (depth === 0 && !inString) {
        if (ch === ',' || ch === ']') {
          if (oversize) yield { line: elementLine, raw: rawPreview(element), reject: tooLarge() };
          else if (element.trim()) yield parseRecord(element.trim(), elementLine);
          element = '';
          oversize = false;
          if (ch === ']') closed = true;
          continue;
        }
        if (isSpace(ch) && !element) continue;
        if (!element) elementLine = line;
      }
      // Past the cap only the scanning goes on, so a huge element costs no memory.
      if (!oversize) element += ch;
      if (element.length > MAX_RECORD_CHARS && !oversize) {
        oversize = true;
        element = element.slice(0, MAX_RAW_CHARS);
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
  }
  if (!opened) return;
  if (!closed) {
    throw new HeartlineError('E_FORMAT', 'the JSON array is not closed (file cut short?)', { file: label, line });
  }
}

function notArray(label: string, line: number): HeartlineError {
  return new HeartlineError(
    'E_FORMAT',
    'expected a JSON array of objects',
    { file: label, line },
    'for one object per line use a .jsonl file or --format jsonl',
  );
}

function parseRecord(text: string, line: number): SourceRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, raw: text, reject: reject('R_JSON', `invalid JSON: ${(error as Error).message}`) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, raw: text, reject: reject('R_NOT_OBJECT', 'expected a JSON object') };
  }
  return { line, raw: text, fields: value as Record<string, unknown> };
}

/** Objects looked at to learn the columns: JSON has no header, and keys may be missing from some objects. */
const COLUMN_SAMPLE = 1000;

/** The columns of a JSON dump are the keys of its first objects, in order of first appearance. */
async function withColumns(format: Format, records: AsyncGenerator<SourceRecord>): Promise<Table> {
  const buffered: SourceRecord[] = [];
  const keys = new Set<string>();
  while (buffered.length < COLUMN_SAMPLE) {
    const next = await records.next();
    if (next.done) break;
    buffered.push(next.value);
    for (const key of Object.keys(next.value.fields ?? {})) keys.add(key);
  }
  const columns: Column[] = [...keys].map((name) => ({ name }));
  async function* all(): AsyncGenerator<SourceRecord> {
    yield* buffered;
    yield* records;
  }
  return { format, columns, notes: [], records: all() };
}


function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
}
