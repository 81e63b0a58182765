import type { Database, Statement } from './database.js';

/** What the `known` stage needs of a stored response to decide whether its text must be analysed. */
export interface StoredAnalysis {
  text: string;
  lexiconVersion: string | null;
}

interface AnalysisRow {
  external_id: string;
  text: string;
  lexicon_version: string | null;
}

/**
 * SQL that reads the responses of one source among a JSON array of external ids, in one statement per batch:
 * a statement per row cost more than the insert that follows (most ids of a dump are new and found absent).
 * Each id is still found through the (source, external_id) index.
 */
export function amongIds(columns: string): string {
  return `SELECT ${columns} FROM responses WHERE source = ? AND external_id IN (SELECT value FROM json_each(?))`;
}

/** Reads stored responses of one source by external id, before their batch reaches the writer. */
export class ResponseLookup {
  private readonly find: Statement<AnalysisRow>;

  constructor(
    db: Database,
    private readonly source: string,
  ) {
    this.find = db.prepare<AnalysisRow>(amongIds('external_id, text, lexicon_version'));
  }

  /** The stored responses among these ids, by id; an id not in the map has none. */
  analyses(externalIds: readonly string[]): Map<string, StoredAnalysis> {
    const found = new Map<string, StoredAnalysis>();
    if (externalIds.length === 0) return found;
    for (const row of this.find.all(this.source, JSON.stringify(externalIds))) {
      found.set(row.external_id, { text: row.text, lexiconVersion: row.lexicon_version });
    }
    return found;
  }
}
