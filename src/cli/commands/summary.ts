import { Command } from 'commander';
import { summarise } from '../../store/summarise.js';
import { readDbOption } from '../common-options.js';
import { formatSummary } from '../print-import.js';
import { withDatabase } from '../with-database.js';

export function summaryCommand(): Command {
  return new Command('summary')
    .description('print what the database holds: responses per source and language column, NPS answers, NPS')
    .addOption(readDbOption())
    .action(async (flags: { db: string }) => {
      await withDatabase(flags.db, (db) => process.stdout.write(`${formatSummary(flags.db, summarise(db))}\n`), true);
    });
}
