import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { HeartlineError } from '../errors.js';
import type { Format } from '../ingest/table.js';
import { RENDERERS, type ReportFormat } from '../report/renderers.js';

/** One source of dumps: a drop folder, or files matching a name pattern (`*` and `?` in the last part). */
export interface NightlyInput {
  path: string;
  source: string;
  format?: Format;
  encoding?: string;
  /** The Excel sheet to read (default: the first). */
  sheet?: string;
  columns: { id?: string; score?: string; text?: string; date?: string; segments?: string[] };
  dateFormat?: string;
  /** A scores file (id + score) rather than feedback. */
  scores: boolean;
}

export interface NightlyReport {
  format: ReportFormat;
  /** `{date}` becomes today's date (YYYY-MM-DD). */
  path: string;
  by: string[];
}

export interface NightlyConfig {
  database: string;
  inputs: NightlyInput[];
  lexiconDirs: string[];
  reports: NightlyReport[];
  /** Seconds to wait for another run holding the database. */
  wait: number;
  /**
   * `"redact": true` masks e-mail addresses, phone numbers, card numbers and IBANs in comments and rejected
   * rows before they are stored, and in the reports' verbatims (as `run --redact` and `report --redact`).
   */
  redact: boolean;
}

const EXTENSIONS = /\.(csv|tsv|tab|txt|jsonl|ndjson|json)(\.gz)?$|\.xlsx$/i;
const FORMATS = ['csv', 'tsv', 'jsonl', 'json', 'xlsx'];
const REPORT_FORMATS = Object.keys(RENDERERS);

/** Reads and validates heartline.config.json; paths in it are relative to the file. */
export function loadNightlyConfig(file: string): NightlyConfig {
  if (!existsSync(file)) throw new HeartlineError('E_USAGE', 'no such config file', { file }, 'see docs/operations.md');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HeartlineError('E_USAGE', `the config is not valid JSON: ${(error as Error).message}`, { file });
  }
  const base = dirname(resolve(file));
  const fail = (where: string, message: string): never => {
    throw new HeartlineError('E_USAGE', `${where}: ${message}`, { file });
  };
  const obj = (v: unknown, where: string): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(where, 'must be an object');
  const str = (v: unknown, where: string): string => (typeof v === 'string' && v !== '' ? v : fail(where, 'must be a non-empty string'));
  const strings = (v: unknown, where: string): string[] =>
    v === undefined ? [] : Array.isArray(v) ? v.map((x, i) => str(x, `${where}[${i}]`)) : fail(where, 'must be a list of strings');
  const only = (o: Record<string, unknown>, keys: string[], where: string) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) fail(where, `unknown key '${k}' (known: ${keys.join(', ')})`);
  };
  const top = obj(raw, 'config');
  only(top, ['$comment', 'database', 'inputs', 'lexiconDirs', 'redact', 'reports', 'wait'], 'config');
  if (!Array.isArray(top['inputs']) || top['inputs'].length === 0) fail('inputs', 'must be a non-empty list');
  const inputs = (top['inputs'] as unknown[]).map((value, i): NightlyInput => {
    const where = `inputs[${i}]`;
    const o = obj(value, where);
    only(o, ['path', 'source', 'format', 'encoding', 'sheet', 'columns', 'dateFormat', 'scores'], where);
    const format = o['format'] === undefined ? undefined : str(o['format'], `${where}.format`);
    if (format && !FORMATS.includes(format)) fail(`${where}.format`, `must be one of ${FORMATS.join(', ')}`);
    const columns = o['columns'] === undefined ? {} : obj(o['columns'], `${where}.columns`);
    only(columns, ['id', 'score', 'text', 'date', 'segments'], `${where}.columns`);
    const opt = (k: string) => (columns[k] === undefined ? undefined : str(columns[k], `${where}.columns.${k}`));
    if (o['scores'] !== undefined && typeof o['scores'] !== 'boolean') fail(`${where}.scores`, 'must be true or false');
    return {
      path: resolve(base, str(o['path'], `${where}.path`)),
      source: o['source'] === undefined ? 'default' : str(o['source'], `${where}.source`),
      format: format as Format | undefined,
      encoding: o['encoding'] === undefined ? undefined : str(o['encoding'], `${where}.encoding`),
      sheet: o['sheet'] === undefined ? undefined : str(o['sheet'], `${where}.sheet`),
      columns: { id: opt('id'), score: opt('score'), text: opt('text'), date: opt('date'), segments: strings(columns['segments'], `${where}.columns.segments`) },
      dateFormat: o['dateFormat'] === undefined ? undefined : str(o['dateFormat'], `${where}.dateFormat`),
      scores: o['scores'] === true,
    };
  });
  const reports = (Array.isArray(top['reports']) ? top['reports'] : top['reports'] === undefined ? [] : fail('reports', 'must be a list')).map(
    (value: unknown, i: number): NightlyReport => {
      const where = `reports[${i}]`;
      const o = obj(value, where);
      only(o, ['format', 'path', 'by'], where);
      const format = str(o['format'], `${where}.format`);
      if (!REPORT_FORMATS.includes(format)) fail(`${where}.format`, `must be one of ${REPORT_FORMATS.join(', ')}`);
      return { format: format as NightlyReport['format'], path: resolve(base, str(o['path'], `${where}.path`)), by: strings(o['by'], `${where}.by`) };
    },
  );
  if (top['redact'] !== undefined && typeof top['redact'] !== 'boolean') fail('redact', 'must be true or false');
  const wait = top['wait'] === undefined ? 600 : typeof top['wait'] === 'number' && top['wait'] >= 0 ? top['wait'] : fail('wait', 'must be a number of seconds ≥ 0');
  return {
    database: resolve(base, top['database'] === undefined ? 'heartline.db' : str(top['database'], 'database')),
    inputs,
    lexiconDirs: strings(top['lexiconDirs'], 'lexiconDirs').map((d) => resolve(base, d)),
    reports,
    wait,
    redact: top['redact'] === true,
  };
}

/** The files an input names today, sorted by name (dumps are usually named by date). */
export function filesOf(input: NightlyInput): string[] {
  if (existsSync(input.path) && statSync(input.path).isDirectory()) {
    return readdirSync(input.path)
      .filter((f) => EXTENSIONS.test(f))
      .sort()
      .map((f) => join(input.path, f))
      .filter((f) => statSync(f).isFile());
  }
  const dir = dirname(input.path);
  const pattern = basename(input.path);
  if (!/[*?]/.test(pattern)) return existsSync(input.path) ? [input.path] : [];
  if (!existsSync(dir)) return [];
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return readdirSync(dir).filter((f) => regex.test(f)).sort().map((f) => join(dir, f));
}

/** `{date}` in a report path becomes today's date. */
export function datedPath(path: string, today = new Date()): string {
  return path.replace(/\{date\}/g, today.toISOString().slice(0, 10));
}
