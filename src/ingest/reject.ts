/** Why a row was not imported. Codes are stable (they are stored in `rejects.code`). */
export type RejectCode =
  | 'R_FIELD_COUNT' // CSV row with more or fewer fields than the header
  | 'R_JSON' // a JSON line or element that does not parse
  | 'R_NOT_OBJECT' // JSON that parses but is not an object
  | 'R_EMPTY' // neither a score nor a comment
  | 'R_ID_EMPTY' // the id column is empty
  | 'R_SCORE' // the NPS answer is not an integer 0–10
  | 'R_SCORE_MISSING' // a scores file row without a score
  | 'R_DATE' // the date does not parse (before warnings: such rows are now stored without a date, W_DATE)
  | 'R_DUPLICATE_ID' // the same id twice in one import with different content
  | 'R_QUOTE' // a CSV quote never closed: its line is rejected, the lines after it are read again
  | 'R_TOO_LARGE' // a row longer than MAX_RECORD_CHARS
  | 'R_NUL'; // NUL bytes inside a row of a text file

export interface Reject {
  code: RejectCode;
  reason: string;
}

export function reject(code: RejectCode, reason: string): Reject {
  return { code, reason };
}

/** A row imported with something missing, kept in `import_warnings` and counted in the ledger. */
export interface RowWarning {
  code: 'W_DATE'; // the date cannot be read (or lies in the future): the row is stored without one
  reason: string;
  /** The value as it stood in the file. */
  value: string;
}
