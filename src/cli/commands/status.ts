import { Command, Option } from 'commander';
import type { Database } from '../../store/database.js';
import { visibleControls } from '../../report/visible-controls.js';
import { readRunLock } from '../../store/run-lock.js';
import { lexiconVersionCounts, recentRuns } from '../../store/status-queries.js';
import { positiveNumber, readDbOption } from '../common-options.js';
import { formatCounts } from '../print-import.js';
import { withDatabase } from '../with-database.js';
import { describeHolder } from './unlock.js';

export function statusCommand(): Command {
  return new Command('status')
    .description('the last import runs from the ledger (counts, duration, status), lexicon versions in use, and any run holding the lock')
    .addOption(readDbOption())
    .addOption(new Option('--last <n>', 'how many runs').default('10'))
    .action(async (flags: { db: string; last: string }) => {
      const last = positiveNumber(flags.last, '--last');
      await withDatabase(flags.db, (db) => process.stdout.write(status(db, last)), true);
    });
}

function status(db: Database, last: number): string {
  const out: string[] = [];
  const runs = recentRuns(db, last);
  out.push(`last ${runs.length} import run${runs.length === 1 ? '' : 's'}:`);
  for (const r of runs.reverse()) {
    const seconds = r.finished_at ? ((Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000).toFixed(1) : '…';
    const counts = { read: r.rows_read, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected, warnings: r.warnings };
    out.push(
      `  #${r.id} ${r.started_at.slice(0, 19).replace('T', ' ')} ${r.kind} ${r.file} [${r.source}] ${r.status} in ${seconds}s: ` +
        `${formatCounts(counts)}${r.warnings > 0 ? `, ${r.warnings} with a warning` : ''}` +
        `${r.forgotten_by !== null ? ` — forgotten (forget #${r.forgotten_by})` : ''}${r.error ? ` — ${r.error.split('\n')[0]}` : ''}`,
    );
  }
  const versions = lexiconVersionCounts(db);
  out.push(`lexicon versions: ${versions.map((x) => `${x.version ?? 'not analysed'} ${x.responses}`).join(', ') || 'none'}`);
  const lock = readRunLock(db);
  out.push(lock ? describeHolder(lock) : 'no run in progress');
  return `${visibleControls(out.join('\n'), '\n')}\n`;
}
