import { describe, expect, it } from 'vitest';
import { feedbackImport } from '../../src/pipeline/feedback-import.js';
import { type ImportOptions, importFile } from '../../src/pipeline/import-file.js';
import { scoresImport } from '../../src/pipeline/scores-import.js';
import { closeWorkers } from '../../src/pipeline/worker-analysis-stage.js';
import type { Database } from '../../src/store/database.js';
import { openTestDb, rows } from '../helpers/open-test-db.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({ invocation: 'test', source: 'default', columns: {}, ...over });

/** No id column: the external id is the row hash, the case where hashing redacted text matters most. */
const DUMP = [
  'date,nps,comment',
  '2025-03-01,10,"Спасибо! Мой телефон +7 912 345-67-89"',
  '2025-03-02,2,Jag är jättearg. Mejla anna.svensson@example.se',
  '2025-03-03,9,客服很耐心，我的电话 138 0013 8000',
  '2025-03-04,0,Csalódott vagyok. 06 30 123 4567',
  '2025-03-05,1,"Card 4111 1111 1111 1111 charged twice, furious!"',
].join('\n');

const texts = (db: Database) => rows<{ text: string }>(db, 'SELECT text FROM responses ORDER BY responded_at').map((r) => r.text);
const counts = async (db: Database, path: string, over: Partial<ImportOptions>) => (await importFile(db, path, feedbackImport, options(over))).counts;

describe('importFile with redact', () => {
  it.each([[0], [2]])('stores and analyses redacted text, hashed as stored (workers: %i)', async (workers) => {
    const db = openTestDb(tmp.dir());
    const path = tmp.file('dump.csv', DUMP);
    expect(await counts(db, path, { redact: true, workers })).toMatchObject({ inserted: 5 });
    expect(texts(db)).toEqual([
      'Спасибо! Мой телефон [PHONE]',
      'Jag är jättearg. Mejla [EMAIL]',
      '客服很耐心，我的电话 [PHONE]',
      'Csalódott vagyok. [PHONE]',
      'Card [CARD] charged twice, furious!',
    ]);
    expect(rows(db, "SELECT language FROM responses ORDER BY responded_at").map((r) => r['language'])).toEqual(['rus', 'swe', 'cmn', 'hun', 'eng']);
    // The hash is of the redacted text: importing the same dump again with --redact changes nothing.
    expect(await counts(db, path, { redact: true, workers })).toMatchObject({ inserted: 0, unchanged: 5 });
    await closeWorkers();
  }, 60_000);

  it('a database imported without it is masked by importing again with it (new hashes)', async () => {
    const db = openTestDb(tmp.dir());
    const withIds = DUMP.split('\n').map((line, i) => (i === 0 ? `id,${line}` : `${i},${line}`)).join('\n');
    const path = tmp.file('dump.csv', withIds);
    expect(await counts(db, path, {})).toMatchObject({ inserted: 5 });
    expect(texts(db)[0]).toBe('Спасибо! Мой телефон +7 912 345-67-89');
    expect(await counts(db, path, { redact: true })).toMatchObject({ updated: 5 });
    expect(texts(db)[0]).toBe('Спасибо! Мой телефон [PHONE]');
    // The ledger says which imports masked (heartline suggest masks what it shows when any did).
    expect(rows(db, 'SELECT redacted FROM import_runs ORDER BY id')).toEqual([{ redacted: 0 }, { redacted: 1 }]);
  }, 60_000);

  it('masks the raw lines and reasons of rejected rows, in scores files too', async () => {
    const db = openTestDb(tmp.dir());
    await importFile(db, tmp.file('bad.csv', 'id,nps,comment\n1,11,Ring 070-123 45 67\n'), feedbackImport, options({ redact: true }));
    await importFile(db, tmp.file('scores.csv', 'id,score\nanna@example.se,+46 70 123 45 67\n'), scoresImport, options({ redact: true }));
    expect(rows(db, 'SELECT code, reason, raw FROM rejects ORDER BY id')).toEqual([
      { code: 'R_SCORE', reason: 'NPS answer 11 is outside 0–10', raw: '1,11,Ring [PHONE]' },
      { code: 'R_SCORE', reason: "NPS answer '[PHONE]' is not a number from 0 to 10", raw: '[EMAIL],[PHONE]' },
    ]);
  }, 60_000);
});
