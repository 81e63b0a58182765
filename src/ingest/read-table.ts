import { HeartlineError } from '../errors.js';
import { decodeText } from './decode-text.js';
import type { Input } from './open-input.js';
import { peekText } from './peek-text.js';
import { readCsv } from './read-csv.js';
import { readJsonArray, readJsonLines } from './read-json.js';
import type { Format, Table } from './table.js';

export const FORMATS: readonly Format[] = ['csv', 'tsv', 'jsonl', 'json'];

export interface ReadOptions {
  format?: Format;
  encoding?: string;
}

/** Opens any supported dump as a table: format from the flag, the file name, or the first character. */
export async function readTable(input: Input, options: ReadOptions = {}): Promise<Table & { encoding: string }> {
  const decoded = await decodeText(input.bytes, input.label, options.encoding);
  const { head, all } = await peekText(decoded.chunks, (t) => t.trim().length > 0);
  const format = options.format ?? formatFromName(input.label) ?? formatFromContent(head);
  const table = await open(format, all, input.label);
  return { ...table, encoding: decoded.encoding };
}

function open(format: Format, chunks: AsyncGenerator<string>, label: string): Promise<Table> {
  switch (format) {
    case 'csv':
      return readCsv(chunks, label);
    case 'tsv':
      return readCsv(chunks, label, '\t');
    case 'jsonl':
      return readJsonLines(chunks);
    case 'json':
      return readJsonArray(chunks, label);
  }
}

export function formatFromName(name: string): Format | undefined {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.csv')) return 'csv';
  if (base.endsWith('.tsv') || base.endsWith('.tab')) return 'tsv';
  if (base.endsWith('.jsonl') || base.endsWith('.ndjson')) return 'jsonl';
  return undefined; // .json, .txt and stdin are sniffed: ".json" files are often really NDJSON
}

function formatFromContent(head: string): Format {
  const first = head.trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return 'jsonl';
  return 'csv';
}

export function parseFormat(value: string): Format {
  const format = value.toLowerCase() as Format;
  if (!FORMATS.includes(format)) {
    throw new HeartlineError('E_USAGE', `unknown format '${value}'`, {}, `use one of ${FORMATS.join(', ')}`);
  }
  return format;
}
