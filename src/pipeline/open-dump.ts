import { type ColumnMap, type ColumnOverrides, mapColumns, requireColumns, usedColumns } from '../ingest/column-map.js';
import type { Input } from '../ingest/open-input.js';
import { DEFAULT_MAX_BYTES, openInput } from '../ingest/open-input.js';
import type { DateOptions } from '../ingest/parse-date.js';
import { type ReadTable, readTable } from '../ingest/read-table.js';
import { type DateOrderDecision, settleDateOrder } from '../ingest/settle-date-order.js';
import type { Format, SourceRecord } from '../ingest/table.js';

export interface DumpOptions {
  format?: Format;
  encoding?: string;
  sheet?: string;
  columns: ColumnOverrides;
  dateFormat?: string;
  maxBytes?: number;
}

/** A dump opened for reading: what it is, how its columns map, and its rows with everything settled. */
export interface OpenDump {
  input: Input;
  table: ReadTable;
  map: ColumnMap;
  /** Columns the map does not use, in file order. */
  unused: string[];
  /** How the rows' dates are read: the pattern given, the order the column settled, how bare numbers read. */
  dates: DateOptions;
  /** How `n/n/yyyy` dates are read, when the file has them and no --date-format was given. */
  dateOrder?: DateOrderDecision;
  records: AsyncIterable<SourceRecord>;
}

/**
 * Opens a dump the way `run`, `import-scores`, `nightly` and `inspect` all read it: format and encoding,
 * the column mapping (only the columns it uses are kept per row), and for feedback the order of its dates,
 * settled from the whole column before any row is handed on.
 */
export async function openDump(
  path: string,
  /** The kind of rows, or how to tell it from the column mapping (a scores file given to `run`). */
  kindOf: 'feedback' | 'scores' | ((map: ColumnMap) => 'feedback' | 'scores'),
  options: DumpOptions,
  onOpen?: (dump: Pick<OpenDump, 'input' | 'table'>) => void,
): Promise<OpenDump> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const input = await openInput(path, maxBytes);
  const read = { format: options.format, encoding: options.encoding, sheet: options.sheet };
  const table = await readTable(input, read);
  onOpen?.({ input, table });
  const map = mapColumns(table.columns, options.columns, input.label);
  const kind = typeof kindOf === 'function' ? kindOf(map) : kindOf;
  if (table.columns.length > 0) requireColumns(map, table.columns, kind, input.label);
  const used = new Set(usedColumns(map));
  table.select(used);
  const unused = table.columns.filter((c) => !used.has(c.name) && !c.unnamed).map((c) => c.name);
  const dates: DateOptions = { pattern: options.dateFormat, numbers: table.dateNumbers };
  if (kind === 'scores' || !map.date || options.dateFormat) return { input, table, map, unused, dates, records: table.records };
  const dateColumn = map.date;
  const settled = await settleDateOrder(table.records, dateColumn, {
    file: input.label,
    // Standard input cannot be read twice; a file can, its date column only.
    rescan:
      path === '-'
        ? undefined
        : async () => {
            const again = await readTable(await openInput(path, maxBytes), read);
            again.select([dateColumn]);
            return again.records;
          },
  });
  dates.order = settled.decision?.order;
  return { input, table, map, unused, dates, dateOrder: settled.decision, records: settled.records };
}
