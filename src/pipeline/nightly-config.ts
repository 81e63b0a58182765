import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isPostgresUrl } from '../store/pg/postgres-url.js';
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
  /**
   * The share of a file's rows (0–1) that may be rejected before the nightly exits 3. Rejected rows are
   * recorded either way (`heartline rejects`); a few a night are data, not a failed job, and should not page
   * anyone — a changed export format that rejects most rows should. 0: any rejected row exits 3.
   */
  maxRejectedShare: number;
}

/** What an input names tonight: the files to import, and folders whose names match it (skipped). */
export interface InputFiles {
  files: string[];
  folders: string[];
}

/** A nightly `maxRejectedShare` when the config does not set one: 5% of a file's rows. */
export const DEFAULT_MAX_REJECTED_SHARE = 0.05;

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
  only(top, ['$comment', 'database', 'inputs', 'lexiconDirs', 'maxRejectedShare', 'redact', 'reports', 'wait'], 'config');
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
  const share = top['maxRejectedShare'];
  const maxRejectedShare =
    share === undefined ? DEFAULT_MAX_REJECTED_SHARE : typeof share === 'number' && share >= 0 && share <= 1 ? share : fail('maxRejectedShare', 'must be a number from 0 to 1 (0.05: 5% of a file\'s rows)');
  // A lexicon folder that is missing would silently tag with the built-in lexicons alone: say so now.
  const lexiconDirs = strings(top['lexiconDirs'], 'lexiconDirs').map((d, i) => {
    const dir = resolve(base, d);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`lexiconDirs[${i}]`, `no such folder: ${dir}`);
    return dir;
  });
  return {
    database: databaseOf(base, top['database'] === undefined ? 'heartline.db' : str(top['database'], 'database')),
    inputs,
    lexiconDirs,
    reports,
    wait,
    redact: top['redact'] === true,
    maxRejectedShare,
  };
}

/**
 * The files an input names tonight, sorted by name (dumps are usually named by date), and the folders whose
 * names match it (to be skipped with a warning). A quiet night — a pattern that matches nothing in its
 * folder — is no error; a drop folder, a named file or a pattern's folder that does not exist is one: a typo
 * or an unmounted share must not look like "nothing new to import".
 */
export function filesOf(input: NightlyInput, where: string): InputFiles {
  const missing = (what: string, path: string) =>
    new HeartlineError('E_IO', `${where}.path: ${what} does not exist: ${path}`, {}, 'check the path (relative paths are relative to the config file) and that its disk is mounted');
  if (isFolder(input.path)) return split(input.path, readdirSync(input.path).filter((f) => EXTENSIONS.test(f)));
  const dir = dirname(input.path);
  const pattern = basename(input.path);
  if (!/[*?]/.test(pattern)) {
    if (!existsSync(input.path)) throw missing('the file', input.path);
    return { files: [input.path], folders: [] };
  }
  if (!isFolder(dir)) throw missing(`the folder of the pattern ${pattern}`, dir);
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return split(dir, readdirSync(dir).filter((f) => regex.test(f)));
}

function split(dir: string, names: string[]): InputFiles {
  const paths = names.sort().map((f) => join(dir, f));
  return { files: paths.filter((p) => !isFolder(p)), folders: paths.filter(isFolder) };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `{date}` in a report path becomes today's date. */
export function datedPath(path: string, today = new Date()): string {
  return path.replace(/\{date\}/g, today.toISOString().slice(0, 10));
}

/** A file path is relative to the configuration's folder; a PostgreSQL URL is taken as it is. */
function databaseOf(base: string, value: string): string {
  return isPostgresUrl(value) ? value : resolve(base, value);
}
