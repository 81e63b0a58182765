import type { ImportStore } from '../store/import-store.js';
import type { FeedbackItem } from './feedback-import.js';
import type { Stage } from './stage.js';

/**
 * Incremental runs: marks rows whose stored text is the same and analysed (with this lexicon version, or
 * with any when not re-analysing), so the language and emotion stages skip them — analysis depends on the
 * text alone. Tonight's dump repeats most of yesterday's; only new and changed comments cost analysis. A row
 * from a file without a comment column carries the stored text, so a stored response never analysed is
 * analysed now. Rows found absent are marked so the writer can insert them without looking again. The
 * batch's ids are looked up at once (one round trip on a server).
 */
export function knownStage(store: ImportStore, source: string, version: string, reanalyze: boolean): Stage<FeedbackItem> {
  return {
    name: 'known',
    async run(items) {
      const ids = items.flatMap((item) => (item.row ? [item.row.externalId] : []));
      const found = await store.storedAnalysis(source, ids);
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
