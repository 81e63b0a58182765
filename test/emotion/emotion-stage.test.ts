import { describe, expect, it } from 'vitest';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { taggerFor } from '../../src/pipeline/taggers.js';
import { importFile } from '../../src/pipeline/import-file.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const options = { invocation: 't', source: 'default', columns: {} };

describe('emotion stage in the import', () => {
  it('stores tags with evidence, polarity and the lexicon version; unsupported languages get no tags', async () => {
    const db = openTestDb(tmp.dir());
    const dump = [
      'id,nps,comment',
      '1,10,"Спасибо огромное, превзошли все ожидания!"',
      '2,1,Fick ringa tre gånger. Aldrig mer!',
      '3,9,服务很好，下次还会再来',
      '4,0,Nagyon csalódott vagyok.',
      '5,2,"Had to call three times, total waste of time."',
      '6,3,Die Lieferung kam zu spät und ich bin enttäuscht.',
      '7,10,',
    ].join('\n');
    await importFile(db, tmp.file('dump.csv', dump), feedbackImport, options);
    const version = taggerFor().lexicons.version;
    const tags = rows<{ external_id: string; emotion: string; evidence: string; lexicon_version: string }>(
      db,
      'SELECT r.external_id, t.emotion, t.evidence, t.lexicon_version FROM emotion_tags t JOIN responses r ON r.id = t.response_id ORDER BY r.id, t.emotion',
    );
    const byId = (id: string) => tags.filter((t) => t.external_id === id).map((t) => t.emotion);
    expect(byId('1')).toEqual(expect.arrayContaining(['delight', 'gratitude']));
    expect(byId('2')).toEqual(expect.arrayContaining(['frustration', 'defection']));
    expect(byId('3')).toEqual(expect.arrayContaining(['commitment']));
    expect(byId('4')).toEqual(['disappointment']);
    expect(byId('5')).toEqual(expect.arrayContaining(['frustration']));
    expect(byId('6')).toEqual([]);
    expect(byId('7')).toEqual([]);
    for (const t of tags) {
      expect(t.lexicon_version).toBe(version);
      const text = (rows<{ text: string }>(db, 'SELECT text FROM responses WHERE external_id = ?', t.external_id)[0]!).text;
      for (const e of JSON.parse(t.evidence) as { start: number; end: number; text: string }[]) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
      }
    }
    expect(rows(db, 'SELECT COUNT(*) AS n FROM responses WHERE lexicon_version = ?', version)).toEqual([{ n: 7 }]);
    expect(rows(db, 'SELECT version FROM lexicon_versions')).toEqual([{ version }]);
    const polarity = rows<{ external_id: string; polarity: number }>(db, 'SELECT external_id, polarity FROM responses ORDER BY id');
    expect(polarity[0]!.polarity).toBeGreaterThan(0);
    expect(polarity[3]!.polarity).toBeLessThan(0);
  });

  it('replaces the tags of an updated response and keeps those of unchanged ones', async () => {
    const db = openTestDb(tmp.dir());
    await importFile(db, tmp.file('a.csv', 'id,nps,comment\n1,10,Tack så mycket!\n2,2,Jag är besviken.\n'), feedbackImport, options);
    await importFile(db, tmp.file('b.csv', 'id,nps,comment\n1,10,Tack så mycket!\n2,2,Jag är arg och besviken.\n'), feedbackImport, options);
    const tags = rows<{ id: string; emotion: string }>(
      db,
      'SELECT r.external_id AS id, t.emotion FROM emotion_tags t JOIN responses r ON r.id = t.response_id ORDER BY 1, 2',
    );
    expect(tags).toEqual([
      { id: '1', emotion: 'gratitude' },
      { id: '2', emotion: 'anger' },
      { id: '2', emotion: 'disappointment' },
    ]);
  });
});
