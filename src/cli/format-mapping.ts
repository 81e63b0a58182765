import type { ColumnMap, ColumnOrigin, Role } from '../ingest/column-map.js';
import type { DateOrderDecision } from '../ingest/settle-date-order.js';
import { showData } from '../privacy/show-data.js';

export interface MappingView {
  kind: 'feedback' | 'scores';
  map: ColumnMap;
  unused: string[];
  dateOrder?: DateOrderDecision;
  encoding?: string;
  encodingEvidence?: string;
}

const LABELS: Record<Role, string> = { id: 'id', score: 'score', text: 'comment', date: 'date', language: 'survey language' };
const FLAGS: Partial<Record<Role, string>> = { id: '--id-column', score: '--score-column', text: '--text-column', date: '--date-column' };
/** What a feedback dump loses without each column, said where it is missing. */
const WITHOUT: Partial<Record<Role, string>> = {
  id: 'rows are keyed by their content, so import-scores cannot link to them',
  date: 'no dates, so no trend',
  score: 'answers can come separately by import-scores',
};
/** Unused columns named; past this, a count. */
const SHOWN_UNUSED = 10;

/**
 * What was read, printed once per file: which column is which role and how it was found, the roles no column
 * fills, how the dates are read, and the columns left unused. Column names go through showData: in a file
 * without a header row they are its first row's values.
 */
export function formatMapping(view: MappingView, redact = false): string[] {
  const show = (name: string) => showData(name, { redact, max: 60 });
  const roles: Role[] = view.kind === 'scores' ? ['id', 'score'] : ['id', 'score', 'text', 'date', 'language'];
  const found = roles.flatMap((role) => {
    const column = view.map[role];
    return column === undefined ? [] : [`${LABELS[role]} ← ${show(column)}${origin(view.map.how[role], column, show)}`];
  });
  if (view.map.segments.length > 0) found.push(`segments ← ${view.map.segments.map(show).join(', ')}`);
  const lines = [`  columns: ${found.join('; ') || 'none recognised'}`];
  const missing = roles.filter((role) => role !== 'language' && view.map[role] === undefined && FLAGS[role]);
  if (missing.length > 0) {
    lines.push(`  not found: ${missing.map((role) => `${LABELS[role]} (${FLAGS[role]}${WITHOUT[role] ? `; ${WITHOUT[role]}` : ''})`).join(', ')}`);
  }
  if (view.dateOrder) {
    const { order, example, line } = view.dateOrder;
    lines.push(`  dates: ${order === 'day-first' ? 'day first (dd/MM/yyyy)' : 'month first (MM/dd/yyyy)'}, settled by '${show(example)}' on line ${line}`);
  }
  if (view.encodingEvidence) lines.push(`  encoding: ${view.encoding} chosen by --encoding auto: ${view.encodingEvidence}`);
  if (view.unused.length > 0) {
    const named = view.unused.slice(0, SHOWN_UNUSED).map(show).join(', ');
    const more = view.unused.length > SHOWN_UNUSED ? `, … (${view.unused.length} columns)` : '';
    lines.push(`  not used: ${named}${more}${view.kind === 'feedback' ? ' (keep one with --segment-column)' : ''}`);
  }
  return lines;
}

function origin(how: ColumnOrigin | undefined, column: string, show: (s: string) => string): string {
  if (how === 'flag') return ' (named)';
  if (how === 'question') return ' (by its question)';
  if (how === 'nps-group') return ` (beside ${show(`${column}_NPS_GROUP`)})`;
  return '';
}
