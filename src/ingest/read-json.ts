import { HeartlineError } from '../errors.js';
import { boundedLines } from './bounded-lines.js';
import { flattenRecord } from './flatten-json.js';
import { jsonDepth } from './json-depth.js';
import { MAX_COLUMNS, MAX_JSON_DEPTH, MAX_RAW_CHARS, MAX_RECORD_CHARS, rawPreview } from './limits.js';
import { type Reject, reject } from './reject.js';
import { type Column, type Format, project, type SourceRecord, type Table } from './table.js';

/** JSON Lines / NDJSON: one object per line; a bad line is a reject, not the end of the file. */
export async function readJsonLines(chunks: AsyncIterable<string>, label: string): Promise<Table> {
  return withColumns('jsonl', jsonLineRecords(chunks), label, {});
}

/**
 * A JSON array of objects, or an object holding one (`{"items": [...]}`, `{"responses": [...]}` as survey
 * APIs return them), streamed: elements are cut out by a small scanner that tracks strings and nesting, so a
 * 2 GB export never sits in memory whole and a broken element is a reject with its line.
 */
export async function readJsonArray(chunks: AsyncIterable<string>, label: string): Promise<Table> {
  const found: { key?: string } = {};
  return withColumns('json', jsonArrayRecords(chunks, label, found), label, found);
}

async function* jsonLineRecords(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  for await (const line of boundedLines(chunks, MAX_RECORD_CHARS)) {
    const text = line.text.replace(/\r?\n$/, '');
    if (line.oversize) yield { line: line.no, raw: rawPreview(text), size: MAX_RECORD_CHARS, reject: tooLarge() };
    else if (text.trim()) yield parseRecord(text, line.no, jsonDepth(text, MAX_JSON_DEPTH));
  }
}

function tooLarge(): Reject {
  return reject('R_TOO_LARGE', `the row is longer than ${MAX_RECORD_CHARS} characters, the limit for one response; shorten or split it`);
}

async function* jsonArrayRecords(chunks: AsyncIterable<string>, label: string, found: { key?: string }): AsyncGenerator<SourceRecord> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let top: '[' | '{' | undefined;
  /** Depth of the records' array once found: 1 for a top-level array, 2 for one under a key of an object. */
  let recordsAt = 0;
  let recordsClosed = false;
  /** An array just opened under a key of the top object: it holds the records if its first element is an object. */
  let candidate = false;
  let expectKey = false;
  let key = '';
  let readingKey = false;
  let element = '';
  let elementLine = 0;
  let elementSize = 0;
  let elementDeepest = 0;
  let oversize = false;
  for await (const chunk of chunks) {
    for (const ch of chunk) {
      if (ch === '\n') line++;
      if (top === undefined) {
        if (ch === '[' || ch === '{') {
          top = ch;
          depth = 1;
          recordsAt = ch === '[' ? 1 : 0;
          expectKey = ch === '{';
        } else if (!isSpace(ch)) throw notArray(label, line);
        continue;
      }
      if (depth === 0) {
        if (!isSpace(ch)) throw new HeartlineError('E_FORMAT', `text after the closing ${top === '[' ? ']' : '}'}`, { file: label, line });
        continue;
      }
      if (candidate && !isSpace(ch)) {
        candidate = false;
        if (ch === '{') {
          recordsAt = 2;
          found.key = key;
        }
      }
      const inRecords = recordsAt > 0 && !recordsClosed && depth >= recordsAt;
      if (inRecords && depth === recordsAt && !inString) {
        if (ch === ',' || ch === ']') {
          if (oversize) yield { line: elementLine, raw: rawPreview(element), size: elementSize, reject: tooLarge() };
          else if (element.trim()) yield parseRecord(element.trim(), elementLine, elementDeepest);
          element = '';
          elementSize = 0;
          elementDeepest = 0;
          oversize = false;
          if (ch === ']') {
            recordsClosed = true;
            depth--;
          }
          continue;
        }
        if (isSpace(ch) && !element) continue;
        if (!element) elementLine = line;
      }
      if (inRecords) {
        elementSize++;
        // Past the cap only the scanning goes on, so a huge element costs no memory.
        if (!oversize) element += ch;
        if (element.length > MAX_RECORD_CHARS && !oversize) {
          oversize = true;
          element = element.slice(0, MAX_RAW_CHARS);
        }
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') {
          inString = false;
          readingKey = false;
        } else if (readingKey && key.length < 200) key += ch;
      } else if (ch === '"') {
        inString = true;
        if (top === '{' && depth === 1 && expectKey) {
          readingKey = true;
          expectKey = false;
          key = '';
        }
      } else if (ch === '{' || ch === '[') {
        if (top === '{' && depth === 1 && ch === '[' && recordsAt === 0) candidate = true;
        depth++;
        if (inRecords) elementDeepest = Math.max(elementDeepest, depth - recordsAt);
      } else if (ch === '}' || ch === ']') depth--;
      else if (ch === ',' && top === '{' && depth === 1) expectKey = true;
    }
  }
  if (top === undefined) return;
  if (depth !== 0) {
    throw new HeartlineError('E_FORMAT', `the JSON ${top === '[' ? 'array' : 'object'} is not closed (file cut short?)`, { file: label, line });
  }
  if (recordsAt === 0) {
    throw new HeartlineError(
      'E_FORMAT',
      'the JSON object holds no array of response objects',
      { file: label },
      'Heartline reads a JSON array of objects, an object with such an array under one key (e.g. "responses"), or JSON Lines',
    );
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

function parseRecord(text: string, line: number, depth: number): SourceRecord {
  const raw = rawPreview(text);
  const size = text.length;
  if (depth > MAX_JSON_DEPTH) {
    return {
      line,
      raw,
      size,
      reject: reject('R_JSON', `the JSON nests more than ${MAX_JSON_DEPTH} levels deep; no survey export does, so the row is not read`),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, raw, size, reject: reject('R_JSON', `invalid JSON: ${(error as Error).message}`) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, raw, size, reject: reject('R_NOT_OBJECT', 'expected a JSON object') };
  }
  return { line, raw, size, fields: flattenRecord(value as Record<string, unknown>) };
}

/** Objects looked at to learn the columns: JSON has no header, and keys may be missing from some objects. */
const COLUMN_SAMPLE = 1000;
/** …and at most this many characters of them, so a sample of huge rows is not held whole. */
const COLUMN_SAMPLE_CHARS = 16 * 1024 * 1024;

/** The columns of a JSON dump are the (flattened) keys of its first objects, in order of first appearance. */
async function withColumns(format: Format, records: AsyncGenerator<SourceRecord>, label: string, found: { key?: string }): Promise<Table> {
  const buffered: SourceRecord[] = [];
  const keys = new Set<string>();
  let chars = 0;
  while (buffered.length < COLUMN_SAMPLE && chars < COLUMN_SAMPLE_CHARS) {
    const next = await records.next();
    if (next.done) break;
    buffered.push(next.value);
    chars += next.value.size;
    for (const key of Object.keys(next.value.fields ?? {})) keys.add(key);
    if (keys.size > MAX_COLUMNS) {
      throw new HeartlineError(
        'E_FORMAT',
        `the JSON objects have more than ${MAX_COLUMNS} distinct keys (${keys.size} in the first ${buffered.length}); Heartline reads at most ${MAX_COLUMNS} columns`,
        { file: label, line: next.value.line },
      );
    }
  }
  const columns: Column[] = [...keys].map((name) => ({ name }));
  const view: { keep?: ReadonlySet<string> } = {};
  async function* all(): AsyncGenerator<SourceRecord> {
    for (const record of buffered.splice(0)) yield selected(record);
    for await (const record of records) yield selected(record);
  }
  const selected = (r: SourceRecord): SourceRecord => (r.fields ? { ...r, fields: project(r.fields, view.keep) } : r);
  const notes = found.key !== undefined ? [`JSON object: the responses are the array under '${found.key}'`] : [];
  return {
    format,
    columns,
    notes,
    layout: found.key !== undefined ? `array under '${found.key}'` : undefined,
    dateNumbers: 'epoch',
    select: (names) => {
      view.keep = new Set(names);
    },
    records: all(),
  };
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
}
