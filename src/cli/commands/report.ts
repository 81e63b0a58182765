import { Command, Option } from 'commander';
import { buildReport } from '../../analysis/build-report.js';
import { HeartlineError } from '../../errors.js';
import { LANGUAGES, resolveLanguage } from '../../lang/registry.js';
import { type ReportFormat, RENDERERS } from '../../report/renderers.js';
import { responseExport } from '../../report/response-export.js';
import { dbOption, positiveNumber, redactOption } from '../common-options.js';
import { withDatabase } from '../with-database.js';
import { writeOutput, writeOutputChunks } from '../write-output.js';

interface ReportFlags {
  db: string;
  format: ReportFormat;
  out?: string;
  by: string[];
  since?: string;
  until?: string;
  lang: string[];
  segment: string[];
  minSupport: string;
  period: 'week' | 'month';
  verbatims: string;
  redact?: boolean;
  states?: string;
  perResponse?: boolean;
}

const repeatable = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function reportCommand(): Command {
  return new Command('report')
    .description(
      'the emotion–loyalty report: what to fix first and what to protect, NPS with CIs, emotions associated with promoting (odds ratios with profile CIs, adjusted NPS points), emotions vs sentiment, customer states, segments, trend, verbatims',
    )
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(RENDERERS)).default('table'))
    .addOption(new Option('--out <file>', 'write to this file instead of standard output'))
    .addOption(new Option('--by <dimension>', 'break down by lang or a segment column (repeatable; default lang)').argParser(repeatable).default([]))
    .addOption(new Option('--since <date>', 'only responses on or after this date (YYYY-MM-DD)'))
    .addOption(new Option('--until <date>', 'only responses on or before this date'))
    .addOption(new Option('--lang <language>', 'only these detected languages, by code or name: hun, hu, Hungarian (repeatable or comma-separated)').argParser(repeatable).default([]))
    .addOption(new Option('--segment <key=value>', 'only responses with this segment value (repeatable)').argParser(repeatable).default([]))
    .addOption(new Option('--min-support <n>', 'emotions with fewer mentions are marked too rare to judge').default('30'))
    .addOption(new Option('--period <period>', 'trend period').choices(['week', 'month']).default('month'))
    .addOption(new Option('--verbatims <n>', 'verbatims per emotion and NPS group').default('3'))
    .addOption(new Option('--states <file>', 'customer-states rules replacing lexicons/customer-states.json (docs/report.md)'))
    .addOption(new Option('--per-response', 'with --format csv: one row per response with its NPS group, customer state and emotions, for your own models'))
    .addOption(redactOption('in the verbatims shown, in every format'))
    .action(async (flags: ReportFlags) => {
      if (flags.perResponse && flags.format !== 'csv') throw new HeartlineError('E_USAGE', '--per-response writes CSV: add --format csv');
      const filters = {
        since: date(flags.since, '--since'),
        until: date(flags.until, '--until'),
        lang: flags.lang.length > 0 ? flags.lang.map(language) : undefined,
        segment: flags.segment.length > 0 ? Object.fromEntries(flags.segment.map(segmentPair)) : undefined,
      };
      if (flags.perResponse) {
        await withDatabase(
          flags.db,
          (db) => {
            db.exec('BEGIN');
            try {
              const by = flags.by.filter((b) => b !== 'lang').map((b) => b.toLowerCase());
              writeOutputChunks(flags.out, responseExport(db, { filters: JSON.parse(JSON.stringify(filters)) as typeof filters, segments: by, states: flags.states }));
            } finally {
              db.exec('COMMIT');
            }
          },
          true,
        );
        if (flags.out) process.stderr.write(`heartline: wrote per-response csv to ${flags.out}\n`);
        return;
      }
      const report = await withDatabase(
        flags.db,
        (db) => {
          // One read transaction: a report during an import sees one consistent snapshot (WAL).
          db.exec('BEGIN');
          try {
            return buildReport(db, {
              database: flags.db,
              filters: JSON.parse(JSON.stringify(filters)) as typeof filters,
              minSupport: positiveNumber(flags.minSupport, '--min-support'),
              by: flags.by.length > 0 ? flags.by : ['lang'],
              period: flags.period,
              verbatims: positiveNumber(flags.verbatims, '--verbatims'),
              redact: flags.redact ?? false,
              states: flags.states,
            });
          } finally {
            db.exec('COMMIT');
          }
        },
        true,
      );
      const text = RENDERERS[flags.format](report);
      if (flags.out) {
        writeOutput(flags.out, text);
        process.stderr.write(`heartline: wrote ${flags.format} report to ${flags.out}\n`);
      } else process.stdout.write(text);
    });
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(value)) throw new HeartlineError('E_USAGE', `${flag} needs a date like 2025-03-31, not '${value}'`);
  return value;
}

/** A language by code, two-letter code or English name, as the registry knows them. */
function language(value: string): string {
  const code = resolveLanguage(value);
  if (code) return code;
  const known = LANGUAGES.map((l) => `${l.name} (${l.code})`).join(', ');
  throw new HeartlineError('E_USAGE', `--lang: no language '${value}'`, {}, `use a code or a name: ${known}, or the three-letter code of another detected language`);
}

function segmentPair(pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at <= 0) throw new HeartlineError('E_USAGE', `--segment needs key=value, not '${pair}'`);
  return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim()];
}
