import { Command, Option } from 'commander';
import type { Database } from '../../store/database.js';
import { visibleControls } from '../../report/visible-controls.js';
import { type WorkerState, unanalysedCount, workerStates } from '../../store/pg/analysis-queue.js';
import { readPgRunLock } from '../../store/pg/pg-run-lock.js';
import { pgLexiconVersionCounts, pgRecentRuns } from '../../store/pg/pg-status-queries.js';
import { isPostgresUrl } from '../../store/pg/postgres-url.js';
import { type LockHolder, readRunLock } from '../../store/run-lock.js';
import { type RunRow, lexiconVersionCounts, recentRuns } from '../../store/status-queries.js';
import { positiveNumber, readDbOption } from '../common-options.js';
import { formatCounts } from '../print-import.js';
import { withDatabase, withPostgres } from '../with-database.js';
import { describeHolder } from './unlock.js';

/** Everything `status` shows; workers and their backlog exist on PostgreSQL only. */
interface Status {
  runs: RunRow[];
  versions: { version: string | null; responses: number }[];
  lock: LockHolder | undefined;
  workers?: { list: WorkerState[]; backlog: number };
}

/** A worker silent for longer than this is shown as gone (it heartbeats at every batch and every idle second). */
const SILENT_SECONDS = 120;

export function statusCommand(): Command {
  return new Command('status')
    .description('the last import runs from the ledger (counts, duration, status), lexicon versions in use, any run holding the lock, and on PostgreSQL the workers and their backlog')
    .addOption(readDbOption())
    .addOption(new Option('--last <n>', 'how many runs').default('10'))
    .action(async (flags: { db: string; last: string }) => {
      const last = positiveNumber(flags.last, '--last');
      const status = isPostgresUrl(flags.db)
        ? await withPostgres(flags.db, async (pg): Promise<Status> => ({
            runs: await pgRecentRuns(pg, last),
            versions: await pgLexiconVersionCounts(pg),
            lock: await readPgRunLock(pg.pool),
            workers: { list: await workerStates(pg), backlog: await unanalysedCount(pg) },
          }))
        : await withDatabase(flags.db, (db: Database): Status => ({ runs: recentRuns(db, last), versions: lexiconVersionCounts(db), lock: readRunLock(db) }), true);
      process.stdout.write(formatStatus(status));
    });
}

function formatStatus({ runs, versions, lock, workers }: Status): string {
  const out: string[] = [];
  out.push(`last ${runs.length} import run${runs.length === 1 ? '' : 's'}:`);
  for (const r of [...runs].reverse()) {
    const seconds = r.finished_at ? ((Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000).toFixed(1) : '…';
    const counts = { read: r.rows_read, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected, warnings: r.warnings };
    out.push(
      `  #${r.id} ${r.started_at.slice(0, 19).replace('T', ' ')} ${r.kind} ${r.file} [${r.source}] ${r.status} in ${seconds}s: ` +
        `${formatCounts(counts)}${r.warnings > 0 ? `, ${r.warnings} with a warning` : ''}` +
        `${r.forgotten_by !== null ? ` — forgotten (forget #${r.forgotten_by})` : ''}${r.error ? ` — ${r.error.split('\n')[0]}` : ''}`,
    );
  }
  out.push(`lexicon versions: ${versions.map((x) => `${x.version ?? 'not analysed'} ${x.responses}`).join(', ') || 'none'}`);
  out.push(lock ? describeHolder(lock) : 'no run in progress');
  if (workers) {
    const live = workers.list.filter((w) => w.stoppedAt === null && w.silentFor <= SILENT_SECONDS);
    out.push(`workers: ${live.length} running; backlog: ${workers.backlog} response${workers.backlog === 1 ? '' : 's'} not analysed yet`);
    for (const w of workers.list) {
      const state = w.stoppedAt !== null ? `stopped ${w.stoppedAt.slice(0, 19).replace('T', ' ')}` : w.silentFor > SILENT_SECONDS ? `silent for ${Math.round(w.silentFor)} s (gone?)` : `running, ${w.leased} leased`;
      out.push(`  ${w.id} since ${w.startedAt.slice(0, 19).replace('T', ' ')}: ${state}; analysed ${w.analysed}`);
    }
  }
  return `${visibleControls(out.join('\n'), '\n')}\n`;
}
