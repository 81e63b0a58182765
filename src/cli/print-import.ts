import { isSupported } from '../lang/registry.js';
import { visibleControls } from '../report/visible-controls.js';
import type { FileOutcome } from '../pipeline/import-file.js';
import { formatMapping } from './format-mapping.js';
import { type Counts, zeroCounts } from '../store/import-ledger.js';
import type { ScoreCounts } from '../store/score-writer.js';
import { type DatabaseSummary, npsScore } from '../store/summarise.js';

export function formatCounts(c: Counts): string {
  return `read ${c.read} = inserted ${c.inserted} + updated ${c.updated} + unchanged ${c.unchanged} + rejected ${c.rejected}`;
}

/**
 * One line per file, then what was read (the column mapping, once per file), its notes and warnings; failures
 * go to stderr by the caller. `redact` masks personal data in what is shown of the file (column names).
 */
export function formatOutcome(o: FileOutcome<Counts | ScoreCounts>, redact = false): string {
  // The delimiter is left to `inspect`: detected from the header, it is rarely in doubt; a sheet or JSON key is.
  const layout = o.format === 'csv' || o.format === 'tsv' ? undefined : o.layout;
  const kind = [o.format, o.format === 'xlsx' ? undefined : o.encoding, layout].filter(Boolean).join(', ');
  const lines = [`${o.file}${kind ? ` (${kind})` : ''}: ${formatCounts(o.counts)}${statusWord(o)}`];
  if ('linked' in o.counts) lines.push(`  ${o.counts.linked} of these answers belong to responses already imported`);
  if (o.map) {
    const scores = 'linked' in o.counts;
    lines.push(...formatMapping({ kind: scores ? 'scores' : 'feedback', map: o.map, unused: o.unused ?? [], dateOrder: o.dateOrder, encoding: o.encoding, encodingEvidence: o.encodingEvidence }, redact));
  }
  for (const note of o.notes) lines.push(`  note: ${note}`);
  if (o.counts.warnings > 0) {
    lines.push(`  warning: ${o.counts.warnings} row${o.counts.warnings === 1 ? '' : 's'} stored without a date: the date cannot be read (W_DATE)`);
  }
  if (o.counts.rejected > 0 || o.counts.warnings > 0) lines.push(`  see why: heartline rejects --run ${o.runId}`);
  // File and column names can hold ESC sequences or line breaks: shown, not sent to the terminal.
  return lines.map((line) => visibleControls(line)).join('\n');
}

function statusWord(o: FileOutcome<Counts>): string {
  if (o.status === 'failed') return ' — FAILED';
  if (o.status === 'interrupted') return ' — INTERRUPTED';
  return '';
}

export function formatTotal(outcomes: FileOutcome<Counts>[]): string {
  const total: Counts = zeroCounts();
  for (const o of outcomes) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += o.counts[k];
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  return `total, ${outcomes.length} file${outcomes.length === 1 ? '' : 's'}${failed ? ` (${failed} failed)` : ''}: ${formatCounts(total)}`;
}

const pct = (part: number, whole: number) => (whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1));
const list = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export function formatSummary(dbPath: string, s: DatabaseSummary): string {
  const lines = [`database ${dbPath}: ${s.responses} responses`];
  if (s.responses > 0) lines.push(`  by source: ${list(s.bySource)}`);
  if (s.responses > 0) lines.push(`  by detected language: ${languageList(s.byLanguage)}`);
  if (Object.keys(s.byDeclaredLanguage).length > 0) lines.push(`  by language column: ${list(s.byDeclaredLanguage)}`);
  lines.push(
    `  with an NPS answer: ${s.withScore}; with a comment: ${s.withText}; with both: ${s.withBoth}` +
      (s.waitingScores > 0 ? `; answers waiting for their feedback: ${s.waitingScores}` : ''),
  );
  const nps = npsScore(s.nps);
  const n = s.withScore;
  if (nps !== null) {
    lines.push(
      `  NPS ${nps >= 0 ? '+' : ''}${nps.toFixed(1)} (n=${n}): promoters ${s.nps.promoters} (${pct(s.nps.promoters, n)}%), ` +
        `passives ${s.nps.passives} (${pct(s.nps.passives, n)}%), detractors ${s.nps.detractors} (${pct(s.nps.detractors, n)}%)`,
    );
  }
  return lines.join('\n');
}

/** Supported languages first, then `und`, then other languages grouped (they are counted, not tagged). */
function languageList(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  const ours = entries.filter(([k]) => isSupported(k));
  const others = entries.filter(([k]) => !isSupported(k) && k !== 'und' && k !== '?');
  const parts = ours.map(([k, n]) => `${k} ${n}`);
  if (counts['und']) parts.push(`und ${counts['und']}`);
  if (others.length > 0) {
    const total = others.reduce((a, [, n]) => a + n, 0);
    parts.push(`other languages ${total} (${others.map(([k, n]) => `${k} ${n}`).join(', ')})`);
  }
  if (counts['?']) parts.push(`not analysed ${counts['?']}`);
  return parts.join(', ');
}
