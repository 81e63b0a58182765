import { Command } from 'commander';
import { PgImportStore } from '../../store/pg/pg-import-store.js';
import { displayUrl, isPostgresUrl } from '../../store/pg/postgres-url.js';
import { summarise } from '../../store/summarise.js';
import { readDbOption } from '../common-options.js';
import { formatSummary } from '../print-import.js';
import { withDatabase, withPostgres } from '../with-database.js';

export function summaryCommand(): Command {
  return new Command('summary')
    .description('print what the database holds: responses per source and language column, NPS answers, NPS')
    .addOption(readDbOption())
    .action(async (flags: { db: string }) => {
      const summary = isPostgresUrl(flags.db)
        ? await withPostgres(flags.db, (pg) => new PgImportStore(pg).summary())
        : await withDatabase(flags.db, (db) => summarise(db), true);
      process.stdout.write(`${formatSummary(isPostgresUrl(flags.db) ? displayUrl(flags.db) : flags.db, summary)}\n`);
    });
}
