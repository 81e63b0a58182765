import { HeartlineError } from '../errors.js';
import { decodeText } from './decode-text.js';
import type { Input } from './open-input.js';
import { peekText } from './peek-text.js';
import { readCsv } from './read-csv.js';
import { readJsonArray, readJsonLines } from './read-json.js';
import { readXlsx } from './read-xlsx.js';
import type { Format, Table } from './table.js';

export const FORMATS: readonly Format[] = ['csv', 'tsv', 'jsonl', 'json', 'xlsx'];

export interface ReadOptions {
  format?: Format;
  /** An encoding label, or `auto` to detect a legacy encoding when the bytes are not UTF-8. */
  encoding?: string;
  /** The Excel sheet to read (default: the first). */
  sheet?: string;
}

/** What readTable adds to a Table: the encoding the text was read in, and why it was chosen. */
export interface ReadTable extends Table {
  encoding: string;
  /** How `--encoding auto` decided, in words (the evidence); undefined when it was not asked. */
  encodingEvidence?: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Opens any supported dump as a table: format from the flag, the file name, or the first bytes. */
export async function readTable(input: Input, options: ReadOptions = {}): Promise<ReadTable> {
  const { head, bytes } = await peekBytes(input.bytes);
  const byName = formatFromName(input.label);
  const zipped = ZIP_MAGIC.every((b, i) => head[i] === b);
  // A ZIP read without --format is a workbook, whatever its name says (an .xlsx renamed .csv reads as Excel).
  if (options.format === 'xlsx' || (options.format === undefined && (byName === 'xlsx' || zipped))) {
    return { ...(await readXlsx(bytes, input.label, options.sheet)), encoding: 'xlsx' };
  }
  if (options.sheet !== undefined) throw new HeartlineError('E_USAGE', '--sheet is for Excel workbooks (.xlsx)', { file: input.label });
  const decoded = await decodeText(bytes, input.label, options.encoding);
  const { head: text, all } = await peekText(decoded.chunks, (t) => t.trim().length > 0);
  const named = options.format ?? byName;
  const table = await open(named === undefined || named === 'xlsx' ? formatFromContent(text) : named, all, input.label);
  return { ...table, encoding: decoded.encoding, encodingEvidence: decoded.evidence };
}

function open(format: Exclude<Format, 'xlsx'>, chunks: AsyncGenerator<string>, label: string): Promise<Table> {
  switch (format) {
    case 'csv':
      return readCsv(chunks, label);
    case 'tsv':
      return readCsv(chunks, label, '\t');
    case 'jsonl':
      return readJsonLines(chunks, label);
    case 'json':
      return readJsonArray(chunks, label);
  }
}

/** The first chunk of bytes, and all of them again. */
async function peekBytes(bytes: AsyncIterable<Buffer>): Promise<{ head: Buffer; bytes: AsyncGenerator<Buffer> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (first.done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, bytes: all() };
}

export function formatFromName(name: string): Format | undefined {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.csv')) return 'csv';
  if (base.endsWith('.tsv') || base.endsWith('.tab')) return 'tsv';
  if (base.endsWith('.jsonl') || base.endsWith('.ndjson')) return 'jsonl';
  if (base.endsWith('.xlsx') || base.endsWith('.xlsm')) return 'xlsx';
  return undefined; // .json, .txt and stdin are sniffed: ".json" files are often really NDJSON
}

function formatFromContent(head: string): Exclude<Format, 'xlsx'> {
  const first = head.trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return firstLineIsObject(head) ? 'jsonl' : 'json';
  return 'csv';
}

/**
 * `{` starts both JSON Lines and a single object holding the responses (`{"responses": [...]}`): JSON Lines
 * when the first line is a whole object by itself, unless it is the only line and holds an array of objects
 * (a wrapper written compactly).
 */
function firstLineIsObject(head: string): boolean {
  const [first = '', ...rest] = head.trimStart().split('\n');
  const line = first.trim();
  if (!line.endsWith('}')) return false;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return false;
  }
  const alone = rest.every((l) => l.trim() === '');
  const wraps = Object.values(value as Record<string, unknown>).some(
    (v) => Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e)),
  );
  return !(alone && wraps);
}

export function parseFormat(value: string): Format {
  const format = value.toLowerCase() as Format;
  if (!FORMATS.includes(format)) {
    throw new HeartlineError('E_USAGE', `unknown format '${value}'`, {}, `use one of ${FORMATS.join(', ')}`);
  }
  return format;
}
