import { createHash } from 'node:crypto';
import type { FeedbackRow } from '../ingest/feedback-row.js';
import type { RejectCode } from '../ingest/reject.js';
import { validateRow, isReject } from '../ingest/validate-row.js';
import { type ScoreRow, validateScoreRow } from '../ingest/validate-score-row.js';
import { type DumpOptions, type OpenDump, openDump } from './open-dump.js';

/** One of the first rows, as the import would store it (or why it would not). */
export interface SampleRow {
  line: number;
  row?: FeedbackRow | ScoreRow;
  reject?: { code: RejectCode; reason: string };
}

/** Rows of one code: how many, and the first few with their line and reason. */
export interface CodeTally {
  count: number;
  first: { line: number; reason: string }[];
}

/** What an import of a file would read, without a database: `heartline inspect`. */
export interface Inspection extends Omit<OpenDump, 'records' | 'input'> {
  file: string;
  sample: SampleRow[];
  read: number;
  /** Rows that would be stored (inserted, updated or unchanged: that depends on the database). */
  imported: number;
  rejected: Map<string, CodeTally>;
  warned: Map<string, CodeTally>;
}

const EXAMPLES = 3;

/**
 * Reads a whole dump as `run` (or `import-scores`) would and validates every row, writing nothing: the
 * first rows as parsed, and every row that would be rejected or stored with a warning, by code. Ids seen
 * twice with other content are counted as the import would (R_DUPLICATE_ID); only a short hash per id is kept.
 */
export async function inspectDump(path: string, kind: 'feedback' | 'scores', options: DumpOptions & { redact?: boolean }, sampleSize: number): Promise<Inspection> {
  const dump = await openDump(path, kind, options);
  const { records, input, ...rest } = dump;
  const result: Inspection = { ...rest, file: input.label, sample: [], read: 0, imported: 0, rejected: new Map(), warned: new Map() };
  const seen = new Map<string, { hash: string; line: number }>();
  for await (const record of records) {
    result.read++;
    let outcome: SampleRow = { line: record.line };
    if (record.reject) outcome.reject = record.reject;
    else if (record.fields) {
      const row =
        kind === 'feedback'
          ? validateRow(record.fields, record.line, dump.map, { dates: dump.dates, redact: options.redact })
          : validateScoreRow(record.fields, record.line, dump.map);
      if (isReject(row)) outcome.reject = row;
      else {
        outcome = { line: record.line, row };
        const hash = createHash('sha1').update('rowHash' in row ? row.rowHash : String(row.score)).digest('hex').slice(0, 12);
        const before = seen.get(row.externalId);
        if (before && before.hash !== hash) {
          outcome = { line: record.line, reject: { code: 'R_DUPLICATE_ID', reason: `id '${row.externalId}' already appeared at line ${before.line} of this file with different content` } };
        } else if (!before) seen.set(row.externalId, { hash, line: record.line });
      }
    }
    if (outcome.reject) tally(result.rejected, outcome.reject.code, record.line, outcome.reject.reason);
    else {
      result.imported++;
      const warning = outcome.row && 'warning' in outcome.row ? outcome.row.warning : undefined;
      if (warning) tally(result.warned, warning.code, record.line, warning.reason);
    }
    if (result.sample.length < sampleSize) result.sample.push(outcome);
  }
  return result;
}

function tally(map: Map<string, CodeTally>, code: string, line: number, reason: string): void {
  const entry = map.get(code) ?? { count: 0, first: [] };
  entry.count++;
  if (entry.first.length < EXAMPLES) entry.first.push({ line, reason });
  map.set(code, entry);
}
