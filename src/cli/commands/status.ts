import { Command, Option } from 'commander';
import type { Database } from '../../store/database.js';
import { dbOption, positiveNumber } from '../common-options.js';
import { visibleControls } from '../../report/visible-controls.js';
import { readRunLock } from '../../store/run-lock.js';
import { withDatabase } from '../with-database.js';
import { describeHolder } from './unlock.js';

interface RunRow {
  id: number;
  kind: string;
  file: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
}

export function statusCommand(): Command {
  return new Command('status')
    .description('the last import runs from the ledger (counts, duration, status), lexicon versions in use, and any run holding the lock')
    .addOption(dbOption())
    .addOption(new Option('--last <n>', 'how many runs').default('10'))
    .action(async (flags: { db: string; last: string }) => {
      const last = positiveNumber(flags.last, '--last');
      await withDatabase(flags.db, (db) => process.stdout.write(status(db, last)), true);
    });
}

function status(db: Database, last: number): string {
  const out: string[] = [];
  const runs = db.prepare('SELECT * FROM import_runs ORDER BY id DESC LIMIT ?').all(last) as RunRow[];
  out.push(`last ${runs.length} import run${runs.length === 1 ? '' : 's'}:`);
  for (const r of runs.reverse()) {
    const seconds = r.finished_at ? ((Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000).toFixed(1) : '…';
    out.push(
      `  #${r.id} ${r.started_at.slice(0, 19).replace('T', ' ')} ${r.kind} ${r.file} [${r.source}] ${r.status} in ${seconds}s: ` +
        `read ${r.rows_read} = +${r.inserted} ~${r.updated} =${r.unchanged} !${r.rejected}${r.error ? ` — ${r.error.split('\n')[0]}` : ''}`,
    );
  }
  const versions = db
    .prepare('SELECT lexicon_version AS v, COUNT(*) AS n FROM responses GROUP BY lexicon_version ORDER BY n DESC')
    .all() as { v: string | null; n: number }[];
  out.push(`lexicon versions: ${versions.map((x) => `${x.v ?? 'not analysed'} ${x.n}`).join(', ') || 'none'}`);
  const lock = readRunLock(db);
  out.push(lock ? describeHolder(lock) : 'no run in progress');
  return `${visibleControls(out.join('\n'), '\n')}\n`;
}
