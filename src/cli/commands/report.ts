import { Command, Option } from 'commander';
import { buildReport } from '../../analysis/build-report.js';
import { HeartlineError } from '../../errors.js';
import { type ReportFormat, RENDERERS } from '../../report/renderers.js';
import { dbOption, positiveNumber, redactOption } from '../common-options.js';
import { withDatabase } from '../with-database.js';
import { writeOutput } from '../write-output.js';

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
}

const repeatable = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function reportCommand(): Command {
  return new Command('report')
    .description('the emotion–loyalty report: NPS with CIs, emotion drivers (odds ratios, impact, importance), emotions vs sentiment, segments, trend, verbatims')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(RENDERERS)).default('table'))
    .addOption(new Option('--out <file>', 'write to this file instead of standard output'))
    .addOption(new Option('--by <dimension>', 'break down by lang or a segment column (repeatable; default lang)').argParser(repeatable).default([]))
    .addOption(new Option('--since <date>', 'only responses on or after this date (YYYY-MM-DD)'))
    .addOption(new Option('--until <date>', 'only responses on or before this date'))
    .addOption(new Option('--lang <code>', 'only these detected languages (repeatable or comma-separated)').argParser(repeatable).default([]))
    .addOption(
      new Option('--segment <key=value>', 'only responses with this segment value; repeat a key for any of its values (the value may hold commas)')
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([]),
    )
    .addOption(new Option('--min-support <n>', 'emotions with fewer mentions are marked too rare to judge').default('30'))
    .addOption(new Option('--period <period>', 'trend period').choices(['week', 'month']).default('month'))
    .addOption(new Option('--verbatims <n>', 'verbatims per emotion and NPS group').default('3'))
    .addOption(redactOption('in the verbatims shown, in every format'))
    .action(async (flags: ReportFlags) => {
      const filters = {
        since: date(flags.since, '--since'),
        until: date(flags.until, '--until'),
        lang: flags.lang.length > 0 ? flags.lang : undefined,
        segment: flags.segment.length > 0 ? segmentFilter(flags.segment) : undefined,
      };
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

/** `--segment market=SE --segment market=HU --segment channel=app`: SE or HU, and app. */
function segmentFilter(pairs: string[]): Record<string, string[]> {
  // A Map, not an object: a segment may be named __proto__ like any column.
  const filter = new Map<string, string[]>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new HeartlineError('E_USAGE', `--segment needs key=value, not '${pair}'`);
    const key = pair.slice(0, at).trim().toLowerCase();
    // Segment values are stored trimmed; anything else in the value (commas, =, quotes) is the value.
    filter.set(key, [...(filter.get(key) ?? []), pair.slice(at + 1).trim()]);
  }
  return Object.fromEntries(filter);
}
