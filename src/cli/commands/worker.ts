import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command, Option } from 'commander';
import { HeartlineError, Interrupted } from '../../errors.js';
import { LanguageDetector } from '../../language/detect-language.js';
import { taggerFor } from '../../pipeline/taggers.js';
import { AnalysisQueue } from '../../store/pg/analysis-queue.js';
import { openPostgres } from '../../store/pg/postgres.js';
import { isPostgresUrl, postgresError } from '../../store/pg/postgres-url.js';
import { dbOption, positiveNumber } from '../common-options.js';
import { lexiconDirOption, validLexiconDirs } from '../lexicon-options.js';
import { withStopSignals } from '../with-database.js';

interface WorkerFlags {
  db: string;
  batchSize: string;
  lease: string;
  exitWhenIdle?: boolean;
  reanalyze?: boolean;
  lexiconDir: string[];
}

/** How long an idle worker waits before looking for work again. */
const IDLE_POLL_MS = 1_000;

export function workerCommand(): Command {
  return new Command('worker')
    .description(
      'analyse responses stored on a PostgreSQL database (language, emotions) in leased batches: start any number, ' +
        'on any machines, beside `run --import-only` (docs/postgres.md)',
    )
    .addOption(dbOption())
    .addOption(new Option('--batch-size <n>', 'responses per claimed batch').default('500'))
    .addOption(new Option('--lease <seconds>', 'how long a claimed batch stays this worker\'s; a killed worker\'s batch goes to another after it').default('60'))
    .option('--exit-when-idle', 'exit once no response is left to analyse (for batch jobs); without it the worker waits for new imports until stopped')
    .option('--reanalyze', 'also take responses analysed with other lexicons')
    .addOption(lexiconDirOption())
    .action(async (flags: WorkerFlags) => {
      if (!isPostgresUrl(flags.db)) {
        throw new HeartlineError('E_USAGE', 'workers share a PostgreSQL database: --db postgres://user@host/db (or HEARTLINE_DB)', {},
          'on a SQLite file, `heartline run --workers N` analyses with N threads of one process');
      }
      const batch = positiveNumber(flags.batchSize, '--batch-size');
      const lease = positiveNumber(flags.lease, '--lease');
      const tagger = taggerFor(validLexiconDirs(flags.lexiconDir));
      const detector = new LanguageDetector();
      const started = Date.now();
      const done = await withStopSignals(async (stop) => {
        const pg = await openPostgres(flags.db, { max: 2 });
        const queue = new AnalysisQueue(pg, `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, tagger.lexicons.version, tagger.lexicons.dirs, flags.reanalyze ?? false);
        let analysed = 0;
        try {
          await queue.register();
          process.stderr.write(`heartline worker ${queue.workerId}: analysing with lexicon ${tagger.lexicons.version}\n`);
          // The next batch is claimed, and the last one written, while this one is analysed: the database's
          // round trips overlap the analysis instead of leaving the core idle (a quarter of the time, measured).
          let next = queue.claim(batch, lease);
          let writing: Promise<number> = Promise.resolve(0);
          try {
            while (!stop.signal.aborted) {
              const claimed = await next;
              if (claimed.length === 0) {
                analysed += await writing;
                writing = Promise.resolve(0);
                // Nothing to take. With --exit-when-idle, stop once no other worker holds a live lease either:
                // a batch whose worker died comes free when its lease runs out, and someone must take it.
                if (flags.exitWhenIdle && (await queue.backlog()).waiting === 0) break;
                await sleep(IDLE_POLL_MS, undefined, { signal: stop.signal }).catch(() => undefined);
                next = queue.claim(batch, lease);
                continue;
              }
              next = queue.claim(batch, lease);
              const results = claimed.map((r) => {
                const language = detector.detect(r.text);
                return { id: r.id, language, emotions: tagger.tag(r.text, language.segments) };
              });
              analysed += await writing;
              writing = queue.complete(results);
            }
            analysed += await writing;
          } finally {
            // A claim still in flight when stopping: its leases go back with the others in queue.stop().
            await next.catch(() => undefined);
            await writing.catch(() => undefined);
          }
          if (stop.signal.aborted) throw new Interrupted(stop.signal.reason as 'SIGINT' | 'SIGTERM');
          return analysed;
        } catch (error) {
          if (error instanceof HeartlineError) throw error;
          throw postgresError(error, pg.name, 'the worker stopped');
        } finally {
          await queue.stop().catch(() => undefined);
          await pg.close();
          if (stop.signal.aborted) {
            process.stdout.write(`worker ${queue.workerId}: analysed ${analysed} responses before stopping; its unfinished batch is free for other workers\n`);
          }
        }
      });
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`worker: analysed ${done} responses in ${seconds.toFixed(1)} s (${Math.round(done / Math.max(seconds, 0.001))}/s); nothing left to analyse\n`);
    });
}
