import type { Database } from '../store/database.js';
import type { FeedbackItem } from './feedback-import.js';
import type { Stage } from './stage.js';

/**
 * Incremental runs: marks rows already stored with the same content and analysed (with this lexicon version,
 * or with any when not re-analysing), so the language and emotion stages skip them. Tonight's dump repeats
 * most of yesterday's; only new and changed rows cost analysis. Rows found absent are marked so the writer
 * can insert them without looking again.
 */
export function knownStage(db: Database, source: string, version: string, reanalyze: boolean): Stage<FeedbackItem> {
  const find = db.prepare('SELECT row_hash, lexicon_version FROM responses WHERE source = ? AND external_id = ?');
  return {
    name: 'known',
    run(items) {
      for (const item of items) {
        const row = item.row;
        if (!row) continue;
        const stored = find.get(source, row.externalId) as { row_hash: string; lexicon_version: string | null } | undefined;
        item.absent = stored === undefined;
        item.current =
          stored !== undefined &&
          stored.row_hash === row.rowHash &&
          stored.lexicon_version !== null &&
          (!reanalyze || stored.lexicon_version === version);
      }
    },
  };
}
