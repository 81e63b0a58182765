import { Command, Option } from 'commander';
import { HeartlineError } from '../../errors.js';
import { checkEncoding } from '../../ingest/decode-text.js';
import type { Format } from '../../ingest/table.js';
import { type Inspection, inspectDump, type SampleRow } from '../../pipeline/inspect-dump.js';
import { showData } from '../../privacy/show-data.js';
import { positiveNumber, redactOption } from '../common-options.js';
import { EXIT, type ExitCode, exitCodeFor, worstExit } from '../exit-codes.js';
import { formatMapping } from '../format-mapping.js';

interface InspectFlags {
  format?: Format;
  encoding?: string;
  sheet?: string;
  idColumn?: string;
  scoreColumn?: string;
  textColumn?: string;
  dateColumn?: string;
  segmentColumn: string[];
  dateFormat?: string;
  maxBytes: string;
  rows: string;
  scores?: boolean;
  redact?: boolean;
}

export function inspectCommand(): Command {
  return new Command('inspect')
    .description(
      'show how dumps would be read, writing nothing: format, encoding, delimiter or sheet, header rows skipped, ' +
        'the column mapping, the first rows as parsed, and every row that would be rejected (exit codes as run)',
    )
    .argument('<files...>', 'dump files (- reads standard input)')
    .addOption(new Option('--format <format>', 'input format (default: from the file name, else sniffed)').choices(['csv', 'tsv', 'jsonl', 'json', 'xlsx']))
    .addOption(new Option('--encoding <label>', 'text encoding when the file has no BOM: auto, or e.g. windows-1251, windows-1250, windows-1252'))
    .addOption(new Option('--sheet <name>', 'the sheet of an Excel workbook to read (default: the first)'))
    .addOption(new Option('--id-column <name>', 'column with the response id'))
    .addOption(new Option('--score-column <name>', 'column with the 0–10 NPS answer'))
    .addOption(new Option('--text-column <name>', 'column with the comment'))
    .addOption(new Option('--date-column <name>', 'column with the response date'))
    .addOption(
      new Option('--segment-column <name>', 'a segment column (repeatable)').argParser((v: string, p: string[]) => [...p, v]).default([]),
    )
    .addOption(new Option('--date-format <pattern>', 'read dates with this date-fns pattern, e.g. dd/MM/yyyy'))
    .addOption(new Option('--scores', 'read the files as import-scores would (id and score columns)'))
    .addOption(new Option('--rows <n>', 'how many of the first rows to show').default('5'))
    .addOption(new Option('--max-bytes <n>', 'refuse gzip input that expands past this many bytes').default('8589934592'))
    .addOption(redactOption('in the values and column names shown'))
    .action(async (files: string[], flags: InspectFlags) => {
      process.exitCode = await inspect(files, flags);
    });
}

async function inspect(files: string[], flags: InspectFlags): Promise<ExitCode> {
  if (flags.encoding) checkEncoding(flags.encoding);
  const rows = positiveNumber(flags.rows, '--rows');
  const options = {
    format: flags.format,
    encoding: flags.encoding,
    sheet: flags.sheet,
    dateFormat: flags.dateFormat,
    maxBytes: positiveNumber(flags.maxBytes, '--max-bytes'),
    redact: flags.redact ?? false,
    columns: { id: flags.idColumn, score: flags.scoreColumn, text: flags.textColumn, date: flags.dateColumn, segments: flags.segmentColumn },
  };
  const kind = flags.scores ? 'scores' : 'feedback';
  const codes: ExitCode[] = [];
  for (const file of files) {
    try {
      const result = await inspectDump(file, kind, options, rows);
      process.stdout.write(`${formatInspection(result, kind, options.redact)}\n`);
      if (result.rejected.size > 0) codes.push(EXIT.REJECTS);
    } catch (error) {
      if (!(error instanceof HeartlineError)) throw error;
      process.stdout.write(`${file === '-' ? '<stdin>' : file}: cannot be read as it is (see below)\n`);
      process.stderr.write(`heartline: ${error.format()}\n`);
      codes.push(exitCodeFor(error.code));
    }
  }
  process.stdout.write('nothing was written\n');
  return worstExit(codes);
}

export function formatInspection(r: Inspection, kind: 'feedback' | 'scores', redact: boolean): string {
  const show = (value: string, max = 60) => showData(value, { redact, max });
  const what = [r.table.format, r.table.format === 'xlsx' ? undefined : r.table.encoding, r.table.layout].filter(Boolean).join(', ');
  const lines = [`${r.file}`, `  format: ${what}`];
  lines.push(...formatMapping({ kind, map: r.map, unused: r.unused, dateOrder: r.dateOrder, encoding: r.table.encoding, encodingEvidence: r.table.encodingEvidence }, redact));
  for (const note of r.table.notes) lines.push(`  note: ${note}`);
  if (r.sample.length > 0) {
    lines.push(`  first ${r.sample.length} row${r.sample.length === 1 ? '' : 's'} as read:`);
    for (const s of r.sample) lines.push(`    line ${s.line}: ${sampleText(s, show)}`);
  }
  const rejected = [...r.rejected.values()].reduce((n, t) => n + t.count, 0);
  const warned = [...r.warned.values()].reduce((n, t) => n + t.count, 0);
  lines.push(`  rows: ${r.read} read: ${r.imported} would be imported${warned > 0 ? ` (${warned} with a warning)` : ''}, ${rejected} rejected`);
  for (const [title, tallies] of [['would be rejected', r.rejected], ['would be stored with a warning', r.warned]] as const) {
    if (tallies.size === 0) continue;
    lines.push(`  ${title}:`);
    for (const [code, t] of tallies) {
      lines.push(`    ${code} ×${t.count}`);
      for (const e of t.first) lines.push(`      line ${e.line}: ${show(e.reason, 160)}`);
      if (t.count > t.first.length) lines.push(`      … ${t.count - t.first.length} more`);
    }
  }
  return lines.join('\n');
}

function sampleText(s: SampleRow, show: (value: string, max?: number) => string): string {
  if (s.reject) return `rejected ${s.reject.code}: ${show(s.reject.reason, 160)}`;
  const row = s.row!;
  const parts = [`id ${row.externalId.startsWith('#') ? '(content hash)' : show(row.externalId, 40)}`, `score ${row.score ?? '—'}`];
  if ('text' in row) {
    parts.push(`date ${row.respondedAt ?? '—'}`);
    parts.push(`comment ${row.text === '' ? '—' : `"${show(row.text)}"`}`);
    const segments = Object.entries(row.segments);
    if (segments.length > 0) parts.push(`segments ${segments.map(([k, v]) => `${show(k, 30)}=${show(v, 30)}`).join(', ')}`);
    if (row.declaredLanguage) parts.push(`survey language ${show(row.declaredLanguage, 20)}`);
    if (row.warning) parts.push(`warning ${row.warning.code}`);
  }
  return parts.join(' · ');
}
