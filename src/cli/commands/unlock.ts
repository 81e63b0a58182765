import { Command, Option } from 'commander';
import type { LockHolder } from '../../store/run-lock.js';
import { readRunLock, removeRunLock } from '../../store/run-lock.js';
import { dbOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import { readPgRunLock, removePgRunLock } from '../../store/pg/pg-run-lock.js';
import { displayUrl, isPostgresUrl } from '../../store/pg/postgres-url.js';
import { withDatabase, withPostgres } from '../with-database.js';

/**
 * For the rare manual case: a lock nobody will release. A stale lock (its lease ran out, or its process is
 * gone from this host) is taken over by the next run anyway; `unlock` shows the holder and removes the lock
 * only with --yes.
 */
export function unlockCommand(): Command {
  return new Command('unlock')
    .description('show which run holds the database lock, and remove it with --yes (its running imports are marked interrupted)')
    .addOption(dbOption())
    .addOption(new Option('--yes', 'remove the lock (a holder that is still alive notices at its next renewal and stops)'))
    .action(async (flags: { db: string; yes?: boolean }) => {
      const store = isPostgresUrl(flags.db)
        ? { name: displayUrl(flags.db), run: <T>(work: (lock: LockAccess) => Promise<T>) => withPostgres(flags.db, (pg) =>
            work({ read: () => readPgRunLock(pg.pool), remove: () => removePgRunLock(pg.pool) }), { write: true }) }
        : { name: flags.db, run: <T>(work: (lock: LockAccess) => Promise<T>) => withDatabase(flags.db, (db) =>
            work({ read: async () => readRunLock(db), remove: async () => void removeRunLock(db) })) };
      process.exitCode = await store.run(async (lock) => {
        const holder = await lock.read();
        if (!holder) {
          process.stdout.write(`no run holds the lock on ${store.name}\n`);
          return EXIT.OK;
        }
        process.stdout.write(`${describeHolder(holder)}\n`);
        if (!flags.yes) {
          process.stdout.write(`to remove it: heartline unlock --db ${store.name} --yes\n`);
          return EXIT.USAGE;
        }
        await lock.remove();
        process.stdout.write('removed the lock; runs it left running are marked interrupted\n');
        return EXIT.OK;
      });
    });
}

/** The lock as `unlock` reads and removes it, on either engine. */
interface LockAccess {
  read(): Promise<LockHolder | undefined>;
  remove(): Promise<void>;
}

/** Who holds the lock, since when, and whether it still counts. */
export function describeHolder(h: LockHolder): string {
  if (h.session && h.pid === 0) return 'locked by a heartline run that is just starting (a PostgreSQL session lock, freed when that process ends)';
  if (h.session) {
    return `locked by heartline ${h.command} (pid ${h.pid} on ${h.host}, since ${h.startedAt}; a PostgreSQL session lock, freed when that process ends)`;
  }
  const lease = h.leaseUntil ? `lease renewed ${h.renewedAt ?? '?'}, runs until ${h.leaseUntil}` : 'no lease (a lock from before leases)';
  const state =
    h.stale === 'process gone'
      ? 'its process no longer exists on this host: the next run takes the lock over'
      : h.stale === 'lease expired'
        ? 'its lease ran out: the next run takes the lock over'
        : 'its lease is current: that run looks alive';
  return `locked by heartline ${h.command} (pid ${h.pid} on ${h.host}, since ${h.startedAt}; ${lease}): ${state}`;
}
