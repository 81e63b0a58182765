import { setImmediate } from 'node:timers/promises';
import type { EmotionTagger } from '../emotion/tagger.js';
import type { LanguageDetector } from '../language/detect-language.js';
import { AnalysisWriter } from '../store/analysis-writer.js';
import type { Database } from '../store/database.js';
import { responsesToReanalyse } from '../store/reanalysis-reader.js';

export interface ReanalyzeResult {
  /** Responses analysed again, and the lexicon versions they had before. */
  reanalysed: number;
  from: Record<string, number>;
  version: string;
  /** Stopped by `signal` before the end: the batches done are committed, the rest is left for next time. */
  stopped: boolean;
}

const BATCH = 1000;

/**
 * Re-detects language and re-tags every response not analysed with the current lexicons (or every response
 * with `all`), in batched transactions: a report never has to mix two lexicon versions. Between batches it
 * lets the event loop run — so SIGINT and SIGTERM are heard and the run lock's lease is renewed — and stops
 * when `signal` fires.
 */
export async function reanalyze(
  db: Database,
  detector: LanguageDetector,
  tagger: EmotionTagger,
  all = false,
  signal?: AbortSignal,
): Promise<ReanalyzeResult> {
  const version = tagger.lexicons.version;
  const writer = new AnalysisWriter(db, tagger.lexicons);
  const from: Record<string, number> = {};
  const nextPage = responsesToReanalyse(db, version, all, BATCH);
  const writeBatch = db.transaction((rows: { id: number; text: string }[]) => {
    for (const row of rows) {
      const language = detector.detect(row.text);
      writer.replace(row.id, language, tagger.tag(row.text, language.segments));
    }
  });
  let after = 0;
  let reanalysed = 0;
  for (;;) {
    await setImmediate();
    if (signal?.aborted) return { reanalysed, from, version, stopped: true };
    const rows = nextPage(after);
    if (rows.length === 0) break;
    for (const r of rows) from[r.lexicon_version ?? 'none'] = (from[r.lexicon_version ?? 'none'] ?? 0) + 1;
    writeBatch(rows);
    reanalysed += rows.length;
    after = rows.at(-1)!.id;
  }
  return { reanalysed, from, version, stopped: false };
}
