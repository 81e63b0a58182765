import type { Database } from '../store/database.js';
import { ResponseLookup } from '../store/response-lookup.js';
import type { FeedbackItem } from './feedback-import.js';
import type { Stage } from './stage.js';

/**
 * Incremental runs: marks rows whose stored text is the same and analysed (with this lexicon version, or
 * with any when not re-analysing), so the language and emotion stages skip them — analysis depends on the
 * text alone. Tonight's dump repeats most of yesterday's; only new and changed comments cost analysis. A row
 * from a file without a comment column carries the stored text, so a stored response never analysed is
 * analysed now. Rows found absent are marked so the writer can insert them without looking again.
 */
export function knownStage(db: Database, source: string, version: string, reanalyze: boolean): Stage<FeedbackItem> {
  const lookup = new ResponseLookup(db, source);
  return {
    name: 'known',
    run(items) {
      const found = lookup.analyses(items.flatMap((item) => (item.row ? [item.row.externalId] : [])));
      for (const item of items) {
        const row = item.row;
        if (!row) continue;
        const stored = found.get(row.externalId);
        item.absent = stored === undefined;
        if (!stored) continue;
        if (!row.supplied.text) row.text = stored.text;
        item.current =
          stored.text === row.text &&
          stored.lexiconVersion !== null &&
          (!reanalyze || stored.lexiconVersion === version);
      }
    },
  };
}
