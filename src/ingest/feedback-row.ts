import type { RowWarning } from './reject.js';
import type { TagResult } from '../emotion/tag-result.js';
import type { TextLanguage } from '../language/detection.js';

/**
 * Which fields of a row came from a column the file has. A field whose column the file lacks is "not
 * supplied": it never overwrites what the database holds (a scores file must not erase comments). An empty
 * cell in a column the file has is supplied, and empty.
 */
export interface Supplied {
  text: boolean;
  score: boolean;
  /** False also for a date that cannot be read (a W_DATE warning): it says nothing, so it changes nothing. */
  date: boolean;
  language: boolean;
}

/** The stored content of a response: what its row hash is computed from. */
export interface RowContent {
  text: string;
  /** The NPS answer given in the feedback row itself (not one delivered by import-scores). */
  score: number | null;
  respondedAt: string | null;
  segments: Record<string, string>;
  declaredLanguage: string | null;
}

/** A validated feedback row, ready to store. Fields not supplied hold their empty value. */
export interface FeedbackRow extends RowContent {
  line: number;
  /** The id from the file, or `#` + the content hash when the file has no id column. */
  externalId: string;
  /** Segments hold only the columns the file has (--segment-column). */
  supplied: Supplied;
  /** Hash of the content as read: equal hashes mean an unchanged row. */
  rowHash: string;
  /** What was left out of the row (an unreadable date), for `import_warnings`. */
  warning?: RowWarning;
  /** Assigned by the language stage. */
  language?: TextLanguage;
  /** Assigned by the emotion stage. */
  emotions?: TagResult;
}
