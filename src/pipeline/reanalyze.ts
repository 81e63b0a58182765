import { setImmediate } from 'node:timers/promises';
import type { TagResult } from '../emotion/tag-result.js';
import type { EmotionTagger } from '../emotion/tagger.js';
import type { LanguageDetector } from '../language/detect-language.js';
import type { TextLanguage } from '../language/detection.js';
import { AnalysisWriter } from '../store/analysis-writer.js';
import type { Database } from '../store/database.js';
import { PgReanalysis } from '../store/pg/pg-reanalysis.js';
import type { Postgres } from '../store/pg/postgres.js';
import { type ResponseToAnalyse, responsesToReanalyse } from '../store/reanalysis-reader.js';

export interface ReanalyzeResult {
  /** Responses analysed again, and the lexicon versions they had before. */
  reanalysed: number;
  from: Record<string, number>;
  version: string;
  /** Stopped by `signal` before the end: the batches done are committed, the rest is left for next time. */
  stopped: boolean;
}

/** The store's side of a re-analysis: pages of responses after an id, and a page's new analyses in one transaction. */
interface ReanalysisStore {
  page(after: number, limit: number): ResponseToAnalyse[] | Promise<ResponseToAnalyse[]>;
  write(analysed: { id: number; language: TextLanguage; emotions: TagResult }[]): void | Promise<void>;
}

const BATCH = 1000;

function sqliteReanalysis(db: Database, tagger: EmotionTagger, all: boolean): ReanalysisStore {
  const writer = new AnalysisWriter(db, tagger.lexicons);
  const nextPage = responsesToReanalyse(db, tagger.lexicons.version, all, BATCH);
  return {
    page: (after) => nextPage(after),
    write: db.transaction((analysed: { id: number; language: TextLanguage; emotions: TagResult }[]) => {
      for (const a of analysed) writer.replace(a.id, a.language, a.emotions);
    }),
  };
}

/**
 * Re-detects language and re-tags every response not analysed with the current lexicons (or every response
 * with `all`), in batched transactions: a report never has to mix two lexicon versions. Between batches it
 * lets the event loop run — so SIGINT and SIGTERM are heard and the run lock's lease is renewed — and stops
 * when `signal` fires. `db` is a SQLite database or a PostgreSQL one.
 */
export async function reanalyze(
  db: Database | Postgres,
  detector: LanguageDetector,
  tagger: EmotionTagger,
  all = false,
  signal?: AbortSignal,
): Promise<ReanalyzeResult> {
  const version = tagger.lexicons.version;
  const store: ReanalysisStore = 'pool' in db ? new PgReanalysis(db, tagger.lexicons, all) : sqliteReanalysis(db, tagger, all);
  const from: Record<string, number> = {};
  let after = 0;
  let reanalysed = 0;
  for (;;) {
    await setImmediate();
    if (signal?.aborted) return { reanalysed, from, version, stopped: true };
    const rows = await store.page(after, BATCH);
    if (rows.length === 0) break;
    for (const r of rows) from[r.lexicon_version ?? 'none'] = (from[r.lexicon_version ?? 'none'] ?? 0) + 1;
    await store.write(rows.map((row) => {
      const language = detector.detect(row.text);
      return { id: row.id, language, emotions: tagger.tag(row.text, language.segments) };
    }));
    reanalysed += rows.length;
    after = rows.at(-1)!.id;
  }
  return { reanalysed, from, version, stopped: false };
}
