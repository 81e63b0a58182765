import { Command, Option } from 'commander';
import type { Database } from '../../store/database.js';
import { positiveNumber, readDbOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import { withDatabase } from '../with-database.js';

interface RejectRow {
  run_id: number;
  file: string;
  line: number;
  code: string;
  reason: string;
  raw: string;
}

interface RejectsFlags {
  db: string;
  run?: string;
  all?: boolean;
  limit: string;
  json?: boolean;
}

export function rejectsCommand(): Command {
  return new Command('rejects')
    .description(
      'list rows that were not imported, with file:line and the reason, then rows imported with a warning ' +
        '(a date that cannot be read) (default: the latest import)',
    )
    .addOption(readDbOption())
    .addOption(new Option('--run <id>', 'rejects of this import run (the ledger id printed by run)'))
    .addOption(new Option('--all', 'rejects of every run'))
    .addOption(new Option('--limit <n>', 'show at most this many').default('100'))
    .addOption(new Option('--json', 'one JSON object per line'))
    .action(async (flags: RejectsFlags) => {
      const limit = positiveNumber(flags.limit, '--limit');
      await withDatabase(flags.db, (db) => printRejects(db, flags, limit), true);
      process.exitCode = EXIT.OK;
    });
}

function printRejects(db: Database, flags: RejectsFlags, limit: number): void {
  const where = flags.all
    ? '1 = 1'
    : flags.run
      ? 'run_id = @run'
      : 'run_id IN (SELECT id FROM import_runs WHERE invocation = (SELECT invocation FROM import_runs ORDER BY id DESC LIMIT 1))';
  const params = { run: flags.run ? positiveNumber(flags.run, '--run') : null, limit };
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM rejects WHERE ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT run_id, file, line, code, reason, raw FROM rejects WHERE ${where} ORDER BY run_id, line LIMIT @limit`)
    .all(params) as RejectRow[];
  for (const r of rows) {
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
    } else {
      process.stdout.write(`${r.file}:${r.line}: ${r.code}: ${r.reason}\n    ${preview(r.raw)}\n`);
    }
  }
  if (!flags.json) {
    const shown = rows.length < total ? ` (showing ${rows.length}; --limit to see more)` : '';
    process.stdout.write(`${total} reject${total === 1 ? '' : 's'}${shown}\n`);
  }
  printWarnings(db, flags, where, params);
}

/** Rows imported without their date (W_DATE), after the rejects: they lost something too. */
function printWarnings(db: Database, flags: RejectsFlags, where: string, params: { run: number | null; limit: number }): void {
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM import_warnings WHERE ${where}`).get(params) as { n: number }).n;
  if (total === 0) return;
  const rows = db
    .prepare(`SELECT run_id, file, line, code, reason, value FROM import_warnings WHERE ${where} ORDER BY run_id, line LIMIT @limit`)
    .all(params) as { run_id: number; file: string; line: number; code: string; reason: string; value: string }[];
  for (const r of rows) {
    if (flags.json) process.stdout.write(`${JSON.stringify({ ...r, warning: true })}\n`);
    else process.stdout.write(`${r.file}:${r.line}: ${r.code}: ${r.reason}\n`);
  }
  if (!flags.json) {
    const shown = rows.length < total ? ` (showing ${rows.length}; --limit to see more)` : '';
    process.stdout.write(`${total} row${total === 1 ? '' : 's'} imported with a warning${shown}\n`);
  }
}

function preview(raw: string): string {
  // NUL and other control bytes would garble the terminal: show them as symbols.
  const flat = raw.replace(/\r?\n/g, '⏎').replace(/\u0000/g, '␀');
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}
