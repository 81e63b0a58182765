import type { Reject } from './reject.js';

export type Format = 'csv' | 'tsv' | 'jsonl' | 'json';

export interface Column {
  name: string;
  /** The question text, when the export has one (Qualtrics' second header row). */
  question?: string;
}

/** One row as read: its fields by column name, or why it could not be read. */
export interface SourceRecord {
  /** 1-based line where the row starts. */
  line: number;
  /** The row as it stood in the file, kept for `rejects.raw`. */
  raw: string;
  fields?: Record<string, unknown>;
  reject?: Reject;
}

/** What a reader makes of a file: its columns and a stream of rows. */
export interface Table {
  format: Format;
  columns: Column[];
  /** Notes for the user (skipped Qualtrics header rows, renamed duplicate columns …). */
  notes: string[];
  records: AsyncIterable<SourceRecord>;
}
