import type { Database } from './database.js';

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface DatabaseSummary {
  responses: number;
  bySource: Record<string, number>;
  byDeclaredLanguage: Record<string, number>;
  /** Detected language (issue #3); responses not analysed yet count under `?`. */
  byLanguage: Record<string, number>;
  withScore: number;
  withText: number;
  withBoth: number;
  /** NPS answers delivered by import-scores whose response has not arrived yet. */
  waitingScores: number;
  nps: NpsCounts;
}

/** The figures `heartline run` prints after an import. */
export function summarise(db: Database): DatabaseSummary {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const grouped = (sql: string) =>
    Object.fromEntries((db.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
  const nps = db
    .prepare(
      `SELECT COALESCE(SUM(score >= 9), 0) AS promoters, COALESCE(SUM(score BETWEEN 7 AND 8), 0) AS passives,
              COALESCE(SUM(score <= 6), 0) AS detractors FROM responses WHERE score IS NOT NULL`,
    )
    .get() as NpsCounts;
  return {
    responses: count('SELECT COUNT(*) AS n FROM responses'),
    bySource: grouped('SELECT source AS k, COUNT(*) AS n FROM responses GROUP BY source ORDER BY n DESC, k'),
    byDeclaredLanguage: grouped(
      `SELECT declared_language AS k, COUNT(*) AS n FROM responses WHERE declared_language IS NOT NULL
       GROUP BY declared_language ORDER BY n DESC, k`,
    ),
    byLanguage: grouped(
      `SELECT COALESCE(language, '?') AS k, COUNT(*) AS n FROM responses GROUP BY k ORDER BY n DESC, k`,
    ),
    withScore: count('SELECT COUNT(*) AS n FROM responses WHERE score IS NOT NULL'),
    withText: count("SELECT COUNT(*) AS n FROM responses WHERE trim(text) <> ''"),
    withBoth: count("SELECT COUNT(*) AS n FROM responses WHERE score IS NOT NULL AND trim(text) <> ''"),
    waitingScores: count(
      `SELECT COUNT(*) AS n FROM nps_scores s
       WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.source = s.source AND r.external_id = s.external_id)`,
    ),
    nps,
  };
}

/** NPS = % promoters − % detractors, on −100…100; null without answers. */
export function npsScore(c: NpsCounts): number | null {
  const n = c.promoters + c.passives + c.detractors;
  return n === 0 ? null : (100 * (c.promoters - c.detractors)) / n;
}
