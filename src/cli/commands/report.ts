import { Command, Option } from 'commander';
import { buildReport } from '../../analysis/build-report.js';
import { HeartlineError } from '../../errors.js';
import { type ReportFormat, RENDERERS } from '../../report/renderers.js';
import { responseExport } from '../../report/response-export.js';
import { readSnapshot, readSnapshotAsync } from '../../store/read-snapshot.js';
import { exportRows } from '../../store/report-queries.js';
import { positiveNumber, readDbOption, redactOption } from '../common-options.js';
import { type FilterFlags, addFilterOptions, filtersFrom, repeatable } from '../filter-options.js';
import { withDatabase, withPostgres } from '../with-database.js';
import { displayUrl, isPostgresUrl } from '../../store/pg/postgres-url.js';
import { loadPgReportSource, pgExportRows, pgTaggedEmotions } from '../../store/pg/pg-report-source.js';
import { writeOutput, writeOutputChunks } from '../write-output.js';

interface ReportFlags extends FilterFlags {
  db: string;
  format: ReportFormat;
  out?: string;
  by: string[];
  minSupport: string;
  period: 'week' | 'month';
  verbatims: string;
  redact?: boolean;
  states?: string;
  perResponse?: boolean;
}

export function reportCommand(): Command {
  const command = new Command('report')
    .description(
      'the emotion–loyalty report: what to fix first and what to protect, NPS with CIs, emotions associated with promoting (odds ratios with profile CIs, adjusted NPS points), emotions vs sentiment, customer states, segments, trend, verbatims',
    )
    .addOption(readDbOption())
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(RENDERERS)).default('table'))
    .addOption(new Option('--out <file>', 'write to this file instead of standard output'))
    .addOption(new Option('--by <dimension>', 'break down by lang or a segment column (repeatable; default lang)').argParser(repeatable).default([]));
  return addFilterOptions(command)
    .addOption(new Option('--min-support <n>', 'emotions with fewer mentions are marked too rare to judge').default('30'))
    .addOption(new Option('--period <period>', 'trend period').choices(['week', 'month']).default('month'))
    .addOption(new Option('--verbatims <n>', 'verbatims per emotion and NPS group').default('3'))
    .addOption(new Option('--states <file>', 'customer-states rules replacing lexicons/customer-states.json (docs/report.md)'))
    .addOption(new Option('--per-response', 'with --format csv: one row per response with its NPS group, customer state and emotions, for your own models'))
    .addOption(redactOption('in the verbatims shown, in every format'))
    .action(async (flags: ReportFlags) => {
      if (flags.perResponse && flags.format !== 'csv') throw new HeartlineError('E_USAGE', '--per-response writes CSV: add --format csv');
      const filters = filtersFrom(flags);
      if (flags.perResponse) {
        const segments = flags.by.filter((b) => b !== 'lang').map((b) => b.toLowerCase());
        const exportOptions = { filters, segments, states: flags.states };
        if (isPostgresUrl(flags.db)) {
          await withPostgres(flags.db, async (pg) => {
            const source = await pgTaggedEmotions(pg);
            await writeOutputChunks(flags.out, responseExport(source, pgExportRows(pg, filters), exportOptions));
          });
        } else {
          await withDatabase(
            flags.db,
            // One read transaction, as for the report: the export is one consistent snapshot.
            (db) => readSnapshotAsync(db, () => writeOutputChunks(flags.out, responseExport(db, exportRows(db, filters), exportOptions))),
            true,
          );
        }
        if (flags.out) process.stderr.write(`heartline: wrote per-response csv to ${flags.out}\n`);
        return;
      }
      const options = {
        database: isPostgresUrl(flags.db) ? displayUrl(flags.db) : flags.db,
        filters,
        minSupport: positiveNumber(flags.minSupport, '--min-support'),
        by: flags.by.length > 0 ? flags.by : ['lang'],
        period: flags.period,
        verbatims: positiveNumber(flags.verbatims, '--verbatims'),
        redact: flags.redact ?? false,
        states: flags.states,
      };
      const report = isPostgresUrl(flags.db)
        ? await withPostgres(flags.db, async (pg) => {
            const segments = options.by.filter((b) => b !== 'lang');
            return buildReport(await loadPgReportSource(pg, filters, segments.length > 0, options.verbatims), options);
          })
        : await withDatabase(
            flags.db,
            // One read transaction: a report during an import sees one consistent snapshot (WAL).
            (db) => readSnapshot(db, () => buildReport(db, options)),
            true,
          );
      const text = RENDERERS[flags.format](report);
      if (flags.out) {
        writeOutput(flags.out, text);
        process.stderr.write(`heartline: wrote ${flags.format} report to ${flags.out}\n`);
      } else process.stdout.write(text);
    });
}
