import type { TagResult } from '../emotion/tag-result.js';
import type { TextLanguage } from '../language/detection.js';
import type { Database, Statement } from './database.js';
import { now } from './import-ledger.js';

/** Writes a response's analysis — language, emotion tags with evidence, polarity, lexicon version — replacing any earlier one. */
export class AnalysisWriter {
  private readonly update: Statement;
  private readonly clear: Statement;
  private readonly insert: Statement;

  constructor(
    db: Database,
    readonly lexicons: { version: string; dirs: string[] },
  ) {
    this.update = db.prepare(
      `UPDATE responses SET language = ?, language_confidence = ?, language_supported = ?, language_segments = ?,
         polarity = ?, lexicon_version = ? WHERE id = ?`,
    );
    this.clear = db.prepare('DELETE FROM emotion_tags WHERE response_id = ?');
    this.insert = db.prepare(
      'INSERT INTO emotion_tags (response_id, emotion, score, evidence, lexicon_version) VALUES (?, ?, ?, ?, ?)',
    );
    db.prepare('INSERT OR IGNORE INTO lexicon_versions (version, dirs, first_used) VALUES (?, ?, ?)').run(
      lexicons.version,
      JSON.stringify(lexicons.dirs),
      now(),
    );
  }

  /** For a response stored just now: its tags only (the row itself was written with its analysis). */
  insertTags(id: number, emotions: TagResult): void {
    for (const tag of emotions.emotions) {
      this.insert.run(id, tag.emotion, tag.score, tag.evidenceJson ?? JSON.stringify(tag.evidence), this.lexicons.version);
    }
  }

  /** A response's tags replaced by these (none when it was not analysed: old tags describe old text). */
  replaceTags(id: number, emotions: TagResult | undefined): void {
    this.clear.run(id);
    if (emotions) this.insertTags(id, emotions);
  }

  replace(id: number, language: TextLanguage, emotions: TagResult): void {
    this.replaceTags(id, emotions);
    this.update.run(...languageColumns(language), emotions.polarity, this.lexicons.version, id);
  }
}

/** language, language_confidence, language_supported, language_segments. */
export function languageColumns(l: TextLanguage | undefined): [string | null, number | null, number | null, string | null] {
  if (!l) return [null, null, null, null];
  return [l.lang, l.confidence, l.supported ? 1 : 0, JSON.stringify(l.segments)];
}
