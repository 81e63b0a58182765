import { describe, expect, it } from 'vitest';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { importFile } from '../../src/pipeline/import-file.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

describe('language stage in the import', () => {
  it('stores language, confidence, support and segments for every response', async () => {
    const db = openTestDb(tmp.dir());
    const dump = [
      'id,nps,comment',
      '1,10,"Ни разу не подвели, спасибо!"',
      '2,2,Fick ringa tre gånger innan någon svarade.',
      '3,9,服务很好，下次还来',
      '4,0,Soha többé nem rendelek.',
      '5,8,Fine. Nothing special.',
      '6,3,Die Lieferung kam zwei Tage zu spät und niemand hat angerufen.',
      '7,10,',
      '8,9,"Great hotel and friendly staff. Men frukosten var verkligen dålig och kaffet var kallt."',
    ].join('\n');
    await importFile(db, tmp.file('dump.csv', dump), feedbackImport, { invocation: 't', source: 'default', columns: {} });
    const stored = rows<{ external_id: string; language: string; language_supported: number; segments: string }>(
      db,
      'SELECT external_id, language, language_supported, language_segments AS segments FROM responses ORDER BY id',
    );
    expect(stored.map((r) => [r.external_id, r.language, r.language_supported])).toEqual([
      ['1', 'rus', 1],
      ['2', 'swe', 1],
      ['3', 'cmn', 1],
      ['4', 'hun', 1],
      ['5', 'eng', 1],
      ['6', 'deu', 0],
      ['7', 'und', 0],
      ['8', 'swe', 1],
    ]);
    const mixed = JSON.parse(stored[7]!.segments) as { lang: string; start: number; end: number }[];
    expect(mixed.map((s) => s.lang)).toEqual(['eng', 'swe']);
    expect(JSON.parse(stored[6]!.segments)).toEqual([]);
  });

  it('gives rows imported before language detection existed their language on the next import', async () => {
    const db = openTestDb(tmp.dir());
    const path = tmp.file('old.csv', 'id,nps,comment\n1,9,Tack för snabb leverans!\n');
    await importFile(db, path, feedbackImport, { invocation: 't', source: 'default', columns: {} });
    db.prepare('UPDATE responses SET language = NULL, language_confidence = NULL, language_supported = NULL, language_segments = NULL, lexicon_version = NULL').run();
    const again = await importFile(db, path, feedbackImport, { invocation: 't2', source: 'default', columns: {} });
    expect(again.counts.unchanged).toBe(1);
    expect(rows(db, 'SELECT language, language_supported FROM responses')).toEqual([{ language: 'swe', language_supported: 1 }]);
  });
});
