import { Command, Option } from 'commander';
import { visibleControls } from '../../report/visible-controls.js';
import { PgRejectLog } from '../../store/pg/pg-reject-log.js';
import { isPostgresUrl } from '../../store/pg/postgres-url.js';
import { RejectLog, type RejectScope } from '../../store/reject-log.js';
import { positiveNumber, readDbOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import { withDatabase, withPostgres } from '../with-database.js';

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
    .addOption(new Option('--all', 'rejects of every run; a line a later run of the same file imported is marked'))
    .addOption(new Option('--limit <n>', 'show at most this many').default('100'))
    .addOption(new Option('--json', 'one JSON object per line'))
    .action(async (flags: RejectsFlags) => {
      const limit = positiveNumber(flags.limit, '--limit');
      if (isPostgresUrl(flags.db)) await withPostgres(flags.db, (pg) => printRejects(new PgRejectLog(pg), flags, limit));
      else await withDatabase(flags.db, (db) => printRejects(new RejectLog(db), flags, limit), true);
      process.exitCode = EXIT.OK;
    });
}

/** What `rejects` reads, from either engine. */
type RejectReader = Pick<RejectLog | PgRejectLog, 'count' | 'list' | 'countWarnings' | 'warnings'>;

async function printRejects(log: RejectReader, flags: RejectsFlags, limit: number): Promise<void> {
  const scope: RejectScope = flags.all ? 'all' : flags.run ? { run: positiveNumber(flags.run, '--run') } : 'latest';
  const total = await log.count(scope);
  const rows = await log.list(scope, limit);
  for (const r of rows) {
    if (flags.json) {
      const { runId, importedBy, ...rest } = r;
      process.stdout.write(`${JSON.stringify({ run_id: runId, ...rest, imported_by: importedBy })}\n`);
    } else {
      const imported = r.importedBy === null ? '' : ` (imported since by run #${r.importedBy})`;
      process.stdout.write(`${visibleControls(`${r.file}:${r.line}: ${r.code}: ${r.reason}${imported}`)}\n    ${preview(r.raw)}\n`);
    }
  }
  if (!flags.json) {
    const shown = rows.length < total ? ` (showing ${rows.length}; --limit to see more)` : '';
    process.stdout.write(`${total} reject${total === 1 ? '' : 's'}${shown}\n`);
  }
  await printWarnings(log, flags, scope, limit);
}

/** Rows imported without their date (W_DATE), after the rejects: they lost something too. */
async function printWarnings(log: RejectReader, flags: RejectsFlags, scope: RejectScope, limit: number): Promise<void> {
  const total = await log.countWarnings(scope);
  if (total === 0) return;
  const rows = await log.warnings(scope, limit);
  for (const r of rows) {
    if (flags.json) process.stdout.write(`${JSON.stringify({ ...r, warning: true })}\n`);
    else process.stdout.write(`${visibleControls(`${r.file}:${r.line}: ${r.code}: ${r.reason}`)}\n`);
  }
  if (!flags.json) {
    const shown = rows.length < total ? ` (showing ${rows.length}; --limit to see more)` : '';
    process.stdout.write(`${total} row${total === 1 ? '' : 's'} imported with a warning${shown}\n`);
  }
}

function preview(raw: string): string {
  // ESC, NUL and other control bytes would garble the terminal, line breaks the listing: show them as symbols.
  const flat = visibleControls(raw);
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}
