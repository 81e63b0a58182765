import type { Database, Statement } from './database.js';

/** What the `known` stage needs of a stored response to decide whether its text must be analysed. */
export interface StoredAnalysis {
  text: string;
  lexiconVersion: string | null;
}

interface AnalysisRow {
  text: string;
  lexicon_version: string | null;
}

/** Reads stored responses of one source by external id, before their batch reaches the writer. */
export class ResponseLookup {
  private readonly find: Statement<AnalysisRow>;

  constructor(
    db: Database,
    private readonly source: string,
  ) {
    this.find = db.prepare<AnalysisRow>('SELECT text, lexicon_version FROM responses WHERE source = ? AND external_id = ?');
  }

  analysis(externalId: string): StoredAnalysis | undefined {
    const row = this.find.get(this.source, externalId);
    return row && { text: row.text, lexiconVersion: row.lexicon_version };
  }
}
