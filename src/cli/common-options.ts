import { Option } from 'commander';
import { HeartlineError } from '../errors.js';

export const dbOption = () =>
  new Option('--db <file|url>', 'the SQLite database file (created if missing), or a PostgreSQL database: postgres://user@host:port/db')
    .env('HEARTLINE_DB')
    .default('heartline.db');

/** --db for commands that only read: they never create a database. */
export const readDbOption = () =>
  new Option('--db <file|url>', 'the SQLite database file (must exist; it is not created), or a PostgreSQL database: postgres://user@host:port/db')
    .env('HEARTLINE_DB')
    .default('heartline.db');

export const waitOption = () =>
  new Option('--wait [seconds]', 'if another run holds the database, wait for it (default 600 s) instead of exiting 4');

export const inputOptions = () => [
  new Option('--source <name>', 'the system this dump comes from; ids are unique per source').default('default'),
  new Option('--format <format>', 'input format (default: from the file name, else sniffed)').choices([
    'csv',
    'tsv',
    'jsonl',
    'json',
    'xlsx',
  ]),
  new Option(
    '--encoding <label>',
    'text encoding when the file has no BOM: auto (UTF-8, else the legacy encoding the bytes fit), or e.g. windows-1251, windows-1250, windows-1252, gb18030, big5',
  ),
  new Option('--sheet <name>', 'the sheet of an Excel workbook to read (default: the first)'),
  new Option('--id-column <name>', 'column with the response id (default: id, response_id, ResponseId, ticket id … see docs/importing.md); a dotted path in nested JSON'),
  new Option('--score-column <name>', 'column with the 0–10 NPS answer (default: nps, score, … or a question about recommending); e.g. answers.nps in nested JSON'),
  new Option('--max-bytes <n>', 'refuse gzip input that expands past this many bytes').default('8589934592'),
];

export function waitSeconds(value: string | boolean | undefined): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 600;
  return positiveNumber(value, '--wait');
}

export function positiveNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new HeartlineError('E_USAGE', `${flag} needs a positive number, not '${value}'`);
  return n;
}

/** --redact, worded for the command: importing masks before storage, reporting masks what it shows. */
export const redactOption = (what: string) =>
  new Option('--redact', `mask e-mail addresses, phone numbers, card numbers and IBANs ${what} (docs/privacy.md)`);

export const logFormatOption = () =>
  new Option('--log-format <format>', 'progress: text (a bar on a terminal) or json (structured lines on stderr, for cron)')
    .choices(['text', 'json'])
    .default('text');
