import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { HeartlineError } from '../../errors.js';
import { showData } from '../../privacy/show-data.js';
import { type ForgetResult, type ForgetTarget, forgetImport } from '../../store/forget-import.js';
import { positiveNumber, readDbOption, redactOption, waitOption, waitSeconds } from '../common-options.js';
import { withImportStore } from '../with-database.js';
import { pgForgetImport } from '../../store/pg/pg-forget-import.js';
import { isPostgresUrl } from '../../store/pg/postgres-url.js';

interface ForgetFlags {
  db: string;
  run?: string;
  source?: string;
  yes?: boolean;
  redact?: boolean;
  wait?: string | boolean;
}

export function forgetCommand(): Command {
  return new Command('forget')
    .description(
      'take back what an import added: --run N (the ledger id) or --source S; lists what would change and ' +
        'changes nothing until --yes is given; recorded in the ledger (docs/importing.md, "Forgetting an import")',
    )
    .addOption(readDbOption())
    .addOption(new Option('--run <id>', 'the import run to forget (heartline status lists them)'))
    .addOption(new Option('--source <name>', 'forget everything imported for this source'))
    .addOption(new Option('--yes', 'do it (without it: a dry run that lists what would change)'))
    .addOption(redactOption('in the ids listed'))
    .addOption(waitOption())
    .action(async (flags: ForgetFlags) => {
      if ((flags.run === undefined) === (flags.source === undefined)) {
        throw new HeartlineError('E_USAGE', 'name what to forget: --run N or --source NAME (one of them)');
      }
      const target: ForgetTarget = flags.run !== undefined ? { run: positiveNumber(flags.run, '--run') } : { source: flags.source! };
      const apply = flags.yes ?? false;
      // Forgetting never starts from nothing: a mistyped --db must not create an empty database.
      if (!isPostgresUrl(flags.db) && !existsSync(flags.db)) throw new HeartlineError('E_IO', 'no such database', { file: flags.db }, 'check --db');
      const result = await withImportStore(flags.db, 'forget', waitSeconds(flags.wait), async (store) =>
        store.engine === 'sqlite' ? forgetImport(store.db, target, apply) : pgForgetImport(store.pg, target, apply));
      process.stdout.write(formatForget(result, target, apply, flags.redact ?? false));
    });
}

export function formatForget(r: ForgetResult, target: ForgetTarget, applied: boolean, redact: boolean): string {
  const show = (ids: string[]) => ids.map((id) => showData(id, { redact, max: 40 })).join(', ');
  const lines: string[] = [];
  const what = 'run' in target ? `run #${target.run}` : `source '${showData(target.source, { redact, max: 60 })}'`;
  lines.push(applied ? `forgot ${what} (forget #${r.id}):` : `forget ${what}: a dry run, nothing was changed; it would:`);
  for (const run of r.runs) {
    lines.push(`  run #${run.id} ${run.started_at.slice(0, 19).replace('T', ' ')} ${run.kind} ${run.file} [${run.source}] ${run.status}, read ${run.rows_read}`);
  }
  const verb = (done: string, would: string) => (applied ? done : would);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  lines.push(`  responses: ${verb('deleted', 'delete')} ${r.responsesDeleted}, ${verb('restored', 'restore')} ${r.responsesRestored} to the version the run replaced, kept ${r.responsesKept} that later runs read again`);
  if (r.tagsDeleted > 0) lines.push(`  emotion tags: ${verb('removed', 'remove')} ${r.tagsDeleted} of those responses (restored ones get their earlier tags back)`);
  if (r.scoresDeleted + r.scoresRestored + r.scoresRelinked > 0) {
    lines.push(`  NPS answers from score files: ${verb('deleted', 'delete')} ${r.scoresDeleted}, ${verb('restored', 'restore')} ${r.scoresRestored}; ${count(r.scoresRelinked, 'response')} ${verb('now show', 'would show')} the answer in effect`);
  }
  lines.push(`  rejects: ${verb('deleted', 'delete')} ${r.rejectsDeleted}; warnings: ${verb('deleted', 'delete')} ${r.warningsDeleted}`);
  if (r.examples.deleted.length > 0) lines.push(`  ${verb('deleted', 'delete')}, e.g.: ${show(r.examples.deleted)}`);
  if (r.examples.restored.length > 0) lines.push(`  ${verb('restored', 'restore')}, e.g.: ${show(r.examples.restored)}`);
  if (r.examples.kept.length > 0) lines.push(`  kept (read again by a later run; forget that run first), e.g.: ${show(r.examples.kept)}`);
  lines.push(applied ? '  the ledger keeps the run, marked forgotten (heartline status)' : '  pass --yes to do it');
  return `${lines.join('\n')}\n`;
}
