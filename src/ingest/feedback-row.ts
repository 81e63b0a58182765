import type { RowWarning } from './reject.js';
import type { TagResult } from '../emotion/tag-result.js';
import type { TextLanguage } from '../language/detection.js';

/** A validated feedback row, ready to store. */
export interface FeedbackRow {
  line: number;
  /** The id from the file, or `#` + the content hash when the file has no id column. */
  externalId: string;
  text: string;
  score: number | null;
  respondedAt: string | null;
  segments: Record<string, string>;
  declaredLanguage: string | null;
  /** Hash of everything above but the line: equal hashes mean an unchanged row. */
  rowHash: string;
  /** What was left out of the row (an unreadable date), for `import_warnings`. */
  warning?: RowWarning;
  /** Assigned by the language stage. */
  language?: TextLanguage;
  /** Assigned by the emotion stage. */
  emotions?: TagResult;
}
